/**
 * The HTTP API Lambda proxy event, payload format 2.0 (AWS docs: "Create AWS Lambda proxy integrations for HTTP APIs", docs/aws-behaviour.md, "Captured events"), shaped like the captures in
 * fixtures/http-v2-event.*: absent optional fields are left out (never `null`), `rawPath` keeps the stage
 * of a named stage, `requestContext.authorizer` appears only when an authorizer ran.
 */
import type { APIGatewayEventRequestContextV2, APIGatewayProxyEventV2WithRequestContext } from 'aws-lambda';
import { formatRequestTime } from '../../core/request-time';
import type { HttpAuthorizerGrant, HttpRequestContext, JsonValue } from './http-context';
import { domainPrefixOf, eventBody, headersAndCookies, integrationHeaderPairs, joinedQuery } from './request-shape';

export interface ProxyEventV2Options {
  /** `requestContext.accountId`: the account that owns the API. */
  readonly accountId: string;
}

/** `requestContext.authorizer` of a 2.0 event: `{lambda}`, `{jwt: {claims, scopes}}` or `{iam}`. */
export type AuthorizerContextV2 =
  | { readonly lambda: Readonly<Record<string, JsonValue>> | null }
  | { readonly jwt: { readonly claims: Readonly<Record<string, string>>; readonly scopes: readonly string[] | null } }
  | { readonly iam: Readonly<Record<string, string | null>> };

export type RequestContextV2 = APIGatewayEventRequestContextV2 & { authorizer?: AuthorizerContextV2 };
export type ProxyEventV2 = APIGatewayProxyEventV2WithRequestContext<RequestContextV2>;

export function buildProxyEventV2(ctx: HttpRequestContext, options: ProxyEventV2Options): ProxyEventV2 {
  if (!ctx.httpApi || !ctx.httpStage || !ctx.routeKey) {
    throw new Error('buildProxyEventV2 needs a request matched to an HTTP API, a stage and a route');
  }
  const { headers, cookies } = headersAndCookies(integrationHeaderPairs(ctx, ctx.traceId));
  const { body, isBase64Encoded } = eventBody(ctx);
  return {
    version: '2.0',
    routeKey: ctx.routeKey,
    rawPath: ctx.rawPath,
    rawQueryString: ctx.rawQueryString,
    ...(cookies.length > 0 && { cookies }),
    headers,
    ...(ctx.query.length > 0 && { queryStringParameters: joinedQuery(ctx.query) }),
    requestContext: requestContextV2(ctx, options.accountId),
    ...(body !== undefined && { body }),
    ...(Object.keys(ctx.pathParameters).length > 0 && { pathParameters: { ...ctx.pathParameters } }),
    isBase64Encoded,
    ...(Object.keys(ctx.stageVariables).length > 0 && { stageVariables: { ...ctx.stageVariables } }),
  };
}

/** The `requestContext` of 2.0 integration and authorizer events alike. */
export function requestContextV2(ctx: HttpRequestContext, accountId: string): RequestContextV2 {
  let userAgent = '';
  for (const [name, value] of ctx.request.headers) if (name.toLowerCase() === 'user-agent') userAgent = value;
  const authorizer = ctx.grant ? authorizerContextV2(ctx.grant) : ctx.iamCaller && { iam: ctx.iamCaller };
  return {
    accountId,
    apiId: ctx.httpApi?.apiId ?? '',
    ...(authorizer && { authorizer }),
    ...(ctx.request.clientCert && { authentication: { clientCert: ctx.request.clientCert } }),
    domainName: ctx.domainName,
    domainPrefix: domainPrefixOf(ctx.domainName),
    http: {
      method: ctx.request.method,
      path: ctx.rawPath,
      protocol: ctx.request.protocol,
      sourceIp: ctx.request.sourceIp,
      userAgent,
    },
    requestId: ctx.requestId,
    routeKey: ctx.routeKey ?? '$default',
    stage: ctx.httpStage?.name ?? '$default',
    time: formatRequestTime(ctx.requestTimeEpoch),
    timeEpoch: ctx.requestTimeEpoch,
  };
}

function authorizerContextV2(grant: HttpAuthorizerGrant): AuthorizerContextV2 {
  if (grant.kind === 'jwt') return { jwt: { claims: { ...grant.claims }, scopes: grant.scopes } };
  return { lambda: grant.context };
}
