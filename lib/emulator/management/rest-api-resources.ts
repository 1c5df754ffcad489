/**
 * A REST API of the model in the JSON shapes API Gateway v1's management API answers with
 * `Accept: application/json` (`GetRestApi`, `GetResources?embed=methods`, `GetAuthorizers`, `GetStages`,
 * `GetUsagePlans`; the names `@aws-sdk/client-api-gateway` deserializes). Resources are the path prefixes of
 * the route table, each with its methods embedded.
 */
import type { RouteSpec } from '../../core/route-table';
import type { ApiModel, GatewayModel, StageModel, UsagePlanModel } from '../model';
import type { WireObject } from './http-api-resources';
import { lambdaInvocationUri, wireId } from './wire-ids';

export function restApiResource(api: ApiModel): WireObject {
  return {
    id: api.apiId,
    name: api.name,
    apiKeySource: api.table.apiKeySource,
    binaryMediaTypes: api.table.binaryMediaTypes,
    endpointConfiguration: { types: ['REGIONAL'] },
    disableExecuteApiEndpoint: false,
    rootResourceId: resourceId(api, '/'),
    tags: {},
  };
}

function resourceId(api: ApiModel, path: string): string {
  return wireId(api.apiId, 'resource', path);
}

function authorizerId(api: ApiModel, name: string): string {
  return wireId(api.apiId, 'authorizer', name);
}

export function restResources(api: ApiModel, region: string): WireObject[] {
  const methodsByPath = new Map<string, RouteSpec[]>([['/', []]]);
  for (const route of api.table.routes) {
    const parts = route.key.path.split('/').filter(Boolean);
    for (let i = 1; i <= parts.length; i++) {
      const prefix = `/${parts.slice(0, i).join('/')}`;
      if (!methodsByPath.has(prefix)) methodsByPath.set(prefix, []);
    }
    methodsByPath.get(route.key.path)?.push(route);
  }
  return [...methodsByPath].map(([path, routes]) => {
    const parent = path === '/' ? undefined : path.slice(0, path.lastIndexOf('/')) || '/';
    return {
      id: resourceId(api, path),
      path,
      ...(parent !== undefined && {
        parentId: resourceId(api, parent),
        pathPart: path.slice(path.lastIndexOf('/') + 1),
      }),
      ...(routes.length > 0 && {
        resourceMethods: Object.fromEntries(routes.map((route) => [route.key.method, method(api, route, region)])),
      }),
    };
  });
}

function method(api: ApiModel, route: RouteSpec, region: string): WireObject {
  const { authorization } = route;
  const authorizer =
    authorization.kind === 'authorizer'
      ? api.table.authorizers.find((each) => each.name === authorization.authorizer)
      : undefined;
  return {
    httpMethod: route.key.method,
    authorizationType:
      authorization.kind === 'none'
        ? 'NONE'
        : authorization.kind === 'iam'
          ? 'AWS_IAM'
          : authorizer?.type === 'COGNITO_USER_POOLS'
            ? 'COGNITO_USER_POOLS'
            : 'CUSTOM',
    ...(authorization.kind === 'authorizer' && {
      authorizerId: authorizerId(api, authorization.authorizer),
      ...(authorization.scopes && { authorizationScopes: authorization.scopes }),
    }),
    apiKeyRequired: route.apiKeyRequired,
    methodIntegration: integration(route, region),
  };
}

function integration(route: RouteSpec, region: string): WireObject {
  const { integration } = route;
  const requestParameters =
    Object.keys(route.requestParameters).length > 0 ? { requestParameters: route.requestParameters } : {};
  switch (integration.kind) {
    case 'lambda':
      return {
        type: 'AWS_PROXY',
        httpMethod: 'POST',
        uri: lambdaInvocationUri(integration.functionArn, region),
        timeoutInMillis: integration.timeoutMs,
        passthroughBehavior: 'WHEN_NO_MATCH',
        ...requestParameters,
      };
    case 'http':
      return {
        type: 'HTTP_PROXY',
        httpMethod: integration.method,
        uri: integration.url,
        timeoutInMillis: integration.timeoutMs,
        passthroughBehavior: 'WHEN_NO_MATCH',
        ...requestParameters,
      };
    case 'mock':
      return {
        type: 'MOCK',
        requestTemplates: { 'application/json': `{"statusCode": ${integration.statusCode}}` },
        passthroughBehavior: 'WHEN_NO_MATCH',
        timeoutInMillis: 29_000,
      };
    case 'unsupported':
      return { type: integration.type, ...(integration.uri && { uri: integration.uri }), ...requestParameters };
    case 'aws':
      return { type: 'AWS', httpMethod: integration.method, uri: integration.uri, ...requestParameters };
  }
}

