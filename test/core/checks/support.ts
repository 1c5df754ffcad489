/** Builders for the route tables, plans and stages the check tests feed in. */
import { parsePathTemplate, parseRouteKey } from '../../../lib/core/route-key';
import type { AuthorizerSpec, RouteSpec, RouteTable } from '../../../lib/core/route-table';

export function route(key: string, overrides: Partial<RouteSpec> = {}): RouteSpec {
  return {
    key: parseRouteKey(key),
    authorization: { kind: 'none' },
    apiKeyRequired: false,
    integration: {
      kind: 'lambda',
      functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:users',
      timeoutMs: 29_000,
    },
    requestParameters: {},
    ...overrides,
  };
}

/** A route whose path skipped `parseRouteKey`'s checks, as a table loaded from a template could hold. */
export function unparsedRoute(method: 'GET' | 'ANY', path: string): RouteSpec {
  const segments = path
    .slice(1)
    .split('/')
    .flatMap((part) => parsePathTemplate(`/${part}`));
  return { ...route(`${method} /`), key: { method, path, segments } };
}

export function table(routes: readonly (RouteSpec | string)[], overrides: Partial<RouteTable> = {}): RouteTable {
  return {
    routes: routes.map((r) => (typeof r === 'string' ? route(r) : r)),
    authorizers: [],
    apiKeySource: 'HEADER',
    binaryMediaTypes: [],
    ...overrides,
  };
}

export function authorizer(name: string, overrides: Partial<AuthorizerSpec> = {}): AuthorizerSpec {
  return {
    name,
    type: 'TOKEN',
    functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:authorizer',
    identitySources: ['method.request.header.Authorization'],
    resultTtlSeconds: 300,
    ...overrides,
  };
}
