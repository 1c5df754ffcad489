/**
 * `AWS::ApiGateway::RestApi` resources. An API's routes come from its OpenAPI definition when it has
 * one (`Body`, `BodyS3Location`, or a `Fn::Transform` `AWS::Include`), then from Resource/Method
 * resources (`resource-methods.ts`): SpecRestApi may mix both, and both fill the same route table.
 */
import * as path from 'node:path';
import { formatRouteKey } from '../../core/route-key';
import type { AssetSource } from './cloud-assembly';
import { parseDefinition, readDefinitionFile } from './definition-files';
import type { ApiBuilder, LoadContext, ResourceEntry } from './load-context';
import { importOpenApi } from './openapi';
import { asArray, asRecord, asString } from './template-values';

export function createApiBuilders(context: LoadContext): Map<string, ApiBuilder> {
  const apis = new Map<string, ApiBuilder>();
  for (const entry of context.entries('AWS::ApiGateway::RestApi')) {
    const api = apiBuilder(entry, context);
    apis.set(api.apiId, api);
  }
  return apis;
}

function apiBuilder(entry: ResourceEntry, context: LoadContext): ApiBuilder {
  const keySource = asString(entry.prop('ApiKeySourceType'))?.toUpperCase();
  const api: ApiBuilder = {
    entry,
    apiId: String(entry.scope.resolve({ Ref: entry.logicalId })),
    modelId: context.modelId(entry),
    name: asString(entry.prop('Name')) ?? '',
    apiKeySource: keySource === 'AUTHORIZER' ? 'AUTHORIZER' : 'HEADER',
    binaryMediaTypes: new Set(asArray(entry.prop('BinaryMediaTypes')).flatMap((type) => asString(type) ?? [])),
    routes: new Map(),
    authorizers: new Map(),
    stages: new Map(),
    gatewayResponses: {},
  };
  if (entry.raw('CloneFrom') !== undefined) {
    context.unsupported(
      entry.path,
      'CloneFrom copies an API that is not in the assembly; only its own routes are served',
    );
  }
  const definition = definitionDocument(entry, context.assets);
  if ('problem' in definition) context.unsupported(entry.path, definition.problem);
  if ('document' in definition) {
    const basePathMode = asString(asRecord(entry.prop('Parameters'))?.basepath);
    const imported = importOpenApi(definition.document, { basePathMode });
    for (const problem of imported.problems) context.unsupported(entry.path, problem);
    for (const route of imported.routes) api.routes.set(formatRouteKey(route.key), route);
    for (const authorizer of imported.authorizers) api.authorizers.set(authorizer.name, authorizer);
    for (const type of imported.binaryMediaTypes) api.binaryMediaTypes.add(type);
    Object.assign(api.gatewayResponses, imported.gatewayResponses);
    // Properties set on the resource win over the document's extensions, as CloudFormation applies them last.
    if (!keySource && imported.apiKeySource) api.apiKeySource = imported.apiKeySource;
    api.name ||= imported.title ?? '';
  }
  api.name ||= entry.logicalId;
  return api;
}

type DefinitionDocument = { readonly document: unknown } | { readonly problem: string } | Record<string, never>;

function definitionDocument(entry: ResourceEntry, assets: ReadonlyMap<string, AssetSource>): DefinitionDocument {
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
