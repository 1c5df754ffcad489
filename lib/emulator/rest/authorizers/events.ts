/**
 * Events a REST Lambda authorizer receives (AWS docs: "Input to an API Gateway Lambda authorizer"). TOKEN: `{type, methodArn,
 * authorizationToken}`. REQUEST: the proxy event's request fields as real captures show them, with `{}`
 * (not `null`) for empty maps, `Content-Length` kept, and no `body` or `isBase64Encoded`.
 */
import type {
  APIGatewayEventIdentity,
  APIGatewayRequestAuthorizerEvent,
  APIGatewayTokenAuthorizerEvent,
} from 'aws-lambda';
import { formatRequestTime } from '../../../core/request-time';
import { resourceIdOf } from '../../../core/rest-router';
import type { RequestContext } from '../../request-context';
import { parseRequestTarget } from '../../request-target';
import { headerValue, toValueMaps } from '../../request-values';

export interface AuthorizerEventOptions {
  /** From `methodArn(ctx, region, accountId)`. */
  readonly methodArn: string;
  readonly accountId: string;
}

/**
 * `arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/{VERB}/{path}`, with the path actually
 * requested (path-parameter values, not the template) and without its leading slash, so the root
 * resource ends in `/GET/` (AWS docs: "Input to an API Gateway Lambda authorizer").
 */
export function methodArn(ctx: RequestContext, region: string, accountId: string): string {
  const apiId = ctx.api?.apiId ?? '';
  const stage = ctx.stage?.name ?? '';
  return `arn:aws:execute-api:${region}:${accountId}:${apiId}/${stage}/${ctx.request.method}/${ctx.path.replace(/^\/+/, '')}`;
}

export function buildTokenAuthorizerEvent(
  token: string,
  options: AuthorizerEventOptions,
): APIGatewayTokenAuthorizerEvent {
  return { type: 'TOKEN', methodArn: options.methodArn, authorizationToken: token };
}

export function buildRequestAuthorizerEvent(
  ctx: RequestContext,
  options: AuthorizerEventOptions,
): APIGatewayRequestAuthorizerEvent {
  const { request, api, stage, route } = ctx;
  const headers = toValueMaps(request.headers);
  const query = toValueMaps(ctx.query);
  const resourcePath = route?.key.path ?? ctx.path;
  const requestPath = (parseRequestTarget(request.rawUrl)?.path ?? ctx.path).replace(/^\/{2,}/, '/');
  // On the execute-api host `path` follows the stage; through a custom domain it keeps the base path (AWS docs: "Lambda proxy integrations in API Gateway").
  const path = ctx.basePathMatched === undefined ? ctx.path.replace(/^\/{2,}/, '/') : requestPath;

  return {
    type: 'REQUEST',
    methodArn: options.methodArn,
    resource: resourcePath,
    path,
    httpMethod: request.method,
    headers: headers.single,
    multiValueHeaders: headers.multi,
    queryStringParameters: query.single,
    multiValueQueryStringParameters: query.multi,
    pathParameters: { ...ctx.pathParameters },
    stageVariables: { ...ctx.stageVariables },
    requestContext: {
      resourceId: resourceIdOf(resourcePath),
      resourcePath,
      httpMethod: request.method,
      extendedRequestId: ctx.extendedRequestId,
      requestTime: formatRequestTime(ctx.requestTimeEpoch),
      path: requestPath,
      accountId: options.accountId,
      protocol: 'HTTP/1.1',
      stage: stage?.name ?? '',
      domainPrefix: domainPrefixOf(ctx.domainName),
      requestTimeEpoch: ctx.requestTimeEpoch,
      requestId: ctx.requestId,
      identity: identityOf(ctx),
      domainName: ctx.domainName,
      deploymentId: stage?.deploymentId,
      apiId: api?.apiId ?? '',
      // No `authorizer` key (nothing is authorized yet), though the typing insists on one.
    } as unknown as APIGatewayRequestAuthorizerEvent['requestContext'],
  };
}

function domainPrefixOf(domainName: string): string {
  const dot = domainName.indexOf('.');
  return dot === -1 ? domainName : domainName.slice(0, dot);
}

/** The capture's identity block: IAM and Cognito fields null (not emulated), no API key yet. */
function identityOf(ctx: RequestContext): APIGatewayEventIdentity {
  return {
    cognitoIdentityPoolId: null,
    accountId: null,
    cognitoIdentityId: null,
    caller: null,
    sourceIp: ctx.request.sourceIp,
    principalOrgId: null,
    accessKey: null,
    cognitoAuthenticationType: null,
    cognitoAuthenticationProvider: null,
    userArn: null,
    userAgent: headerValue(ctx.request.headers, 'user-agent') ?? null,
    user: null,
    ...(ctx.request.clientCert && { clientCert: ctx.request.clientCert }),
  } as APIGatewayEventIdentity;
}
