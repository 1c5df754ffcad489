/**
 * What the synthesized template says each API should be, in the normalized shape `diff` compares: read
 * through the emulator's assembly loader, so a gateway written with plain aws-cdk-lib constructs is
 * described as well as a Portico one.
 */
import type { HttpAuthorizerSpec, HttpRouteSpec } from '../core/http-route-table';
import { httpRouteKeyName } from '../core/http-route-table';
import type { AuthorizationSpec, AuthorizerSpec, IntegrationSpec, RouteSpec } from '../core/route-table';
import type {
  ApiModel,
  GatewayModel,
  HttpApiModel,
  MethodSetting,
  StageModel,
  UsagePlanModel,
} from '../emulator/model';
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
import { methodThrottleKey } from './route-keys';

/** Every REST and HTTP API of the model (load it with `stacks: [name]` to describe one stack). */
export function describeExpected(model: GatewayModel): ApiDescription[] {
  return [...model.httpApis.map(describeHttpApi), ...model.apis.map((api) => describeRestApi(api, model))];
}

export function describeHttpApi(api: HttpApiModel): ApiDescription {
  const authorizerTypes = new Map(api.table.authorizers.map((each) => [each.name, each.type]));
  return {
    flavor: 'http',
    name: api.name,
    routes: byKey(
      api.table.routes.map((route) => httpRoute(route, authorizerTypes)),
      (route) => route.routeKey,
    ),
    authorizers: byKey(api.table.authorizers.map(httpAuthorizer), (authorizer) => authorizer.name),
    stages: byKey(
      api.stages.map(
        (stage): StageDescription => ({
          name: stage.name,
          variables: stage.variables,
          ...(stage.accessLog && {
            accessLogFormat: stage.accessLog.format,
            accessLogDestination: stage.accessLog.destinationArn,
          }),
          ...(stage.defaultRouteThrottle && { defaultThrottle: throttle(stage.defaultRouteThrottle) }),
          routeThrottles: Object.fromEntries(
            Object.entries(stage.routeThrottles).map(([routeKey, each]) => [routeKey, throttle(each)]),
          ),
        }),
      ),
      (stage) => stage.name,
    ),
  };
}

function httpRoute(route: HttpRouteSpec, authorizerTypes: ReadonlyMap<string, string>): RouteDescription {
  const { integration } = route;
  return {
    routeKey: httpRouteKeyName(route.key),
    ...authorization(route.authorization, (name) => (authorizerTypes.get(name) === 'JWT' ? 'JWT' : 'CUSTOM')),
    integration:
      integration.kind === 'lambda'
        ? {
            kind: 'lambda',
            functionName: functionNameOf(integration.functionArn),
            payloadFormatVersion: integration.payloadFormatVersion,
          }
        : { kind: 'http', url: integration.url, method: integration.method },
  };
}

function httpAuthorizer(authorizer: HttpAuthorizerSpec): AuthorizerDescription {
  const common = { name: authorizer.name, type: authorizer.type, identitySources: authorizer.identitySources };
  if (authorizer.type === 'JWT') {
    return { ...common, issuer: authorizer.issuer, audience: [...authorizer.audience].sort() };
  }
  return {
    ...common,
    functionName: functionNameOf(authorizer.functionArn),
    resultTtlSeconds: authorizer.resultTtlSeconds,
    payloadFormatVersion: authorizer.payloadFormatVersion,
    enableSimpleResponses: authorizer.enableSimpleResponses,
  };
}

export function describeRestApi(api: ApiModel, model: GatewayModel): ApiDescription {
  const authorizerTypes = new Map(api.table.authorizers.map((each) => [each.name, each.type]));
  const plans = model.usagePlans.filter((plan) => plan.apiStages.some((each) => each.apiLogicalId === api.logicalId));
  return {
    flavor: 'rest',
    name: api.name,
    routes: byKey(
      api.table.routes.map((route) => restRoute(route, authorizerTypes)),
      (route) => route.routeKey,
    ),
    authorizers: byKey(api.table.authorizers.map(restAuthorizer), (authorizer) => authorizer.name),
    stages: byKey(api.stages.map(restStage), (stage) => stage.name),
    usagePlans: byKey(
      plans.map((plan) => usagePlan(plan, api)),
      (plan) => plan.name,
    ),
  };
}

