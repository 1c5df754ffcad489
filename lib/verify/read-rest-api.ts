/**
 * A deployed REST API read with `@aws-sdk/client-api-gateway` (GetRestApi, GetResources with methods
 * embedded, GetAuthorizers, GetStages, GetUsagePlans; lists followed through their `position`) into the
 * shape `diff` compares. Each method of each resource becomes a route `METHOD /path`.
 */
import {
  type APIGatewayClient,
  type Authorizer,
  GetAuthorizersCommand,
  GetMethodCommand,
  GetResourcesCommand,
  GetRestApiCommand,
  GetRestApisCommand,
  GetStagesCommand,
  GetUsagePlansCommand,
  type Integration,
  type Method,
  type MethodSetting,
  type Stage,
  type ThrottleSettings,
  type UsagePlan,
} from '@aws-sdk/client-api-gateway';
import type {
  ApiDescription,
  AuthorizationType,
  AuthorizerDescription,
  IntegrationDescription,
  RouteDescription,
  StageDescription,
  ThrottleDescription,
  UsagePlanDescription,
} from './api-description';
import { functionNameOf } from './api-description';
import type { ReadOptions } from './read-http-api';
import { methodThrottleKey } from './route-keys';

async function allPages<T>(
  fetchPage: (position: string | undefined) => Promise<{ items?: T[]; position?: string }>,
): Promise<T[]> {
  const items: T[] = [];
  let position: string | undefined;
  do {
    const page = await fetchPage(position);
    items.push(...(page.items ?? []));
    position = page.position;
  } while (position);
  return items;
}

/** Ids of the deployed REST APIs with this name (`GetRestApis`). */
export async function findRestApiIds(
  client: APIGatewayClient,
  name: string,
  options: ReadOptions = {},
): Promise<string[]> {
  const apis = await allPages((position) => client.send(new GetRestApisCommand({ position, limit: options.pageSize })));
  return apis.filter((api) => api.name === name).flatMap((api) => api.id ?? []);
}

export async function readDeployedRestApi(
  client: APIGatewayClient,
  restApiId: string,
  options: ReadOptions = {},
): Promise<ApiDescription> {
  const limit = options.pageSize;
  const [api, resources, authorizers, stages, plans] = await Promise.all([
    client.send(new GetRestApiCommand({ restApiId })),
    allPages((position) => client.send(new GetResourcesCommand({ restApiId, position, limit, embed: ['methods'] }))),
    allPages((position) => client.send(new GetAuthorizersCommand({ restApiId, position, limit }))),
    client.send(new GetStagesCommand({ restApiId })),
    allPages((position) => client.send(new GetUsagePlansCommand({ position, limit }))),
  ]);
  const authorizerById = new Map(authorizers.map((each) => [each.id ?? '', each]));
  const routes: Record<string, RouteDescription> = {};
  for (const resource of resources) {
    for (const [httpMethod, embedded] of Object.entries(resource.resourceMethods ?? {})) {
      // Without `embed=methods` support the method comes without its integration: ask for it.
      const method =
        embedded.methodIntegration || !resource.id
          ? embedded
          : await client.send(new GetMethodCommand({ restApiId, resourceId: resource.id, httpMethod }));
      const routeKey = `${httpMethod} ${resource.path ?? '/'}`;
      routes[routeKey] = routeDescription(routeKey, method, authorizerById);
    }
  }
  return {
    flavor: 'rest',
    name: api.name ?? '',
    routes,
    authorizers: Object.fromEntries(authorizers.map((each) => [each.name ?? '', authorizerDescription(each)])),
    stages: Object.fromEntries((stages.item ?? []).map((stage) => [stage.stageName ?? '', stageDescription(stage)])),
    usagePlans: Object.fromEntries(
      plans.flatMap((plan) => {
        const described = usagePlanDescription(plan, restApiId);
        return described ? [[described.name, described]] : [];
      }),
    ),
  };
}

function routeDescription(
  routeKey: string,
  method: Method,
  authorizers: ReadonlyMap<string, Authorizer>,
): RouteDescription {
  const authorizerId = method.authorizerId;
  return {
    routeKey,
    authorizationType: (method.authorizationType ?? 'NONE') as AuthorizationType,
    ...(authorizerId && { authorizer: authorizers.get(authorizerId)?.name ?? authorizerId }),
    scopes: [...(method.authorizationScopes ?? [])].sort(),
    apiKeyRequired: method.apiKeyRequired ?? false,
    integration: integrationDescription(method.methodIntegration),
  };
}