export function restAuthorizers(api: ApiModel, region: string): WireObject[] {
  return api.table.authorizers.map((authorizer) => ({
    id: authorizerId(api, authorizer.name),
    name: authorizer.name,
    type: authorizer.type,
    // v1 stores the identity sources as one comma-separated string.
    identitySource: authorizer.identitySources.join(', '),
    authorizerResultTtlInSeconds: authorizer.resultTtlSeconds,
    ...(authorizer.functionArn && { authorizerUri: lambdaInvocationUri(authorizer.functionArn, region) }),
    ...(authorizer.providerArns && { providerARNs: authorizer.providerArns }),
    ...(authorizer.validationExpression && { identityValidationExpression: authorizer.validationExpression }),
  }));
}

export function restStages(api: ApiModel): WireObject[] {
  return api.stages.map((stage) => ({
    stageName: stage.name,
    deploymentId: stage.deploymentId,
    variables: stage.variables,
    cacheClusterEnabled: false,
    tracingEnabled: false,
    methodSettings: methodSettings(stage),
    ...(stage.accessLog && {
      accessLogSettings: { format: stage.accessLog.format, destinationArn: stage.accessLog.destinationArn },
    }),
    ...(stage.canary && {
      canarySettings: {
        percentTraffic: stage.canary.percentTraffic,
        stageVariableOverrides: stage.canary.stageVariableOverrides,
        useStageCache: false,
      },
    }),
    tags: {},
  }));
}

/** Keyed `*\/*` for every method, else `{path}/{METHOD}` with the path's slashes escaped as `~1`. */
function methodSettings(stage: StageModel): Record<string, WireObject> {
  const out: Record<string, WireObject> = {};
  for (const setting of stage.methodSettings) {
    const key =
      setting.resourcePath === '*'
        ? `*/${setting.httpMethod}`
        : `${setting.resourcePath.replace(/\//g, '~1')}/${setting.httpMethod}`;
    out[key] = {
      metricsEnabled: false,
      dataTraceEnabled: false,
      ...(setting.throttle?.burstLimit !== undefined && { throttlingBurstLimit: setting.throttle.burstLimit }),
      ...(setting.throttle?.rateLimit !== undefined && { throttlingRateLimit: setting.throttle.rateLimit }),
    };
  }
  return out;
}

export function usagePlanResources(model: GatewayModel): WireObject[] {
  return model.usagePlans.map((plan) => usagePlanResource(model, plan));
}

function usagePlanResource(model: GatewayModel, plan: UsagePlanModel): WireObject {
  return {
    id: wireId('usage-plan', plan.logicalId),
    name: plan.name,
    apiStages: plan.apiStages.flatMap((apiStage) => {
      const api = model.apis.find((each) => each.logicalId === apiStage.apiLogicalId);
      if (!api) return [];
      return [
        {
          apiId: api.apiId,
          stage: apiStage.stage,
          ...(Object.keys(apiStage.throttle).length > 0 && {
            throttle: Object.fromEntries(
              Object.entries(apiStage.throttle).map(([key, throttle]) => [key, throttleSettings(throttle)]),
            ),
          }),
        },
      ];
    }),
    ...(plan.throttle && { throttle: throttleSettings(plan.throttle) }),
    ...(plan.quota && {
      quota: { limit: plan.quota.limit, offset: plan.quota.offset ?? 0, period: plan.quota.period },
    }),
    tags: {},
  };
}

function throttleSettings(throttle: { readonly rateLimit?: number; readonly burstLimit?: number }): WireObject {
  return {
    ...(throttle.burstLimit !== undefined && { burstLimit: throttle.burstLimit }),
    ...(throttle.rateLimit !== undefined && { rateLimit: throttle.rateLimit }),
  };
}
