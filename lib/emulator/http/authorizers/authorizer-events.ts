/**
 * Events an HTTP API Lambda authorizer receives (AWS docs: "Control access to HTTP APIs with AWS Lambda authorizers"), shaped like fixtures/http-authorizer-
 * event.*: payload 2.0 is the integration event's request half plus `type`, `routeArn` and `identitySource`
 * (a list); payload 1.0 is the REST REQUEST event's shape plus `version`, `identitySource` and
 * `authorizationToken` (the identity values joined with commas), with `{}` for empty maps.
 */
import type { APIGatewayRequestAuthorizerEventV2 } from 'aws-lambda';
import { type RequestContextV2, requestContextV2 } from '../events-v2';
import type { HttpRequestContext } from '../http-context';
import { headersAndCookies, integrationHeaderPairs, joinedQuery } from '../request-shape';

export interface HttpAuthorizerEventOptions {
  readonly region: string;
  readonly accountId: string;
  /** Values of the authorizer's identity sources, in order. */
  readonly identityValues: readonly string[];
}

/**
 * `arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/{METHOD}/{path}` with the path actually requested
 * below the stage and without its leading slash (capture: `lsw1ro4ipb/$default/POST/lambda`).
 */
export function routeArn(ctx: HttpRequestContext, region: string, accountId: string): string {
  const apiId = ctx.httpApi?.apiId ?? '';
  const stage = ctx.httpStage?.name ?? '$default';
  return `arn:aws:execute-api:${region}:${accountId}:${apiId}/${stage}/${ctx.request.method}/${ctx.path.replace(/^\/+/, '')}`;
}

export type HttpAuthorizerEventV2 = Omit<APIGatewayRequestAuthorizerEventV2, 'cookies' | 'requestContext'> & {
  cookies?: string[];
  requestContext: RequestContextV2;
};

export function buildHttpAuthorizerEventV2(
  ctx: HttpRequestContext,
  options: HttpAuthorizerEventOptions,
): HttpAuthorizerEventV2 {
  const { headers, cookies } = headersAndCookies(integrationHeaderPairs(ctx, ctx.traceId));
  return {
    version: '2.0',
    type: 'REQUEST',
    routeArn: routeArn(ctx, options.region, options.accountId),
    identitySource: [...options.identityValues],
    routeKey: ctx.routeKey ?? '$default',
    rawPath: ctx.rawPath,
    rawQueryString: ctx.rawQueryString,
    ...(cookies.length > 0 && { cookies }),
    headers,
    ...(ctx.query.length > 0 && { queryStringParameters: joinedQuery(ctx.query) }),
    requestContext: requestContextV2(ctx, options.accountId),
    ...(Object.keys(ctx.pathParameters).length > 0 && { pathParameters: { ...ctx.pathParameters } }),
    ...(Object.keys(ctx.stageVariables).length > 0 && { stageVariables: { ...ctx.stageVariables } }),
  };
}

export interface HttpAuthorizerEventV1 {
  readonly version: '1.0';
  readonly type: 'REQUEST';
  readonly methodArn: string;
  readonly identitySource: string;
  readonly authorizationToken: string;
  readonly resource: string;
  readonly path: string;
  readonly httpMethod: string;
  readonly headers: Record<string, string>;
  readonly queryStringParameters: Record<string, string>;
  readonly pathParameters: Record<string, string>;
  readonly stageVariables: Record<string, string>;
  readonly requestContext: Record<string, unknown>;
}

export function buildHttpAuthorizerEventV1(
  ctx: HttpRequestContext,
  options: HttpAuthorizerEventOptions,
): HttpAuthorizerEventV1 {
  const identity = options.identityValues.join(',');
  const resourcePath =
    ctx.routeKey && ctx.routeKey !== '$default' ? ctx.routeKey.slice(ctx.routeKey.indexOf(' ') + 1) : '$default';
  const headers: Record<string, string> = {};
  for (const [name, value] of integrationHeaderPairs(ctx, ctx.traceId)) headers[name] = value;
  const query: Record<string, string> = {};
  // The first value of a repeated name, as the HTTP 1.0 integration event shows it (AWS docs: "Create AWS Lambda proxy integrations for HTTP APIs").
  for (const [name, value] of ctx.query) if (!Object.hasOwn(query, name)) query[name] = value;
  return {
    version: '1.0',
    type: 'REQUEST',
    methodArn: routeArn(ctx, options.region, options.accountId),
    identitySource: identity,
    authorizationToken: identity,
    resource: resourcePath,
    path: ctx.rawPath,
    httpMethod: ctx.request.method,
    headers,
    queryStringParameters: query,
    pathParameters: { ...ctx.pathParameters },
    stageVariables: { ...ctx.stageVariables },
    requestContext: {
      path: ctx.rawPath,
      accountId: options.accountId,
      resourceId: null,
      stage: ctx.httpStage?.name ?? '$default',
      requestId: ctx.requestId,
      identity: {
        sourceIp: ctx.request.sourceIp,
        ...(ctx.request.clientCert && { clientCert: ctx.request.clientCert }),
      },
      resourcePath,
      httpMethod: ctx.request.method,
      apiId: ctx.httpApi?.apiId ?? '',
    },
  };
}
