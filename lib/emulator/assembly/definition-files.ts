/**
 * Reading an API definition file (an asset for `BodyS3Location` or an `AWS::Include` location):
 * JSON, or YAML as API Gateway also accepts.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { AssetSource } from './cloud-assembly';
import type { ResourceEntry } from './load-context';
import { asRecord, asString } from './template-values';

export type ParsedDefinition =
  | { readonly ok: true; readonly document: unknown }
  | { readonly ok: false; readonly reason: string };

export function readDefinitionFile(file: string): ParsedDefinition {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { ok: false, reason: `API definition ${file} cannot be read (${(error as Error).message})` };
  }
  return parseDefinition(text, file);
}

export function parseDefinition(text: string, origin: string): ParsedDefinition {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || path.extname(origin).toLowerCase() === '.json') {
    try {
      return { ok: true, document: JSON.parse(text) };
    } catch (error) {
      return { ok: false, reason: `API definition ${origin} is not valid JSON (${(error as Error).message})` };
    }
  }
  const yaml = yamlParser();
  if (!yaml) return { ok: false, reason: `API definition ${origin} is YAML, and no YAML parser is installed` };
  try {
    return { ok: true, document: yaml(text) };
  } catch (error) {
    return { ok: false, reason: `API definition ${origin} is not valid YAML (${(error as Error).message})` };
  }
}

type YamlParse = (text: string) => unknown;
let cachedParser: YamlParse | null | undefined;

/**
 * The `yaml` package when the project has it, else the copy aws-cdk-lib ships (it parses templates
 * with it); loading only that module pulls in no construct code.
 */
function yamlParser(): YamlParse | null {
  if (cachedParser !== undefined) return cachedParser;
  const candidates = [
    () => require.resolve('yaml'),
    () => require.resolve('yaml', { paths: [path.dirname(require.resolve('aws-cdk-lib/package.json'))] }),
  ];
  cachedParser = null;
  for (const candidate of candidates) {
    try {
      const module = require(candidate()) as { parse?: YamlParse };
      if (typeof module.parse === 'function') {
        cachedParser = module.parse;
        break;
      }
    } catch {
      // not installed here; try the next place
    }
  }
  return cachedParser;
}

export type DefinitionDocument = { readonly document: unknown } | { readonly problem: string } | Record<string, never>;

/** The OpenAPI document behind `Body` (inline or `AWS::Include`) or `BodyS3Location`, for REST and HTTP APIs alike. */
export function definitionDocument(entry: ResourceEntry, assets: ReadonlyMap<string, AssetSource>): DefinitionDocument {
  const body = entry.raw('Body');
  const include = asRecord(asRecord(body)?.['Fn::Transform']);
  if (include) {
    if (include.Name !== 'AWS::Include')
      return { problem: `Body transform ${String(include.Name)} is not supported locally` };
    const location = asString(entry.resolve(asRecord(include.Parameters)?.Location, 'AWS::Include Location'));
    const file = assetFile(location, undefined, entry, assets);
    if (!file) return { problem: `AWS::Include location ${location ?? '(none)'} is not an asset of this assembly` };
    const parsed = readDefinitionFile(file);
    // CloudFormation processes intrinsic functions inside an included snippet.
    return parsed.ok ? { document: entry.resolve(parsed.document, 'Body') } : { problem: parsed.reason };
  }
  if (body !== undefined) {
    const resolved = entry.prop('Body');
    if (typeof resolved !== 'string') return { document: resolved };
    const parsed = parseDefinition(resolved, `${entry.path} Body`);
    return parsed.ok ? { document: parsed.document } : { problem: parsed.reason };
  }
  const s3 = asRecord(entry.prop('BodyS3Location'));
  if (!s3) return {};
  const key = asString(s3.Key);
  const file = assetFile(key, asString(entry.metadata('aws:asset:path')), entry, assets);
  if (!file) {
    return {
      problem: `BodyS3Location s3://${asString(s3.Bucket) ?? '?'}/${key ?? '?'} is not an asset of this assembly`,
    };
  }
  // API Gateway imports the object as is: no intrinsic functions are processed in it.
  const parsed = readDefinitionFile(file);
  return parsed.ok ? { document: parsed.document } : { problem: parsed.reason };
}

/** The local file behind an S3 location: `aws:asset:path` metadata, else the asset published to that key. */
function assetFile(
  location: string | undefined,
  assetPath: string | undefined,
  entry: ResourceEntry,
  assets: ReadonlyMap<string, AssetSource>,
): string | undefined {
  if (assetPath) return path.resolve(entry.scope.assemblyDir, assetPath);
  const key = (location ?? '').replace(/^s3:\/\/[^/]+\//, '');
  return (assets.get(key) ?? assets.get(key.split('/').pop() ?? ''))?.path;
}
