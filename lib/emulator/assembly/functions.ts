/**
 * `AWS::Lambda::Function` resources as the Lambda runtime needs them: code location (asset directory
 * or inline `ZipFile`), handler, environment, limits, and why a function cannot run locally.
 */
import { statSync } from 'node:fs';
import * as path from 'node:path';
import type { FunctionModel } from '../model';
import { layerDirectories } from './layers';
import type { LoadContext, ResourceEntry } from './load-context';
import { asNumber, asRecord, asString } from './template-values';

/** Lambda's defaults when the template leaves them out. */
const DEFAULT_TIMEOUT_SECONDS = 3;
const DEFAULT_MEMORY_SIZE = 128;
/** Runtimes the emulator runs: Node.js in worker threads, the others through a local Runtime API. */
const LOCAL_RUNTIMES = /^(nodejs|python3\.|provided)/;

export function loadFunctions(
  context: Pick<LoadContext, 'entries' | 'assets' | 'unsupported'>,
): Map<string, FunctionModel> {
  const functions = new Map<string, FunctionModel>();
  for (const entry of context.entries('AWS::Lambda::Function')) {
    const model = functionModel(entry, context);
    if (model.unsupportedReason) context.unsupported(model.path, model.unsupportedReason);
    const earlier = functions.get(model.arn);
    if (earlier) {
      context.unsupported(
        model.path,
        `function ${model.arn} is also declared at ${earlier.path}; only the first is served`,
      );
      continue;
    }
    functions.set(model.arn, model);
  }
  return functions;
}

function functionModel(
  entry: ResourceEntry,
  context: Pick<LoadContext, 'entries' | 'assets' | 'unsupported'>,
): FunctionModel {
  const arn = String(entry.scope.resolve({ 'Fn::GetAtt': [entry.logicalId, 'Arn'] }));
  const runtime = asString(entry.prop('Runtime')) ?? '';
  const code = codeLocation(entry, context);
  let unsupportedReason = code.unsupportedReason;
  if (!runtime) unsupportedReason = 'it has no Runtime (container image functions are not supported locally)';
  else if (!LOCAL_RUNTIMES.test(runtime))
    unsupportedReason = `runtime ${runtime} is not supported locally; nodejs*, python3.* and provided* are`;
  const layers = layerDirectories(entry, context, (layer, property) => codeLocation(layer, context, property));
  const reservedConcurrency = asNumber(entry.prop('ReservedConcurrentExecutions'));
  return {
    logicalId: entry.logicalId,
    arn,
    functionName: arn.slice(arn.lastIndexOf(':') + 1),
    path: entry.path,
    runtime,
    handler: asString(entry.prop('Handler')) ?? '',
    ...(code.codeDirectory ? { codeDirectory: code.codeDirectory } : {}),
    ...(code.inlineCode !== undefined ? { inlineCode: code.inlineCode } : {}),
    environment: environmentVariables(entry),
    timeoutSeconds: asNumber(entry.prop('Timeout')) ?? DEFAULT_TIMEOUT_SECONDS,
    memorySize: asNumber(entry.prop('MemorySize')) ?? DEFAULT_MEMORY_SIZE,
    ...(layers.length > 0 ? { layers } : {}),
    ...(reservedConcurrency !== undefined ? { reservedConcurrency } : {}),
    ...(unsupportedReason ? { unsupportedReason } : {}),
  };
}

/** Values are resolved one by one, so one unresolvable variable reports its own name. */
function environmentVariables(entry: ResourceEntry): Record<string, string> {
  const variables = asRecord(asRecord(entry.raw('Environment'))?.Variables) ?? {};
  const out: Record<string, string> = {};
  for (const [name, raw] of Object.entries(variables)) {
    const value = entry.resolve(raw, `environment variable ${name}`);
    if (value === undefined) continue;
    out[name] = asString(value) ?? JSON.stringify(value);
  }
  return out;
}

interface CodeLocation {
  readonly codeDirectory?: string;
  readonly inlineCode?: string;
  readonly unsupportedReason?: string;
}

/**
 * The CLI marks asset-backed properties with `aws:asset:path` metadata; an in-memory synth does not,
 * so the S3 key the template names is looked up in the asset manifests instead.
 */
function codeLocation(entry: ResourceEntry, context: Pick<LoadContext, 'assets'>, property = 'Code'): CodeLocation {
  const code = asRecord(entry.prop(property)) ?? {};
  const inline = asString(code.ZipFile);
  if (inline !== undefined) return { inlineCode: inline };
  if (code.ImageUri !== undefined) return { unsupportedReason: 'container image functions are not supported locally' };
  const assetPath = asString(entry.metadata('aws:asset:path'));
  const key = asString(code.S3Key) ?? '';
  const asset = assetPath
    ? { path: path.resolve(entry.scope.assemblyDir, assetPath), packaging: 'zip' }
    : (context.assets.get(key) ?? context.assets.get(key.split('/').pop() ?? ''));
  if (!asset) {
    return {
      unsupportedReason: `its code is in s3://${asString(code.S3Bucket) ?? '?'}/${key}, which is not an asset of this assembly`,
    };
  }
  const kind = fileKind(asset.path);
  if (kind === 'directory') return { codeDirectory: asset.path };
  if (kind === 'missing')
    return { unsupportedReason: `its code asset ${asset.path} is missing (was the assembly moved or cleaned?)` };
  return { unsupportedReason: `its code asset ${asset.path} is a packaged file; only asset directories run locally` };
}

function fileKind(file: string): 'directory' | 'file' | 'missing' {
  try {
    return statSync(file).isDirectory() ? 'directory' : 'file';
  } catch {
    return 'missing';
  }
}
