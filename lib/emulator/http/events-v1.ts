/**
 * Payload format 1.0 on an HTTP API (AWS docs: "Create AWS Lambda proxy integrations for HTTP APIs"): the REST event's keys plus `version: "1.0"`, as the
 * developer guide's sample shows them. Differences from REST: header names arrive lower-cased (HTTP APIs
 * normalize them), a repeated query name's single value is the first (the sample; REST keeps the last),
 * `resourceId` is null, `path` and `requestContext.path` keep the stage of a named stage, and without an
 * authorizer `requestContext.authorizer` is `{"claims":null,"scopes":null}`.
 */
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { formatRequestTime } from '../../core/request-time';
import type { HttpAuthorizerGrant, HttpRequestContext, JsonValue } from './http-context';
import { domainPrefixOf, eventBody, integrationHeaderPairs } from './request-shape';

export interface HttpProxyEventV1Options {
  readonly accountId: string;
}

export type HttpProxyEventV1 = Omit<APIGatewayProxyEvent, 'requestContext'> & {
  version: '1.0';
  requestContext: Record<string, unknown>;
};

export function buildHttpProxyEventV1(ctx: HttpRequestContext, options: HttpProxyEventV1Options): HttpProxyEventV1 {
  if (!ctx.httpApi || !ctx.httpStage || !ctx.routeKey || !ctx.httpRoute) {
    throw new Error('buildHttpProxyEventV1 needs a request matched to an HTTP API, a stage and a route');
  }
  const headers = valueMaps(integrationHeaderPairs(ctx, ctx.traceId), 'last');
  const query = ctx.query.length > 0 ? valueMaps(ctx.query, 'first') : undefined;
  const resourcePath = ctx.routeKey === '$default' ? '$default' : ctx.routeKey.slice(ctx.routeKey.indexOf(' ') + 1);
  const { body, isBase64Encoded } = eventBody(ctx);
  let userAgent: string | null = null;
  for (const [name, value] of ctx.request.headers) if (name.toLowerCase() === 'user-agent') userAgent = value;
  return {
    version: '1.0',
    resource: resourcePath,
    path: ctx.rawPath,
    httpMethod: ctx.request.method,
    headers: headers.single,
    multiValueHeaders: headers.multi,
    queryStringParameters: query?.single ?? null,
    multiValueQueryStringParameters: query?.multi ?? null,
    requestContext: {
      accountId: options.accountId,
      apiId: ctx.httpApi.apiId,
      authorizer: authorizerContextV1(ctx.grant, ctx.authorizer?.integrationLatency ?? 0),
      domainName: ctx.domainName,
      domainPrefix: domainPrefixOf(ctx.domainName),
      extendedRequestId: ctx.extendedRequestId,
      httpMethod: ctx.request.method,
      identity: {
        accessKey: null,
        accountId: null,
        caller: null,
        ...(ctx.request.clientCert && { clientCert: ctx.request.clientCert }),
        cognitoAuthenticationProvider: null,
        cognitoAuthenticationType: null,
        cognitoIdentityId: null,
        cognitoIdentityPoolId: null,
        principalOrgId: null,
        sourceIp: ctx.request.sourceIp,
        user: null,
        userAgent,
        userArn: null,
      },
      path: ctx.rawPath,
      protocol: ctx.request.protocol,
      requestId: ctx.requestId,
      requestTime: formatRequestTime(ctx.requestTimeEpoch),
      requestTimeEpoch: ctx.requestTimeEpoch,
      resourceId: null,
      resourcePath,
      stage: ctx.httpStage.name,
    },
    pathParameters: Object.keys(ctx.pathParameters).length > 0 ? { ...ctx.pathParameters } : null,
    stageVariables: Object.keys(ctx.stageVariables).length > 0 ? { ...ctx.stageVariables } : null,
    body: body ?? null,
    isBase64Encoded,
  };
}

/**
 * JWT: `{claims, scopes}`; Lambda: the context with `principalId` (IAM-policy answers) and
 * `integrationLatency`, as in the REST event (AWS docs: "Lambda proxy integrations in API Gateway"; the 1.0-on-HTTP shape is not documented).
 */
function authorizerContextV1(
  grant: HttpAuthorizerGrant | undefined,
  integrationLatency: number,
): Record<string, unknown> {
  if (!grant) return { claims: null, scopes: null };
  if (grant.kind === 'jwt') return { claims: { ...grant.claims }, scopes: grant.scopes };
  const context: Record<string, JsonValue> = { ...(grant.context ?? {}) };
  if (grant.principalId !== undefined) context.principalId = grant.principalId;
  context.integrationLatency = integrationLatency;
  return context;
}

function valueMaps(
  pairs: readonly (readonly [string, string])[],
  single: 'first' | 'last',
): { single: Record<string, string>; multi: Record<string, string[]> } {
  const singles: Record<string, string> = {};
  const multi: Record<string, string[]> = {};
  for (const [name, value] of pairs) {
    if (single === 'last' || !Object.hasOwn(singles, name)) singles[name] = value;
    if (Object.hasOwn(multi, name)) multi[name].push(value);
    else multi[name] = [value];
  }
  return { single: singles, multi };
}
