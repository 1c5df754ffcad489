/**
 * A deployed HTTP API read with `@aws-sdk/client-apigatewayv2` (GetApi, GetRoutes, GetIntegrations,
 * GetAuthorizers, GetStages; every list followed through its `NextToken`) into the shape `diff` compares.
 * Routes point at integrations and authorizers by id; here they carry what the id names.
 */
import {
  type ApiGatewayV2Client,
  type Authorizer,
  GetApiCommand,
  GetApisCommand,
  GetAuthorizersCommand,
  GetIntegrationsCommand,
  GetRoutesCommand,
  GetStagesCommand,
  type Integration,
  type Route,
  type RouteSettings,
  type Stage,
} from '@aws-sdk/client-apigatewayv2';
import type {
  ApiDescription,
  AuthorizationType,
  AuthorizerDescription,
  IntegrationDescription,
  RouteDescription,
  StageDescription,
  ThrottleDescription,
} from './api-description';
import { functionNameOf } from './api-description';

export interface ReadOptions {
  /** Items per page (`MaxResults`). @default - the service's default */
  readonly pageSize?: number;
}

/** Every page of a v2 list call. */
async function allPages<T>(
  fetchPage: (nextToken: string | undefined) => Promise<{ Items?: T[]; NextToken?: string }>,
): Promise<T[]> {
  const items: T[] = [];
  let nextToken: string | undefined;
  do {
    const page = await fetchPage(nextToken);
    items.push(...(page.Items ?? []));
    nextToken = page.NextToken;
  } while (nextToken);
  return items;
}

/** Ids of the deployed HTTP APIs with this name (`GetApis`): how `verify` finds an API without `--api-id`. */
export async function findHttpApiIds(
  client: ApiGatewayV2Client,
  name: string,
  options: ReadOptions = {},
): Promise<string[]> {
  const maxResults = options.pageSize?.toString();
  const apis = await allPages((NextToken) => client.send(new GetApisCommand({ MaxResults: maxResults, NextToken })));
  return apis.filter((api) => api.Name === name && api.ProtocolType === 'HTTP').flatMap((api) => api.ApiId ?? []);
}

export async function readDeployedHttpApi(
  client: ApiGatewayV2Client,
  apiId: string,
  options: ReadOptions = {},
): Promise<ApiDescription> {
  const MaxResults = options.pageSize?.toString();
  const [api, routes, integrations, authorizers, stages] = await Promise.all([
    client.send(new GetApiCommand({ ApiId: apiId })),
    allPages((NextToken) => client.send(new GetRoutesCommand({ ApiId: apiId, MaxResults, NextToken }))),
    allPages((NextToken) => client.send(new GetIntegrationsCommand({ ApiId: apiId, MaxResults, NextToken }))),
    allPages((NextToken) => client.send(new GetAuthorizersCommand({ ApiId: apiId, MaxResults, NextToken }))),
    allPages((NextToken) => client.send(new GetStagesCommand({ ApiId: apiId, MaxResults, NextToken }))),
  ]);
  const integrationById = new Map(integrations.map((each) => [each.IntegrationId ?? '', each]));
  const authorizerById = new Map(authorizers.map((each) => [each.AuthorizerId ?? '', each]));
  return {
    flavor: 'http',
    name: api.Name ?? '',
    routes: Object.fromEntries(
      routes.map((route) => [route.RouteKey ?? '', routeDescription(route, integrationById, authorizerById)]),
    ),
    authorizers: Object.fromEntries(authorizers.map((each) => [each.Name ?? '', authorizerDescription(each)])),
    stages: Object.fromEntries(stages.map((stage) => [stage.StageName ?? '', stageDescription(stage)])),
  };
}

function routeDescription(
  route: Route,
  integrations: ReadonlyMap<string, Integration>,
  authorizers: ReadonlyMap<string, Authorizer>,
): RouteDescription {
  const authorizationType = (route.AuthorizationType ?? 'NONE') as AuthorizationType;
  const authorizerId = route.AuthorizerId;
  const integrationId = /^integrations\/(.+)$/.exec(route.Target ?? '')?.[1];
  const integration = integrationId === undefined ? undefined : integrations.get(integrationId);
  return {
    routeKey: route.RouteKey ?? '',
    authorizationType,
    // An id that names no authorizer of the API is shown as it is.
    ...(authorizerId && { authorizer: authorizers.get(authorizerId)?.Name ?? authorizerId }),
    scopes: [...(route.AuthorizationScopes ?? [])].sort(),
    integration: integration
      ? integrationDescription(integration)
      : { kind: 'other', type: route.Target ? `missing integration (${route.Target})` : 'no integration' },
  };
}

function integrationDescription(integration: Integration): IntegrationDescription {
  const type = integration.IntegrationType ?? '';
  const uri = integration.IntegrationUri ?? '';
  if (type === 'AWS_PROXY' && !integration.IntegrationSubtype) {
    return {
      kind: 'lambda',
      functionName: functionNameOf(uri),
      ...(integration.PayloadFormatVersion && { payloadFormatVersion: integration.PayloadFormatVersion }),
    };
  }
  if (type === 'HTTP_PROXY' && integration.ConnectionType !== 'VPC_LINK') {
    return { kind: 'http', url: uri, method: integration.IntegrationMethod ?? 'ANY' };
  }
  return { kind: 'other', type: integration.IntegrationSubtype ?? type, ...(uri && { uri }) };
}

function authorizerDescription(authorizer: Authorizer): AuthorizerDescription {
  const common = {
    name: authorizer.Name ?? '',
    type: authorizer.AuthorizerType ?? '',
    identitySources: authorizer.IdentitySource ?? [],
  };
  if (authorizer.AuthorizerType === 'JWT') {
    return {
      ...common,
      issuer: authorizer.JwtConfiguration?.Issuer ?? '',
      audience: [...(authorizer.JwtConfiguration?.Audience ?? [])].sort(),
    };
  }
  return {
    ...common,
    functionName: functionNameOf(authorizer.AuthorizerUri ?? ''),
    resultTtlSeconds: authorizer.AuthorizerResultTtlInSeconds ?? 0,
    payloadFormatVersion: authorizer.AuthorizerPayloadFormatVersion ?? '',
    enableSimpleResponses: authorizer.EnableSimpleResponses ?? false,
  };
}

function stageDescription(stage: Stage): StageDescription {
  const format = stage.AccessLogSettings?.Format;
  const defaultThrottle = throttleOf(stage.DefaultRouteSettings);
  const routeThrottles: Record<string, ThrottleDescription> = {};
  for (const [routeKey, settings] of Object.entries(stage.RouteSettings ?? {})) {
    const each = throttleOf(settings);
    if (each) routeThrottles[routeKey] = each;
  }
  return {
    name: stage.StageName ?? '',
    variables: stage.StageVariables ?? {},
    ...(format && { accessLogFormat: format, accessLogDestination: stage.AccessLogSettings?.DestinationArn }),
    ...(defaultThrottle && { defaultThrottle }),
    routeThrottles,
  };
}

/** The throttle part of route settings; undefined when they set none (logging or metrics only). */
function throttleOf(settings: RouteSettings | undefined): ThrottleDescription | undefined {
  if (settings?.ThrottlingRateLimit === undefined && settings?.ThrottlingBurstLimit === undefined) return undefined;
  return {
    ...(settings.ThrottlingRateLimit !== undefined && { rateLimit: settings.ThrottlingRateLimit }),
    ...(settings.ThrottlingBurstLimit !== undefined && { burstLimit: settings.ThrottlingBurstLimit }),
  };
}