function integrationDescription(integration: Integration | undefined): IntegrationDescription {
  const type = integration?.type ?? '';
  const uri = integration?.uri ?? '';
  if (type === 'AWS_PROXY' && /:lambda:path\//.test(uri)) return { kind: 'lambda', functionName: functionNameOf(uri) };
  if (type === 'HTTP_PROXY' && integration?.connectionType !== 'VPC_LINK') {
    return { kind: 'http', url: uri, method: integration?.httpMethod ?? 'ANY' };
  }
  if (type === 'MOCK') return { kind: 'mock' };
  return { kind: 'other', type: type || 'no integration', ...(uri && { uri }) };
}

function authorizerDescription(authorizer: Authorizer): AuthorizerDescription {
  return {
    name: authorizer.name ?? '',
    type: authorizer.type ?? '',
    // v1 keeps them as one comma-separated string.
    identitySources: (authorizer.identitySource ?? '')
      .split(',')
      .map((each) => each.trim())
      .filter(Boolean),
    resultTtlSeconds: authorizer.authorizerResultTtlInSeconds ?? 300,
    ...(authorizer.authorizerUri && { functionName: functionNameOf(authorizer.authorizerUri) }),
    ...(authorizer.providerARNs && { providerArns: [...authorizer.providerARNs].sort() }),
    ...(authorizer.identityValidationExpression && {
      validationExpression: authorizer.identityValidationExpression,
    }),
  };
}

function stageDescription(stage: Stage): StageDescription {
  const format = stage.accessLogSettings?.format;
  let defaultThrottle: ThrottleDescription | undefined;
  const routeThrottles: Record<string, ThrottleDescription> = {};
  for (const [key, setting] of Object.entries(stage.methodSettings ?? {})) {
    const each = methodThrottle(setting);
    if (!each) continue;
    if (key === '*/*') defaultThrottle = each;
    else routeThrottles[methodThrottleKey(key)] = each;
  }
  return {
    name: stage.stageName ?? '',
    variables: stage.variables ?? {},
    ...(format && { accessLogFormat: format, accessLogDestination: stage.accessLogSettings?.destinationArn }),
    ...(defaultThrottle && { defaultThrottle }),
    routeThrottles,
    ...(stage.canarySettings && { canaryPercent: stage.canarySettings.percentTraffic ?? 0 }),
  };
}

function methodThrottle(setting: MethodSetting): ThrottleDescription | undefined {
  if (setting.throttlingRateLimit === undefined && setting.throttlingBurstLimit === undefined) return undefined;
  return {
    ...(setting.throttlingRateLimit !== undefined && { rateLimit: setting.throttlingRateLimit }),
    ...(setting.throttlingBurstLimit !== undefined && { burstLimit: setting.throttlingBurstLimit }),
  };
}

/** The plan as it applies to this API; undefined when none of its stages belongs to it. */
function usagePlanDescription(plan: UsagePlan, restApiId: string): UsagePlanDescription | undefined {
  const apiStages = (plan.apiStages ?? []).filter((each) => each.apiId === restApiId);
  if (apiStages.length === 0) return undefined;
  return {
    name: plan.name ?? '',
    ...(plan.throttle && { throttle: throttleSettings(plan.throttle) }),
    ...(plan.quota && {
      quota: { limit: plan.quota.limit ?? 0, period: plan.quota.period ?? '', offset: plan.quota.offset ?? 0 },
    }),
    stages: Object.fromEntries(
      apiStages.map((each) => [
        each.stage ?? '',
        Object.fromEntries(
          Object.entries(each.throttle ?? {}).map(([key, throttle]) => [
            methodThrottleKey(key),
            throttleSettings(throttle),
          ]),
        ),
      ]),
    ),
  };
}

function throttleSettings(throttle: ThrottleSettings): ThrottleDescription {
  return {
    ...(throttle.rateLimit !== undefined && { rateLimit: throttle.rateLimit }),
    ...(throttle.burstLimit !== undefined && { burstLimit: throttle.burstLimit }),
  };
}