function restRoute(route: RouteSpec, authorizerTypes: ReadonlyMap<string, string>): RouteDescription {
  return {
    routeKey: `${route.key.method} ${route.key.path}`,
    ...authorization(route.authorization, (name) =>
      authorizerTypes.get(name) === 'COGNITO_USER_POOLS' ? 'COGNITO_USER_POOLS' : 'CUSTOM',
    ),
    apiKeyRequired: route.apiKeyRequired,
    integration: restIntegration(route.integration),
  };
}

function restIntegration(integration: IntegrationSpec): IntegrationDescription {
  switch (integration.kind) {
    case 'lambda':
      return { kind: 'lambda', functionName: functionNameOf(integration.functionArn) };
    case 'http':
      return { kind: 'http', url: integration.url, method: integration.method };
    case 'mock':
      return { kind: 'mock' };
    case 'unsupported':
      return { kind: 'other', type: integration.type, ...(integration.uri && { uri: integration.uri }) };
    case 'aws':
      return { kind: 'other', type: 'AWS', uri: integration.uri };
  }
}

function restAuthorizer(authorizer: AuthorizerSpec): AuthorizerDescription {
  return {
    name: authorizer.name,
    type: authorizer.type,
    identitySources: authorizer.identitySources,
    resultTtlSeconds: authorizer.resultTtlSeconds,
    ...(authorizer.functionArn && { functionName: functionNameOf(authorizer.functionArn) }),
    ...(authorizer.providerArns && { providerArns: [...authorizer.providerArns].sort() }),
    ...(authorizer.validationExpression && { validationExpression: authorizer.validationExpression }),
  };
}

function restStage(stage: StageModel): StageDescription {
  const all = stage.methodSettings.find((each) => each.resourcePath === '*' && each.httpMethod === '*');
  const perMethod = stage.methodSettings.filter((each) => each !== all && each.throttle);
  return {
    name: stage.name,
    variables: stage.variables,
    ...(stage.accessLog && {
      accessLogFormat: stage.accessLog.format,
      accessLogDestination: stage.accessLog.destinationArn,
    }),
    ...(all?.throttle && { defaultThrottle: throttle(all.throttle) }),
    routeThrottles: Object.fromEntries(perMethod.map((each) => [methodSettingRouteKey(each), throttle(each.throttle)])),
    ...(stage.canary && { canaryPercent: stage.canary.percentTraffic }),
  };
}

function methodSettingRouteKey(setting: MethodSetting): string {
  return methodThrottleKey(`${setting.resourcePath}/${setting.httpMethod}`);
}

function usagePlan(plan: UsagePlanModel, api: ApiModel): UsagePlanDescription {
  const stages: Record<string, Record<string, ThrottleDescription>> = {};
  for (const apiStage of plan.apiStages) {
    if (apiStage.apiLogicalId !== api.logicalId) continue;
    stages[apiStage.stage] = Object.fromEntries(
      Object.entries(apiStage.throttle).map(([key, each]) => [methodThrottleKey(key), throttle(each)]),
    );
  }
  return {
    name: plan.name,
    ...(plan.throttle && { throttle: throttle(plan.throttle) }),
    ...(plan.quota && {
      quota: { limit: plan.quota.limit, period: plan.quota.period, offset: plan.quota.offset ?? 0 },
    }),
    stages,
  };
}

function authorization(
  spec: AuthorizationSpec,
  typeOf: (authorizer: string) => AuthorizationType,
): Pick<RouteDescription, 'authorizationType' | 'authorizer' | 'scopes'> {
  switch (spec.kind) {
    case 'none':
      return { authorizationType: 'NONE', scopes: [] };
    case 'iam':
      return { authorizationType: 'AWS_IAM', scopes: [] };
    case 'authorizer':
      return {
        authorizationType: typeOf(spec.authorizer),
        authorizer: spec.authorizer,
        scopes: [...(spec.scopes ?? [])].sort(),
      };
  }
}

function throttle(settings: ThrottleDescription | undefined): ThrottleDescription {
  return {
    ...(settings?.rateLimit !== undefined && { rateLimit: settings.rateLimit }),
    ...(settings?.burstLimit !== undefined && { burstLimit: settings.burstLimit }),
  };
}

function byKey<T>(items: readonly T[], key: (item: T) => string): Record<string, T> {
  return Object.fromEntries(items.map((item) => [key(item), item]));
}
