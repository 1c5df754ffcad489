/**
 * HTTP APIs (`AWS::ApiGatewayV2::Api` with `ProtocolType: HTTP`) in both forms a template may use: an
 * OpenAPI definition (`Body`, `BodyS3Location`, or an `AWS::Include` transform; `http-openapi.ts`), and the
 * `Route`/`Integration`/`Authorizer` resources plain aws-cdk-lib `HttpApi` writes. Both fill one route
 * table; a resource declared after the definition replaces the definition's route of the same key, as
 * CloudFormation applies it later. `Stage` resources give the stages, `ApiMapping` resources put them under
 * custom domains. Quick-create APIs (`Target`) get their `$default` route and stage.
 */
import type { HttpAuthorizerSpec, HttpCorsSpec, HttpRouteSpec } from '../../core/http-route-table';
import { DEFAULT_ROUTE_KEY, httpRouteKeyName, parseHttpRouteKey } from '../../core/http-route-table';
import { RouteKeyError } from '../../core/route-key';
import type { AuthorizationSpec } from '../../core/route-table';
import type { DomainModel, HttpApiModel, HttpStageModel } from '../model';
import { definitionDocument } from './definition-files';
import { NONE_BASE_PATH } from './domains';
import { corsSpec, httpAuthorizerSpec, httpIntegrationSpec, importHttpOpenApi } from './http-openapi';
import type { LoadContext, ResourceEntry } from './load-context';
import { apiLocalId, unqualifiedFunctionArn } from './local-ids';
import { throttleFrom } from './stages';
import { asArray, asBoolean, asCommaList, asNumber, asRecord, asString, asStringRecord } from './template-values';

interface HttpApiBuilder {
  readonly entry: ResourceEntry;
  readonly modelId: string;
  readonly apiId: string;
  name: string;
  cors?: HttpCorsSpec;
  /** By route key (`GET /items/{id}`, `$default`). */
  readonly routes: Map<string, HttpRouteSpec>;
  /** By authorizer name. */
  readonly authorizers: Map<string, HttpAuthorizerSpec>;
  /** By stage name. */
  readonly stages: Map<string, HttpStageModel>;
  /** `Ref` of each Stage resource → its name (an ApiMapping names its stage by `Ref`). */
  readonly stageRefs: Map<string, string>;
}

export interface LoadedHttpApis {
  readonly apis: HttpApiModel[];
  /** Adds the `ApiMapping`s that put HTTP API stages under custom domains to the loaded domains. */
  withMappings(domains: readonly DomainModel[]): DomainModel[];
}

