/**
 * An HTTP API of the model in the JSON shapes API Gateway v2's management API answers (`GetApi`, `GetRoutes`,
 * `GetIntegrations`, `GetAuthorizers`, `GetStages`; camelCase keys as in the API Gateway v2 API reference,
 * the names `@aws-sdk/client-apigatewayv2` deserializes). Each route gets an integration of its own (AWS may
 * share one between routes; clients follow each route's `target`); ids come from `wireId`, so they agree across calls.
 */
import type { HttpAuthorizerSpec, HttpRouteSpec } from '../../core/http-route-table';
import { httpRouteKeyName } from '../../core/http-route-table';
import type { ThrottleSettings } from '../../core/throttle-settings';
import type { HttpApiModel, HttpStageModel } from '../model';
import { lambdaInvocationUri, wireId } from './wire-ids';

export type WireObject = { readonly [key: string]: unknown };

export function httpApiResource(api: HttpApiModel, region: string): WireObject {
  return {
    apiId: api.apiId,
    name: api.name,
    protocolType: 'HTTP',
    routeSelectionExpression: '$request.method $request.path',
    apiKeySelectionExpression: '$request.header.x-api-key',
    apiEndpoint: `https://${api.apiId}.execute-api.${region}.amazonaws.com`,
    disableExecuteApiEndpoint: false,
    ...(api.table.cors && {
      corsConfiguration: {
        allowOrigins: api.table.cors.allowOrigins,
        allowMethods: api.table.cors.allowMethods,
        allowHeaders: api.table.cors.allowHeaders,
        exposeHeaders: api.table.cors.exposeHeaders,
        allowCredentials: api.table.cors.allowCredentials,
        ...(api.table.cors.maxAgeSeconds !== undefined && { maxAge: api.table.cors.maxAgeSeconds }),
      },
    }),
    tags: {},
  };
}

function authorizerId(api: HttpApiModel, name: string): string {
  return wireId(api.apiId, 'authorizer', name);
}

function integrationId(api: HttpApiModel, route: HttpRouteSpec): string {
  return wireId(api.apiId, 'integration', httpRouteKeyName(route.key));
}

export function httpRouteResources(api: HttpApiModel): WireObject[] {
  return api.table.routes.map((route) => {
    const routeKey = httpRouteKeyName(route.key);
    const { authorization } = route;
    const authorizer =
      authorization.kind === 'authorizer'
        ? api.table.authorizers.find((each) => each.name === authorization.authorizer)
        : undefined;
    return {
      routeId: wireId(api.apiId, 'route', routeKey),
      routeKey,
      apiKeyRequired: false,
      authorizationType:
        authorization.kind === 'none'
          ? 'NONE'
          : authorization.kind === 'iam'
            ? 'AWS_IAM'
            : authorizer?.type === 'JWT'
              ? 'JWT'
              : 'CUSTOM',
      ...(authorization.kind === 'authorizer' && {
        authorizerId: authorizerId(api, authorization.authorizer),
        ...(authorization.scopes && { authorizationScopes: authorization.scopes }),
      }),
      target: `integrations/${integrationId(api, route)}`,
    };
  });
}

export function httpIntegrationResources(api: HttpApiModel): WireObject[] {
  return api.table.routes.map((route) => {
    const { integration } = route;
    const common = { integrationId: integrationId(api, route), connectionType: 'INTERNET' };
    if (integration.kind === 'lambda') {
      // CDK's HttpLambdaIntegration stores the function ARN itself as the URI (OpenAPI imports the invocation URI).
      return {
        ...common,
        integrationType: 'AWS_PROXY',
        integrationMethod: 'POST',
        integrationUri: integration.functionArn,
        payloadFormatVersion: integration.payloadFormatVersion,
        timeoutInMillis: integration.timeoutMs,
      };
    }
    return {
      ...common,
      integrationType: 'HTTP_PROXY',
      integrationMethod: integration.method,
      integrationUri: integration.url,
      payloadFormatVersion: '1.0',
      timeoutInMillis: integration.timeoutMs,
      ...(Object.keys(integration.requestParameters).length > 0 && {
        requestParameters: integration.requestParameters,
      }),
      ...(Object.keys(integration.responseParameters).length > 0 && {
        responseParameters: integration.responseParameters,
      }),
    };
  });
}

export function httpAuthorizerResources(api: HttpApiModel, region: string): WireObject[] {
  return api.table.authorizers.map((authorizer) => authorizerResource(api, authorizer, region));
}

function authorizerResource(api: HttpApiModel, authorizer: HttpAuthorizerSpec, region: string): WireObject {
  const common = {
    authorizerId: authorizerId(api, authorizer.name),
    name: authorizer.name,
    authorizerType: authorizer.type,
    identitySource: authorizer.identitySources,
  };
  if (authorizer.type === 'JWT') {
    return { ...common, jwtConfiguration: { issuer: authorizer.issuer, audience: authorizer.audience } };
  }
  return {
    ...common,
    authorizerUri: lambdaInvocationUri(authorizer.functionArn, region),
    authorizerPayloadFormatVersion: authorizer.payloadFormatVersion,
    enableSimpleResponses: authorizer.enableSimpleResponses,
    authorizerResultTtlInSeconds: authorizer.resultTtlSeconds,
  };
}

export function httpStageResources(api: HttpApiModel): WireObject[] {
  return api.stages.map((stage) => stageResource(api, stage));
}

function stageResource(api: HttpApiModel, stage: HttpStageModel): WireObject {
  return {
    stageName: stage.name,
    deploymentId: wireId(api.apiId, 'deployment', stage.name),
    autoDeploy: true,
    apiGatewayManaged: false,
    stageVariables: stage.variables,
    ...(stage.accessLog && {
      accessLogSettings: { format: stage.accessLog.format, destinationArn: stage.accessLog.destinationArn },
    }),
    defaultRouteSettings: routeSettings(stage.defaultRouteThrottle),
    routeSettings: Object.fromEntries(
      Object.entries(stage.routeThrottles).map(([routeKey, throttle]) => [routeKey, routeSettings(throttle)]),
    ),
    tags: {},
  };
}

function routeSettings(throttle: Partial<ThrottleSettings> | undefined): WireObject {
  return {
    detailedMetricsEnabled: false,
    ...(throttle?.burstLimit !== undefined && { throttlingBurstLimit: throttle.burstLimit }),
    ...(throttle?.rateLimit !== undefined && { throttlingRateLimit: throttle.rateLimit }),
  };
}
