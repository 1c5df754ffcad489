/**
 * The REST API Lambda proxy event, payload format 1.0 (AWS docs: "Lambda proxy integrations in API Gateway"), built field for field as real
 * captures show it: no `version` key, empty collections `null` (not `{}`), header names in the client's
 * casing, path parameters still URL-encoded, query parameters decoded.
 */
import type { APIGatewayEventIdentity, APIGatewayProxyEvent } from 'aws-lambda';
import { formatRequestTime } from '../../core/request-time';
import { resourceIdOf } from '../../core/rest-router';
import { binaryMediaTypeMatcher } from '../backends/binary-media-types';
import type { AuthorizerOutcome, RequestContext } from '../request-context';
import { contextPathOf } from '../request-target';
import { headerValue, toValueMaps } from '../request-values';

export interface ProxyEventV1Options {
  /** `requestContext.accountId`: the account that owns the API. */
  readonly accountId: string;
}

export function buildProxyEventV1(ctx: RequestContext, options: ProxyEventV1Options): APIGatewayProxyEvent {
  const { request, api, stage, route } = ctx;
  if (!api || !stage || !route) {
    throw new Error('buildProxyEventV1 needs a request matched to an API, a stage and a route');
  }
  // Content-Length never reaches the integration in any capture (AWS docs: "Lambda proxy integrations in API Gateway", docs/aws-behaviour.md, "Captured events", observed, not documented).
  const forwarded = request.headers.filter(([name]) => name.toLowerCase() !== 'content-length');
  const headers = forwarded.length > 0 ? toValueMaps(forwarded) : undefined;
  const query = ctx.query.length > 0 ? toValueMaps(ctx.query) : undefined;
  const resourcePath = route.key.path;
  const { path, requestContextPath } = eventPaths(ctx);
  const binary = binaryMediaTypeMatcher(api.table.binaryMediaTypes)(headerValue(request.headers, 'content-type'));

  return {
    resource: resourcePath,
    path,
    httpMethod: request.method,
    // Typed non-null, but AWS sends null for a request without headers, as for the other empty maps.
    headers: (headers?.single ?? null) as APIGatewayProxyEvent['headers'],
    multiValueHeaders: (headers?.multi ?? null) as APIGatewayProxyEvent['multiValueHeaders'],
    queryStringParameters: query?.single ?? null,
    multiValueQueryStringParameters: query?.multi ?? null,
    pathParameters: nonEmptyOrNull(ctx.pathParameters),
    stageVariables: nonEmptyOrNull(ctx.stageVariables),
    requestContext: {
      accountId: options.accountId,
      apiId: api.apiId,
      ...(ctx.authorizer && { authorizer: authorizerContext(ctx.authorizer) }),
      domainName: ctx.domainName,
      domainPrefix: domainPrefixOf(ctx.domainName),
      extendedRequestId: ctx.extendedRequestId,
      httpMethod: request.method,
      identity: identityOf(ctx),
      path: requestContextPath,
      protocol: 'HTTP/1.1',
      requestId: ctx.requestId,
      requestTime: formatRequestTime(ctx.requestTimeEpoch),
      requestTimeEpoch: ctx.requestTimeEpoch,
      resourceId: resourceIdOf(resourcePath),
      resourcePath,
      stage: stage.name,
      deploymentId: stage.deploymentId,
    } as APIGatewayProxyEvent['requestContext'], // `authorizer` is absent when none ran; the typing wants the key.
    body: request.body.length === 0 ? null : request.body.toString(binary ? 'base64' : 'utf8'),
    isBase64Encoded: binary && request.body.length > 0,
  };
}

/**
 * On the execute-api host `path` is the path after the stage and `requestContext.path` the whole request
 * path; through a custom domain both are the whole request path, base path included (AWS docs: "Lambda proxy integrations in API Gateway"). Leading
 * slashes collapse in both (`//stage/x` → `/stage/x`, `/stage//x` → `path` `/x`), inner ones stay (docs/aws-behaviour.md, "REST paths").
 */
function eventPaths(ctx: RequestContext): { path: string; requestContextPath: string } {
  const requestContextPath = contextPathOf(ctx.request.rawUrl) ?? collapseLeadingSlashes(ctx.path);
  const path = ctx.basePathMatched === undefined ? collapseLeadingSlashes(ctx.path) : requestContextPath;
  return { path, requestContextPath };
}

const collapseLeadingSlashes = (path: string): string => path.replace(/^\/{2,}/, '/');

/** `abc123.execute-api.eu-west-1.amazonaws.com` → `abc123`; a bare host is its own prefix. */
function domainPrefixOf(domainName: string): string {
  const dot = domainName.indexOf('.');
  return dot === -1 ? domainName : domainName.slice(0, dot);
}

/**
 * Captures without an API key carry no `apiKey`/`apiKeyId` keys at all (AWS docs: "Lambda proxy integrations in API Gateway", docs/aws-behaviour.md, "Captured events"); they appear when a key was
 * used. IAM and Cognito identity fields stay null (IAM authorization is not emulated).
 */
function identityOf(ctx: RequestContext): APIGatewayEventIdentity {
  const identity = {
    accessKey: null,
    accountId: null,
    ...(ctx.apiKey && { apiKey: ctx.apiKey.value, apiKeyId: ctx.apiKey.id }),
    caller: null,
    // Present only on a mutual TLS custom domain (tls/client-certificate.ts).
    ...(ctx.request.clientCert && { clientCert: ctx.request.clientCert }),
    cognitoAuthenticationProvider: null,
    cognitoAuthenticationType: null,
    cognitoIdentityId: null,
    cognitoIdentityPoolId: null,
    principalOrgId: null,
    sourceIp: ctx.request.sourceIp,
    user: null,
    userAgent: headerValue(ctx.request.headers, 'user-agent') ?? null,
    userArn: null,
  };
  return identity as APIGatewayEventIdentity;
}

/**
 * `{...context, principalId, integrationLatency}` with context numbers and booleans stringified and nulls
 * kept (AWS docs: "Lambda proxy integrations in API Gateway": `{"str":"hello","bool":"true","null":null,"num":"123","principalId":…,"integrationLatency":0}`).
 */
function authorizerContext(outcome: AuthorizerOutcome): Record<string, unknown> {
  // A Cognito user pool authorizer gives the token's claims and nothing else (AWS docs: "Integrate a REST API with an Amazon Cognito user pool").
  if (outcome.claims) return { claims: { ...outcome.claims } };
  const context: Record<string, string | number | null> = {};
  for (const [key, value] of Object.entries(outcome.context)) {
    if (value !== undefined) context[key] = value === null ? null : String(value);
  }
  if (outcome.principalId !== undefined) context.principalId = outcome.principalId;
  context.integrationLatency = outcome.integrationLatency;
  return context;
}

function nonEmptyOrNull(map: Readonly<Record<string, string>>): Record<string, string> | null {
  return Object.keys(map).length > 0 ? { ...map } : null;
}
