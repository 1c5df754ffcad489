import { compileRestRouter, resourceIdOf, resourcePathOf } from '../../lib/core/rest-router';
import { parseRouteKey } from '../../lib/core/route-key';
import type { RouteSpec } from '../../lib/core/route-table';

function route(routeKey: string): RouteSpec {
  return {
    key: parseRouteKey(routeKey),
    authorization: { kind: 'none' },
    apiKeyRequired: false,
    integration: { kind: 'mock', statusCode: 200, responseHeaders: {} },
    requestParameters: {},
  };
}

function routerFor(...routeKeys: string[]) {
  const router = compileRestRouter(routeKeys.map(route));
  return {
    /** The route key that serves the request, or undefined. */
    keyFor: (method: string, path: string) => {
      const match = router.match(method, path);
      return match && `${match.route.key.method} ${match.route.key.path}`;
    },
    paramsFor: (method: string, path: string) => router.match(method, path)?.pathParameters,
  };
}

describe('REST resource/method matching', () => {
  test('a literal child beats a {param} sibling, which beats a greedy sibling', () => {
    const r = routerFor('GET /users/me', 'GET /users/{id}', 'GET /users/{proxy+}');
    expect(r.keyFor('GET', '/users/me')).toBe('GET /users/me');
    expect(r.keyFor('GET', '/users/42')).toBe('GET /users/{id}');
    expect(r.keyFor('GET', '/users/42/orders')).toBe('GET /users/{proxy+}');
  });

  describe('observed on AWS (docs/aws-behaviour.md, "REST paths")', () => {
    test('a literal resource lacking the method falls back to a greedy resource that has it', () => {
      const r = routerFor('POST /test', 'ANY /test/any', 'OPTIONS /{proxy+}');
      expect(r.keyFor('OPTIONS', '/test')).toBe('OPTIONS /{proxy+}');
      expect(r.keyFor('POST', '/test')).toBe('POST /test');
      expect(r.keyFor('OPTIONS', '/test/any')).toBe('ANY /test/any');
      expect(r.keyFor('GET', '/test/any')).toBe('ANY /test/any');
      expect(r.paramsFor('OPTIONS', '/test')).toEqual({ proxy: 'test' });
    });

    test('a hardcoded child wins only for its own path; its unknown siblings go to the greedy root', () => {
      const r = routerFor('GET /part1', 'GET /{param+}', 'GET /part1/hardcoded-value');
      expect(r.keyFor('GET', '/part1')).toBe('GET /part1');
      expect(r.keyFor('GET', '/part1/hardcoded-value')).toBe('GET /part1/hardcoded-value');
      expect(r.keyFor('GET', '/part1/random-value')).toBe('GET /{param+}');
      expect(r.paramsFor('GET', '/part1/random-value')).toEqual({ param: 'part1/random-value' });
    });

    test('an unknown path and a known path with an undefined method both match nothing', () => {
      const r = routerFor('GET /pets');
      expect(r.keyFor('GET', '/dogs')).toBeUndefined();
      expect(r.keyFor('DELETE', '/pets')).toBeUndefined();
    });
  });

  test('a literal resource lacking the method falls back to a {param} sibling that has it', () => {
    const r = routerFor('GET /users/me', 'DELETE /users/{id}');
    expect(r.keyFor('DELETE', '/users/me')).toBe('DELETE /users/{id}');
    expect(r.paramsFor('DELETE', '/users/me')).toEqual({ id: 'me' });
  });

  test('the fallback reaches a greedy resource higher up the tree', () => {
    const r = routerFor('GET /a/{proxy+}', 'POST /{proxy+}');
    expect(r.keyFor('GET', '/a/b/c')).toBe('GET /a/{proxy+}');
    expect(r.keyFor('POST', '/a/b/c')).toBe('POST /{proxy+}');
    expect(r.paramsFor('POST', '/a/b/c')).toEqual({ proxy: 'a/b/c' });
  });

  test('a method defined on a resource beats ANY on the same resource', () => {
    const r = routerFor('ANY /items', 'GET /items');
    expect(r.keyFor('GET', '/items')).toBe('GET /items');
    expect(r.keyFor('PATCH', '/items')).toBe('ANY /items');
  });

  test('ANY serves exactly the seven REST verbs', () => {
    const r = routerFor('ANY /items');
    for (const method of ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT']) {
      expect(r.keyFor(method, '/items')).toBe('ANY /items');
    }
    expect(r.keyFor('TRACE', '/items')).toBeUndefined();
  });

  test('HEAD is not served by a GET method', () => {
    const r = routerFor('GET /items');
    expect(r.keyFor('HEAD', '/items')).toBeUndefined();
  });

  test('the request method is compared case-insensitively', () => {
    expect(routerFor('GET /items').keyFor('get', '/items')).toBe('GET /items');
  });

  test('a trailing slash is ignored for matching', () => {
    const r = routerFor('GET /payment', 'GET /{proxy+}');
    expect(r.keyFor('GET', '/payment/')).toBe('GET /payment');
    expect(r.paramsFor('GET', '/proxy-value/')).toEqual({ proxy: 'proxy-value' });
  });

  test('empty segments from double slashes are ignored, but the greedy value keeps them', () => {
    const r = routerFor('GET /a/b', 'GET /{proxy+}');
    expect(r.keyFor('GET', '/a//b')).toBe('GET /a/b');
    expect(r.keyFor('GET', '//a/b')).toBe('GET /a/b');
    expect(r.paramsFor('GET', '/proxy-value//double-slash')).toEqual({ proxy: 'proxy-value//double-slash' });
    expect(r.paramsFor('GET', '//proxy-value')).toEqual({ proxy: 'proxy-value' });
  });

  test('path parameters stay URL-encoded', () => {
    const r = routerFor('GET /users/{email}', 'GET /api/{proxy+}');
    expect(r.paramsFor('GET', '/users/test%2Balias@gmail.com')).toEqual({ email: 'test%2Balias@gmail.com' });
    expect(r.paramsFor('GET', '/api/user/test%2Balias@gmail.com/plus/test+alias@gmail.com')).toEqual({
      proxy: 'user/test%2Balias@gmail.com/plus/test+alias@gmail.com',
    });
  });

  test('literal segments match exactly, case included', () => {
    const r = routerFor('GET /Users');
    expect(r.keyFor('GET', '/users')).toBeUndefined();
    expect(r.keyFor('GET', '/Users')).toBe('GET /Users');
  });

  test('a greedy variable needs at least one segment', () => {
    const r = routerFor('GET /files/{path+}');
    expect(r.keyFor('GET', '/files')).toBeUndefined();
    expect(r.keyFor('GET', '/files/')).toBeUndefined();
    expect(r.paramsFor('GET', '/files/a')).toEqual({ path: 'a' });
  });

  test('the root resource is served by its own methods only', () => {
    const r = routerFor('GET /', 'POST /{proxy+}');
    expect(r.keyFor('GET', '/')).toBe('GET /');
    expect(r.keyFor('GET', '')).toBe('GET /');
    expect(r.keyFor('POST', '/')).toBeUndefined();
    expect(r.paramsFor('GET', '/')).toEqual({});
  });

  test('several path variables are named by the matched route', () => {
    const r = routerFor('GET /orgs/{orgId}/members/{memberId}', 'PUT /orgs/{id}/members/{member}');
    expect(r.paramsFor('GET', '/orgs/o1/members/m2')).toEqual({ orgId: 'o1', memberId: 'm2' });
    expect(r.paramsFor('PUT', '/orgs/o1/members/m2')).toEqual({ id: 'o1', member: 'm2' });
  });

  test('a variable segment does not match across a slash', () => {
    const r = routerFor('GET /users/{id}');
    expect(r.keyFor('GET', '/users/1/2')).toBeUndefined();
  });

  test('the first of two identical routes wins', () => {
    const first = route('GET /dup');
    const router = compileRestRouter([first, route('GET /dup')]);
    expect(router.match('GET', '/dup')?.route).toBe(first);
  });

  test('a table of 2000 routes serves each route at a path of its own', () => {
    const keys: string[] = [];
    for (let service = 0; service < 200; service++) {
      for (const template of ['', '/{id}', '/{id}/items', '/{id}/items/{itemId}', '/search', '/{id}/{proxy+}']) {
        keys.push(`GET /svc${service}${template}`);
      }
      keys.push(`POST /svc${service}`, `DELETE /svc${service}/{id}`, `ANY /svc${service}/admin`);
      keys.push(`PUT /svc${service}/{id}`);
    }
    expect(keys).toHaveLength(2000);
    const r = routerFor(...keys);
    for (const key of keys) {
      const [method, template] = key.split(' ');
      const path = template.replace(/\{\w+\+\}/, 'a/b').replace(/\{\w+\}/g, '7');
      expect(r.keyFor(method === 'ANY' ? 'PATCH' : method, path)).toBe(key);
    }
    expect(r.paramsFor('GET', '/svc3/7/a/b')).toEqual({ id: '7', proxy: 'a/b' });
    expect(r.keyFor('GET', '/svc200')).toBeUndefined();
  });
});

describe('resource path and id', () => {
  test('the resource path is the route template', () => {
    expect(resourcePathOf(route('GET /users/{id}'))).toBe('/users/{id}');
  });

  test('the resource id is six stable characters per resource path', () => {
    const id = resourceIdOf('/users/{id}');
    expect(id).toMatch(/^[0-9a-z]{6}$/);
    expect(resourceIdOf('/users/{id}')).toBe(id);
    expect(resourceIdOf('/users')).not.toBe(id);
  });
});
