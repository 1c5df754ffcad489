/** Builders for the HTTP API route tables the http-* check tests feed in. */
import {
  type HttpAuthorizerSpec,
  type HttpIntegrationSpec,
  type HttpRouteSpec,
  type HttpRouteTable,
  parseHttpRouteKey,
} from '../../../lib/core/http-route-table';

export function httpRoute(key: string, overrides: Partial<HttpRouteSpec> = {}): HttpRouteSpec {
  return {
    key: parseHttpRouteKey(key),
    authorization: { kind: 'none' },
    integration: {
      kind: 'lambda',
      functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:users',
      payloadFormatVersion: '2.0',
      timeoutMs: 30_000,
    },
    ...overrides,
  };
}

export function httpTable(
  routes: readonly (HttpRouteSpec | string)[],
  overrides: Partial<HttpRouteTable> = {},
): HttpRouteTable {
  return { routes: routes.map((r) => (typeof r === 'string' ? httpRoute(r) : r)), authorizers: [], ...overrides };
}

export function lambdaAuthorizer(name: string, overrides: Partial<HttpAuthorizerSpec> = {}): HttpAuthorizerSpec {
  return {
    name,
    type: 'REQUEST',
    functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:authorizer',
    identitySources: ['$request.header.Authorization'],
    payloadFormatVersion: '2.0',
    enableSimpleResponses: true,
    resultTtlSeconds: 300,
    ...overrides,
  } as HttpAuthorizerSpec;
}

export function jwtAuthorizer(name: string, overrides: Partial<HttpAuthorizerSpec> = {}): HttpAuthorizerSpec {
  return {
    name,
    type: 'JWT',
    identitySources: ['$request.header.Authorization'],
    issuer: 'https://issuer.example.com',
    audience: ['api'],
    ...overrides,
  } as HttpAuthorizerSpec;
}

export function httpBackend(
  url: string,
  requestParameters: Record<string, string> = {},
): Extract<HttpIntegrationSpec, { kind: 'http' }> {
  return { kind: 'http', url, method: 'ANY', timeoutMs: 30_000, requestParameters, responseParameters: {} };
}