export function loadHttpApis(context: LoadContext): LoadedHttpApis {
  const builders = new Map<string, HttpApiBuilder>();
  for (const entry of context.entries('AWS::ApiGatewayV2::Api')) {
    // An API imported from a definition has no ProtocolType: OpenAPI documents only describe HTTP APIs.
    const hasDefinition = entry.raw('Body') !== undefined || entry.raw('BodyS3Location') !== undefined;
    const protocol = asString(entry.prop('ProtocolType'))?.toUpperCase() ?? (hasDefinition ? 'HTTP' : undefined);
    if (protocol !== 'HTTP') {
      context.unsupported(entry.path, `${protocol ?? 'WEBSOCKET'} APIs (API Gateway v2) are not served locally`);
      continue;
    }
    builders.set(refOf(entry), httpApiBuilder(entry, context));
  }
  const apiOf = (entry: ResourceEntry): HttpApiBuilder | undefined => {
    const id = asString(entry.prop('ApiId'));
    return id === undefined ? undefined : builders.get(id);
  };

  const authorizerNames = new Map<string, string>();
  for (const entry of context.entries('AWS::ApiGatewayV2::Authorizer')) {
    const api = apiOf(entry);
    if (!api) continue;
    const problems: string[] = [];
    const authorizer = httpAuthorizerSpec(
      {
        name: asString(entry.prop('Name')) ?? entry.logicalId,
        type: asString(entry.prop('AuthorizerType')),
        identitySources: asCommaList(entry.prop('IdentitySource')),
        authorizerUri: asString(entry.prop('AuthorizerUri')),
        payloadFormatVersion: asString(entry.prop('AuthorizerPayloadFormatVersion')),
        enableSimpleResponses: asBoolean(entry.prop('EnableSimpleResponses')),
        resultTtlSeconds: asNumber(entry.prop('AuthorizerResultTtlInSeconds')),
        issuer: asString(asRecord(entry.prop('JwtConfiguration'))?.Issuer),
        audience: asArray(asRecord(entry.prop('JwtConfiguration'))?.Audience).flatMap((item) => asString(item) ?? []),
      },
      problems,
    );
    for (const problem of problems) context.unsupported(entry.path, problem);
    if (!authorizer) continue;
    api.authorizers.set(authorizer.name, authorizer);
    authorizerNames.set(refOf(entry), authorizer.name);
  }

  const integrations = new Map<string, { spec?: HttpRouteSpec['integration']; problems: string[] }>();
  for (const entry of context.entries('AWS::ApiGatewayV2::Integration')) {
    if (!apiOf(entry)) continue;
    const problems: string[] = [];
    const spec = httpIntegrationSpec(
      {
        type: asString(entry.prop('IntegrationType')),
        uri: asString(entry.prop('IntegrationUri')),
        method: asString(entry.prop('IntegrationMethod')),
        payloadFormatVersion: asString(entry.prop('PayloadFormatVersion')),
        timeoutMs: asNumber(entry.prop('TimeoutInMillis')),
        subtype: asString(entry.prop('IntegrationSubtype')),
        requestParameters: asStringRecord(entry.prop('RequestParameters')),
        responseParameters: Object.fromEntries(
          Object.entries(asRecord(entry.prop('ResponseParameters')) ?? {}).map(([status, value]) => [
            status,
            responseMappings(value),
          ]),
        ),
      },
      problems,
    );
    integrations.set(refOf(entry), { spec, problems });
  }

  for (const entry of context.entries('AWS::ApiGatewayV2::Route')) {
    const api = apiOf(entry);
    if (!api) continue;
    const routeKey = asString(entry.prop('RouteKey')) ?? '';
    let key: HttpRouteSpec['key'];
    try {
      key = parseHttpRouteKey(routeKey);
    } catch (error) {
      if (!(error instanceof RouteKeyError)) throw error;
      context.unsupported(entry.path, error.message);
      continue;
    }
    const target = /^integrations\/(.+)$/.exec(asString(entry.prop('Target')) ?? '')?.[1];
    const integration = target === undefined ? undefined : integrations.get(target);
    if (!integration?.spec) {
      const why = integration ? integration.problems.join('; ') : 'it has no integration target';
      context.unsupported(entry.path, `route "${routeKey}" is not served: ${why}`);
      continue;
    }
    const authorization = routeAuthorization(entry, authorizerNames);
    api.routes.set(httpRouteKeyName(key), { key, authorization, integration: integration.spec });
  }

  for (const entry of context.entries('AWS::ApiGatewayV2::Stage')) {
    const api = apiOf(entry);
    const name = asString(entry.prop('StageName'));
    if (!api || !name) continue;
    api.stages.set(name, stageModel(entry, context));
    api.stageRefs.set(refOf(entry), name);
  }

  const apis = [...builders.values()].map((api) => {
    checkFunctionTargets(api, context);
    return {
      stackName: api.entry.scope.stackName,
      logicalId: api.modelId,
      apiId: api.apiId,
      name: api.name,
      table: { routes: [...api.routes.values()], authorizers: [...api.authorizers.values()], cors: api.cors },
      stages: [...api.stages.values()],
    };
  });
  return { apis, withMappings: (domains) => withHttpMappings(context, builders, domains) };
}

function refOf(entry: ResourceEntry): string {
  return String(entry.scope.resolve({ Ref: entry.logicalId }));
}

