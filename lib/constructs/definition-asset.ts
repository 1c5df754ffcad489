/**
 * Where each version's OpenAPI definition goes (docs/decisions/0006). Small definitions stay in the
 * template as the RestApi `Body`. When a stack's definitions would take more than
 * `INLINE_DEFINITIONS_BUDGET` of its template, the largest leave it as file assets, in one of two forms:
 *
 * - `BodyS3Location` when the definition holds no deploy-time value once the stack's own region and
 *   account are filled in: API Gateway imports the object as is, and no CloudFormation size limit applies.
 * - `Body: { Fn::Transform: AWS::Include }` otherwise (authorizer function ARNs, an environment-agnostic
 *   region): CloudFormation resolves the intrinsics in the included file, and the file counts toward the
 *   1 MB limit of the processed template, so it is written compact, with `Fn::Join`s folded into `Fn::Sub`.
 *
 * The decision is taken at synth time, when every route is known, and the same for every caller
 * (template, size checks), so what a user writes never changes with the size of the table.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { type CfnElement, FileAssetPackaging, type IResolvable, Lazy, Stack, Stage, Token } from 'aws-cdk-lib';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import type { Construct } from 'constructs';
import type { OpenApiDocument } from '../core/openapi';

/** A stack's definitions stay in the template while together they take at most this many bytes of it. */
export const INLINE_DEFINITIONS_BUDGET = 500_000;

/** What `attachDefinition` needs of a version (GatewayVersion). */
export interface DefinitionSource extends Construct {
  readonly versionName: string;
  /** The RestApi whose `Body` or `BodyS3Location` carries the definition. */
  readonly restApi: CfnElement;
  /** The version's OpenAPI document, complete at synth time (may hold CDK tokens). */
  definition(): OpenApiDocument;
}

export type DefinitionPlacement =
  | { readonly kind: 'inline' }
  /** Compact JSON with the remaining intrinsics, included by CloudFormation. */
  | { readonly kind: 'include'; readonly bytes: number; readonly deployTimeValues: readonly string[] }
  /** Compact JSON with no intrinsics left, imported by API Gateway from S3. */
  | { readonly kind: 's3'; readonly bytes: number };

interface Externalized {
  readonly text: string;
  readonly kind: 'include' | 's3';
  readonly deployTimeValues: readonly string[];
}

const sourcesByStack = new WeakMap<Stack, DefinitionSource[]>();

/**
 * The RestApi properties that carry `version`'s definition: `Body` and `BodyS3Location`, one of them
 * set at synth time.
 */
export function attachDefinition(version: DefinitionSource): { body: IResolvable; bodyS3Location: IResolvable } {
  const stack = Stack.of(version);
  const sources = sourcesByStack.get(stack) ?? [];
  sources.push(version);
  sourcesByStack.set(stack, sources);
  return {
    body: Lazy.any({
      produce: () => {
        if (!isExternalized(version)) return version.definition();
        const asset = stageAsset(version);
        if (asset.kind === 's3') return undefined;
        return { 'Fn::Transform': { Name: 'AWS::Include', Parameters: { Location: asset.location.s3ObjectUrl } } };
      },
    }),
    bodyS3Location: Lazy.any({
      produce: () => {
        if (!isExternalized(version)) return undefined;
        const asset = stageAsset(version);
        if (asset.kind !== 's3') return undefined;
        // The L1's property mapper turns these into `Bucket` and `Key`.
        return { bucket: asset.location.bucketName, key: asset.location.objectKey };
      },
    }),
  };
}

/** The versions whose definitions `attachDefinition` placed in `stack`. */
export function registeredDefinitions(stack: Stack): readonly DefinitionSource[] {
  return sourcesByStack.get(stack) ?? [];
}

/** Where `version`'s definition goes, with the bytes it then adds to the processed template or to S3. */
export function definitionPlacement(version: DefinitionSource): DefinitionPlacement {
  if (!isExternalized(version)) return { kind: 'inline' };
  const externalized = externalize(version);
  const bytes = Buffer.byteLength(externalized.text);
  return externalized.kind === 's3'
    ? { kind: 's3', bytes }
    : { kind: 'include', bytes, deployTimeValues: externalized.deployTimeValues };
}

