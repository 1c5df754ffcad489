/**
 * The files of a cloud assembly (`cdk.out`): the manifest, each stack's template, the asset manifests
 * that say which local file became which S3 object, and the construct paths of logical ids. Nested cloud
 * assemblies (CDK `Stage`s) are read recursively. Only plain JSON here: no aws-cdk-lib at serve time.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { UnsupportedResource } from '../model';
import { asRecord, asString, type JsonRecord } from './template-values';

export interface CfnResource {
  readonly Type: string;
  readonly Properties?: JsonRecord;
  readonly Metadata?: JsonRecord;
  readonly Condition?: string;
}

export interface CfnTemplate {
  readonly Parameters?: Readonly<Record<string, { readonly Type?: string; readonly Default?: unknown }>>;
  readonly Conditions?: JsonRecord;
  readonly Mappings?: JsonRecord;
  readonly Resources?: Readonly<Record<string, CfnResource>>;
  readonly Outputs?: Readonly<
    Record<string, { readonly Value?: unknown; readonly Export?: { readonly Name?: unknown } }>
  >;
}

export interface AssemblyStack {
  readonly artifactId: string;
  readonly stackName: string;
  /** Directory of the manifest that lists this stack; asset paths are relative to it. */
  readonly assemblyDir: string;
  readonly template: CfnTemplate;
  /** `aws://account/region` from the manifest, when not `unknown-…`. */
  readonly account?: string;
  readonly region?: string;
  /** Construct paths of every logical id in the stack and its nested stacks (manifest metadata). */
  readonly constructPaths: readonly { readonly path: string; readonly logicalId: string }[];
}

export interface AssetSource {
  /** Absolute path of the asset's source file or directory. */
  readonly path: string;
  /** `file` or `zip` (a directory zipped at publish time). */
  readonly packaging: string;
}

export interface CloudAssemblyFiles {
  readonly directory: string;
  readonly stacks: readonly AssemblyStack[];
  /** Asset sources by the S3 object key they are published to (as templates name them). */
  readonly assets: ReadonlyMap<string, AssetSource>;
  /** Stacks whose template could not be read. */
  readonly problems: readonly UnsupportedResource[];
}

/** Reads `dir/manifest.json` and everything it lists; throws only when there is no readable manifest. */
export function readCloudAssembly(dir: string): CloudAssemblyFiles {
  const directory = path.resolve(dir);
  const stacks: AssemblyStack[] = [];
  const assets = new Map<string, AssetSource>();
  const problems: UnsupportedResource[] = [];
  readManifest(directory, stacks, assets, problems, true);
  return { directory, stacks, assets, problems };
}

function readManifest(
  directory: string,
  stacks: AssemblyStack[],
  assets: Map<string, AssetSource>,
  problems: UnsupportedResource[],
  root: boolean,
): void {
  const manifestFile = path.join(directory, 'manifest.json');
  let manifest: JsonRecord;
  try {
    manifest = asRecord(JSON.parse(readFileSync(manifestFile, 'utf8'))) ?? {};
  } catch (error) {
    const detail = existsSync(manifestFile)
      ? `it is not readable JSON (${(error as Error).message})`
      : 'it does not exist';
    if (!root) {
      problems.push({ path: directory, reason: `nested cloud assembly skipped: ${manifestFile} ${detail}` });
      return;
    }
    throw new Error(
      `No cloud assembly in ${directory}: expected a CDK manifest at ${manifestFile}, but ${detail}. ` +
        'Run `cdk synth` first and pass its output directory (usually cdk.out).',
    );
  }
  for (const [artifactId, value] of Object.entries(asRecord(manifest.artifacts) ?? {})) {
    const artifact = asRecord(value) ?? {};
    const properties = asRecord(artifact.properties) ?? {};
    switch (artifact.type) {
      case 'aws:cloudformation:stack': {
        const stack = readStack(directory, artifactId, artifact, properties, problems);
        if (stack) stacks.push(stack);
        break;
      }
      case 'cdk:asset-manifest':
        readAssetManifest(directory, asString(properties.file), assets);
        break;
      case 'cdk:cloud-assembly': {
        const nested = asString(properties.directoryName);
        if (nested) readManifest(path.resolve(directory, nested), stacks, assets, problems, false);
        break;
      }
    }
  }
}

function readStack(
  directory: string,
  artifactId: string,
  artifact: JsonRecord,
  properties: JsonRecord,
  problems: UnsupportedResource[],
): AssemblyStack | undefined {
  const stackName = asString(properties.stackName) ?? artifactId;
  const templateFile = asString(properties.templateFile);
  const template = templateFile ? readJson(path.resolve(directory, templateFile)) : undefined;
  if (!template) {
    problems.push({
      path: stackName,
      reason: `stack template ${templateFile ?? '(none named)'} is missing or unreadable`,
    });
    return undefined;
  }
  const env = /^aws:\/\/([^/]+)\/(.+)$/.exec(asString(artifact.environment) ?? '');
  const known = (value: string | undefined) => (value && !value.startsWith('unknown-') ? value : undefined);
  const metadata: Record<string, unknown> = { ...(asRecord(artifact.metadata) ?? {}) };
  const metadataFile = asString(artifact.additionalMetadataFile);
  if (metadataFile) Object.assign(metadata, readJson(path.resolve(directory, metadataFile)) ?? {});
  return {
    artifactId,
    stackName,
    assemblyDir: directory,
    template: template as CfnTemplate,
    account: known(env?.[1]),
    region: known(env?.[2]),
    constructPaths: constructPathsFrom(metadata),
  };
}

/** Metadata entries `{ "/Stack/Api/Resource": [{ type: "aws:cdk:logicalId", data: "ApiF70053CD" }] }`. */
function constructPathsFrom(metadata: JsonRecord): { path: string; logicalId: string }[] {
  const out: { path: string; logicalId: string }[] = [];
  for (const [constructPath, entries] of Object.entries(metadata)) {
    if (!Array.isArray(entries)) continue;
    for (const entry of entries) {
      const record = asRecord(entry);
      if (record?.type === 'aws:cdk:logicalId' && typeof record.data === 'string') {
        out.push({ path: constructPath.replace(/^\//, ''), logicalId: record.data });
      }
    }
  }
  return out;
}

function readAssetManifest(directory: string, file: string | undefined, assets: Map<string, AssetSource>): void {
  if (!file) return;
  const manifest = asRecord(readJson(path.resolve(directory, file))) ?? {};
  for (const value of Object.values(asRecord(manifest.files) ?? {})) {
    const asset = asRecord(value) ?? {};
    const source = asRecord(asset.source) ?? {};
    const sourcePath = asString(source.path);
    if (!sourcePath) continue;
    const entry = { path: path.resolve(directory, sourcePath), packaging: asString(source.packaging) ?? 'file' };
    for (const destination of Object.values(asRecord(asset.destinations) ?? {})) {
      const objectKey = asString(asRecord(destination)?.objectKey);
      if (objectKey) assets.set(objectKey, entry);
    }
  }
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}