function httpApiBuilder(entry: ResourceEntry, context: LoadContext): HttpApiBuilder {
  const api: HttpApiBuilder = {
    entry,
    modelId: context.modelId(entry),
    apiId: apiLocalId(entry.logicalId, entry.scope.stackName),
    name: asString(entry.prop('Name')) ?? '',
    routes: new Map(),
    authorizers: new Map(),
    stages: new Map(),
    stageRefs: new Map(),
  };
  const definition = definitionDocument(entry, context.assets);
  if ('problem' in definition) context.unsupported(entry.path, definition.problem);
  if ('document' in definition) {
    const imported = importHttpOpenApi(definition.document);
    for (const problem of imported.problems) context.unsupported(entry.path, problem);
    for (const route of imported.routes) api.routes.set(httpRouteKeyName(route.key), route);
    for (const authorizer of imported.authorizers) api.authorizers.set(authorizer.name, authorizer);
    api.cors = imported.cors;
    api.name ||= imported.title ?? '';
  }
  const cors = asRecord(entry.prop('CorsConfiguration'));
  if (cors) {
    // CloudFormation spells the keys in PascalCase (AllowOrigins), the OpenAPI extension in camelCase.
    api.cors = corsSpec(Object.fromEntries(Object.entries(cors).map(([k, v]) => [k[0].toLowerCase() + k.slice(1), v])));
  }
  quickCreate(entry, api, context);
  api.name ||= entry.logicalId;
  return api;
}

/** `Target` on the API itself: API Gateway creates the route (`$default` unless `RouteKey`) and a `$default` stage. */
function quickCreate(entry: ResourceEntry, api: HttpApiBuilder, context: LoadContext): void {
  const target = asString(entry.prop('Target'));
  if (!target) return;
  const routeKey = asString(entry.prop('RouteKey')) ?? DEFAULT_ROUTE_KEY;
  const problems: string[] = [];
  const integration = httpIntegrationSpec(
    {
      type: /^https?:\/\//i.test(target) ? 'HTTP_PROXY' : 'AWS_PROXY',
      uri: target,
      payloadFormatVersion: '2.0',
      requestParameters: {},
      responseParameters: {},
    },
    problems,
  );
  for (const problem of problems) context.unsupported(entry.path, problem);
  try {
    const key = parseHttpRouteKey(routeKey);
    if (integration) api.routes.set(httpRouteKeyName(key), { key, authorization: { kind: 'none' }, integration });
  } catch (error) {
    if (!(error instanceof RouteKeyError)) throw error;
    context.unsupported(entry.path, error.message);
  }
  api.stages.set('$default', { name: '$default', variables: {}, routeThrottles: {} });
}

function routeAuthorization(entry: ResourceEntry, authorizerNames: ReadonlyMap<string, string>): AuthorizationSpec {
  const type = asString(entry.prop('AuthorizationType'))?.toUpperCase() ?? 'NONE';
  if (type === 'NONE') return { kind: 'none' };
  if (type === 'AWS_IAM') return { kind: 'iam' };
  const id = asString(entry.prop('AuthorizerId')) ?? '';
  // An authorizer that is not in the assembly keeps its id as name: the route is refused (500), never opened.
  const authorizer = authorizerNames.get(id) ?? id;
  const scopes = asArray(entry.prop('AuthorizationScopes')).flatMap((scope) => asString(scope) ?? []);
  return { kind: 'authorizer', authorizer, ...(scopes.length > 0 && { scopes }) };
}