/** Where the body sits in the template: `Resources` → logical id → `Properties` → `Body`. */
const BODY_DEPTH = 4;

interface Rendered {
  /** The document with its tokens unresolved, as text: equal keys mean equal documents. */
  readonly key: string;
  /** Resolved to CloudFormation JSON (intrinsics for deploy-time values). */
  readonly resolved: Json;
  /** Bytes it adds to the template file when inline (indented as the CDK writes it). */
  readonly templateBytes: number;
  externalized?: Externalized;
}

/** Resolving a large definition is the costly part of a synth; every check and property reads this one copy. */
const renderings = new WeakMap<DefinitionSource, Rendered>();

function render(version: DefinitionSource): Rendered {
  const document = version.definition();
  const key = JSON.stringify(document);
  const cached = renderings.get(version);
  if (cached?.key === key) return cached;
  const resolved = Stack.of(version).resolve(document);
  const text = JSON.stringify(resolved, undefined, 1);
  let lineBreaks = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineBreaks++;
  const rendered: Rendered = { key, resolved, templateBytes: Buffer.byteLength(text) + BODY_DEPTH * lineBreaks };
  renderings.set(version, rendered);
  return rendered;
}

/** Bytes the version's definition adds to the template file when inline (indented as the CDK writes it). */
export function definitionBytes(version: DefinitionSource): number {
  return render(version).templateBytes;
}

/** Bytes the version's definition adds to the processed template when inline (compact, as CloudFormation keeps it). */
export function compactDefinitionBytes(version: DefinitionSource): number {
  return Buffer.byteLength(JSON.stringify(render(version).resolved));
}

/**
 * The largest definitions leave the template until the rest fit in the budget. Sizes are those of the
 * template as written; ties go by construct path, so the choice is deterministic.
 */
function isExternalized(version: DefinitionSource): boolean {
  const sources = sourcesByStack.get(Stack.of(version)) ?? [version];
  const sized = sources.map((source) => ({ source, bytes: definitionBytes(source) }));
  let inline = sized.reduce((sum, entry) => sum + entry.bytes, 0);
  if (inline <= INLINE_DEFINITIONS_BUDGET) return false;
  sized.sort((a, b) => b.bytes - a.bytes || a.source.node.path.localeCompare(b.source.node.path));
  for (const entry of sized) {
    if (inline <= INLINE_DEFINITIONS_BUDGET) return false;
    if (entry.source === version) return true;
    inline -= entry.bytes;
  }
  return false;
}

function stageAsset(version: DefinitionSource) {
  const stack = Stack.of(version);
  const externalized = externalize(version);
  const hash = createHash('sha256').update(externalized.text).digest('hex');
  const stage = Stage.of(stack);
  if (!stage) throw new Error(`Gateway version "${version.versionName}": its stack is not in an App or Stage.`);
  // Content-addressed: writing the same definition twice (several synths) writes the same file.
  const file = path.join(stage.assetOutdir, `asset.${hash}.json`);
  if (!existsSync(file)) {
    mkdirSync(stage.assetOutdir, { recursive: true });
    writeFileSync(file, externalized.text);
  }
  const location = stack.synthesizer.addFileAsset({
    sourceHash: hash,
    fileName: path.relative(stage.outdir, file),
    packaging: FileAssetPackaging.FILE,
  });
  return { kind: externalized.kind, location };
}

/** The definition as it goes into the asset: intrinsics the stack's environment settles are filled in. */
function externalize(version: DefinitionSource): Externalized {
  const rendered = render(version);
  if (rendered.externalized) return rendered.externalized;
  const resolved = fillEnvironment(rendered.resolved, environmentValues(Stack.of(version)));
  const deployTimeValues = [...new Set(intrinsicsIn(resolved))].sort();
  rendered.externalized =
    deployTimeValues.length === 0
      ? { text: JSON.stringify(resolved), kind: 's3', deployTimeValues }
      : { text: JSON.stringify(foldJoins(resolved)), kind: 'include', deployTimeValues };
  return rendered.externalized;
}

