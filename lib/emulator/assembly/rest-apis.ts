/**
 * `AWS::ApiGateway::RestApi` resources. An API's routes come from its OpenAPI definition when it has
 * one (`Body`, `BodyS3Location`, or a `Fn::Transform` `AWS::Include`), then from Resource/Method
 * resources (`resource-methods.ts`): SpecRestApi may mix both, and both fill the same route table.
 */
import { formatRouteKey } from '../../core/route-key';
import { definitionDocument } from './definition-files';
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
    models: {},
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
    Object.assign(api.models, imported.models);
    // Properties set on the resource win over the document's extensions, as CloudFormation applies them last.
    if (!keySource && imported.apiKeySource) api.apiKeySource = imported.apiKeySource;
    api.name ||= imported.title ?? '';
  }
  api.name ||= entry.logicalId;
  return api;
}