function stageModel(entry: ResourceEntry, context: LoadContext): HttpStageModel {
  const accessLog = asRecord(entry.prop('AccessLogSettings'));
  const destinationArn = asString(accessLog?.DestinationArn);
  const format = asString(accessLog?.Format);
  if (accessLog && !(destinationArn && format)) {
    context.unsupported(entry.path, 'AccessLogSettings needs both DestinationArn and Format; no access log is written');
  }
  const defaults = asRecord(entry.prop('DefaultRouteSettings'));
  const defaultRouteThrottle = defaults && throttleFrom(defaults.ThrottlingRateLimit, defaults.ThrottlingBurstLimit);
  const routeThrottles: Record<string, NonNullable<HttpStageModel['defaultRouteThrottle']>> = {};
  for (const [routeKey, value] of Object.entries(asRecord(entry.prop('RouteSettings')) ?? {})) {
    // RouteSettings is free-form JSON in CloudFormation: accept camelCase keys as well.
    const settings = asRecord(value) ?? {};
    const throttle = throttleFrom(
      settings.ThrottlingRateLimit ?? settings.throttlingRateLimit,
      settings.ThrottlingBurstLimit ?? settings.throttlingBurstLimit,
    );
    if (throttle) routeThrottles[routeKey] = throttle;
  }
  return {
    name: asString(entry.prop('StageName')) ?? '',
    variables: asStringRecord(entry.prop('StageVariables')),
    ...(destinationArn && format ? { accessLog: { format, destinationArn } } : {}),
    ...(defaultRouteThrottle ? { defaultRouteThrottle } : {}),
    routeThrottles,
  };
}

function responseMappings(value: unknown): Record<string, string> {
  // CloudFormation nests them as `{ "404": { "ResponseParameters": [{Destination, Source}] } }` or a plain map.
  const record = asRecord(value) ?? {};
  const list = asArray(record.ResponseParameters);
  if (list.length === 0) return asStringRecord(record);
  const out: Record<string, string> = {};
  for (const item of list) {
    const parameter = asRecord(item) ?? {};
    const destination = asString(parameter.Destination);
    const source = asString(parameter.Source);
    if (destination && source !== undefined) out[destination] = source;
  }
  return out;
}

/** A Lambda ARN that names no function of the assembly (an imported function) cannot be invoked locally. */
function checkFunctionTargets(api: HttpApiBuilder, context: LoadContext): void {
  const missing = (arn: string) => {
    const base = unqualifiedFunctionArn(arn);
    return !base.includes('${') && !context.functions.has(base);
  };
  for (const [key, route] of api.routes) {
    if (route.integration.kind === 'lambda' && missing(route.integration.functionArn)) {
      context.unsupported(
        api.entry.path,
        `route "${key}" integrates ${route.integration.functionArn}, which is not a function of this assembly`,
      );
    }
  }
  for (const authorizer of api.authorizers.values()) {
    if (authorizer.type === 'REQUEST' && missing(authorizer.functionArn)) {
      context.unsupported(
        api.entry.path,
        `authorizer "${authorizer.name}" invokes ${authorizer.functionArn}, which is not a function of this assembly`,
      );
    }
  }
}

function withHttpMappings(
  context: LoadContext,
  builders: ReadonlyMap<string, HttpApiBuilder>,
  domains: readonly DomainModel[],
): DomainModel[] {
  const byName = new Map(domains.map((domain) => [domain.domainName, [...domain.mappings]]));
  for (const entry of context.entries('AWS::ApiGatewayV2::ApiMapping')) {
    const api = builders.get(asString(entry.prop('ApiId')) ?? '');
    const domainName = asString(entry.prop('DomainName'));
    const stageRef = asString(entry.prop('Stage'));
    if (!api || !domainName || !stageRef) continue;
    const stage = api.stages.has(stageRef) ? stageRef : api.stageRefs.get(stageRef);
    if (!stage) {
      context.unsupported(entry.path, `the mapping names stage ${stageRef}, which the HTTP API does not have`);
      continue;
    }
    const basePath = (asString(entry.prop('ApiMappingKey')) ?? '').replace(/^\/+|\/+$/g, '');
    const mappings = byName.get(domainName) ?? [];
    mappings.push({ basePath: basePath === '' ? NONE_BASE_PATH : basePath, apiLogicalId: api.modelId, stage });
    byName.set(domainName, mappings);
  }
  // Security policy and mutual TLS stay as the DomainName resource gave them.
  const settings = new Map(domains.map((domain) => [domain.domainName, domain]));
  return [...byName].map(([domainName, mappings]) => ({ ...settings.get(domainName), domainName, mappings }));
}