/** Pseudo parameters with a known value in this stack (a stack deploys to its own region and account only). */
function environmentValues(stack: Stack): Map<string, string> {
  const values = new Map<string, string>();
  if (!Token.isUnresolved(stack.region)) {
    values.set('AWS::Region', stack.region);
    const info = RegionInfo.get(stack.region);
    if (info.partition) values.set('AWS::Partition', info.partition);
    if (info.domainSuffix) values.set('AWS::URLSuffix', info.domainSuffix);
  }
  if (!Token.isUnresolved(stack.account)) values.set('AWS::AccountId', stack.account);
  return values;
}

type Json = unknown;

function isRecord(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `{ Ref: pseudo }` → its value; `Fn::Join`s left with only strings → the joined string. */
function fillEnvironment(value: Json, known: ReadonlyMap<string, string>): Json {
  if (Array.isArray(value)) return value.map((item) => fillEnvironment(item, known));
  if (!isRecord(value)) return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] === 'Ref' && typeof value.Ref === 'string' && known.has(value.Ref)) {
    return known.get(value.Ref);
  }
  const filled: Record<string, Json> = {};
  for (const key of keys) filled[key] = fillEnvironment(value[key], known);
  const join = filled['Fn::Join'];
  if (keys.length === 1 && Array.isArray(join) && typeof join[0] === 'string' && Array.isArray(join[1])) {
    const parts = join[1] as Json[];
    if (parts.every((part) => typeof part === 'string')) return parts.join(join[0]);
  }
  return filled;
}

/** Every intrinsic function or reference left in a document, named as a reader would (`Fn::GetAtt jwt.Arn`). */
function intrinsicsIn(value: Json): string[] {
  if (Array.isArray(value)) return value.flatMap(intrinsicsIn);
  if (!isRecord(value)) return [];
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] === 'Ref') return [`Ref ${String(value.Ref)}`];
  if (keys.length === 1 && keys[0] === 'Fn::GetAtt' && Array.isArray(value['Fn::GetAtt'])) {
    return [`Fn::GetAtt ${(value['Fn::GetAtt'] as Json[]).join('.')}`];
  }
  const nested = keys.flatMap((key) => intrinsicsIn(value[key]));
  if (keys.length === 1 && keys[0].startsWith('Fn::') && nested.length === 0) return [keys[0]];
  return nested;
}

/**
 * `Fn::Join` of strings, `Ref`s and `Fn::GetAtt`s → the equivalent `Fn::Sub` string: a third smaller,
 * which matters when every route's integration URI carries one. Literal `${` is escaped as `${!`.
 */
function foldJoins(value: Json): Json {
  if (Array.isArray(value)) return value.map(foldJoins);
  if (!isRecord(value)) return value;
  const keys = Object.keys(value);
  const join = value['Fn::Join'];
  if (keys.length === 1 && Array.isArray(join) && typeof join[0] === 'string' && Array.isArray(join[1])) {
    const parts = (join[1] as Json[]).map(subPart);
    if (parts.every((part) => part !== undefined)) return { 'Fn::Sub': parts.join(escapeSub(join[0])) };
  }
  const folded: Record<string, Json> = {};
  for (const key of keys) folded[key] = foldJoins(value[key]);
  return folded;
}

function subPart(part: Json): string | undefined {
  if (typeof part === 'string') return escapeSub(part);
  if (!isRecord(part) || Object.keys(part).length !== 1) return undefined;
  if (typeof part.Ref === 'string') return `\${${part.Ref}}`;
  const getAtt = part['Fn::GetAtt'];
  if (Array.isArray(getAtt) && getAtt.length === 2 && getAtt.every((item) => typeof item === 'string')) {
    return `\${${getAtt[0]}.${getAtt[1]}}`;
  }
  return undefined;
}

function escapeSub(text: string): string {
  return text.replaceAll('${', '${!');
}
