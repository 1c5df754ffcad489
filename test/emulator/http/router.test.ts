import { httpRouteKeyName } from '../../../lib/core/http-route-table';
import { compileHttpRouter } from '../../../lib/emulator/http/router';
import { httpRoute } from './support';

const keyOf = (router: ReturnType<typeof compileHttpRouter>, method: string, path: string) => {
  const match = router.match(method, path);
  return match && httpRouteKeyName(match.route.key);
};

describe('HTTP API route selection (AWS docs: "Create routes for HTTP APIs")', () => {
  // The developer guide's example, routes declared in an order that does not help.
  const docExample = compileHttpRouter([
    httpRoute('$default'),
    httpRoute('ANY /{proxy+}'),
    httpRoute('GET /pets/{proxy+}'),
    httpRoute('GET /pets/dog/{id}'),
    httpRoute('GET /pets/dog/1'),
  ]);

  test.each([
    ['GET', '/pets/dog/1', 'GET /pets/dog/1'],
    ['GET', '/pets/dog/2', 'GET /pets/dog/{id}'],
    ['GET', '/pets/cat/1', 'GET /pets/{proxy+}'],
    ['POST', '/test/5', 'ANY /{proxy+}'],
    ['GET', '/', '$default'],
  ])('%s %s goes to %s', (method, path, expected) => {
    expect(keyOf(docExample, method, path)).toBe(expected);
  });

  it('prefers the route for the method over ANY at the same path, and a full-path ANY over any greedy route', () => {
    const router = compileHttpRouter([httpRoute('ANY /items'), httpRoute('GET /items'), httpRoute('GET /{proxy+}')]);
    expect(keyOf(router, 'GET', '/items')).toBe('GET /items');
    expect(keyOf(router, 'DELETE', '/items')).toBe('ANY /items');
    const anyFirst = compileHttpRouter([httpRoute('GET /{proxy+}'), httpRoute('ANY /items')]);
    expect(keyOf(anyFirst, 'GET', '/items')).toBe('ANY /items');
  });

  it('backtracks from a literal branch without the method to the variable branch', () => {
    const router = compileHttpRouter([httpRoute('POST /users/me'), httpRoute('GET /users/{id}')]);
    expect(keyOf(router, 'GET', '/users/me')).toBe('GET /users/{id}');
  });

  it('prefers a full match through a variable to a greedy route on a literal branch', () => {
    const router = compileHttpRouter([httpRoute('GET /a/{proxy+}'), httpRoute('GET /{x}/b')]);
    expect(keyOf(router, 'GET', '/a/b')).toBe('GET /{x}/b');
  });

  it('picks the greedy route with the longest fixed prefix', () => {
    const router = compileHttpRouter([httpRoute('ANY /{proxy+}'), httpRoute('ANY /files/{path+}')]);
    const match = router.match('GET', '/files/docs/a.md');
    expect(match && httpRouteKeyName(match.route.key)).toBe('ANY /files/{path+}');
    expect(match?.pathParameters).toEqual({ path: 'docs/a.md' });
  });

  it('does not match a path with a trailing slash to the route without it (AWS docs: "Create routes for HTTP APIs", docs/aws-behaviour.md, "Deploy-time errors"), but a greedy route takes it', () => {
    const router = compileHttpRouter([httpRoute('GET /metrics'), httpRoute('GET /metrics/{proxy+}')]);
    expect(keyOf(router, 'GET', '/metrics')).toBe('GET /metrics');
    expect(router.match('GET', '/metrics/')?.pathParameters).toEqual({ proxy: '' });
    expect(keyOf(compileHttpRouter([httpRoute('GET /metrics')]), 'GET', '/metrics/')).toBeUndefined();
  });

  it('answers nothing without a $default route when no route matches, and never lets a greedy variable take nothing', () => {
    const router = compileHttpRouter([httpRoute('GET /{proxy+}')]);
    expect(router.match('GET', '/')).toBeUndefined();
    expect(router.match('POST', '/x')).toBeUndefined();
  });

  it('decodes path parameter values and matches segments as sent', () => {
    const router = compileHttpRouter([httpRoute('GET /items/{id}')]);
    expect(router.match('GET', '/items/a%20b')?.pathParameters).toEqual({ id: 'a b' });
    expect(router.match('GET', '/items/a%2Fb')?.pathParameters).toEqual({ id: 'a/b' });
    expect(router.match('GET', '/items/%E0%A4%A')?.pathParameters).toEqual({ id: '%E0%A4%A' });
    expect(router.match('GET', '/Items/1')).toBeUndefined();
  });

  it('gives the $default route no path parameters', () => {
    const router = compileHttpRouter([httpRoute('$default')]);
    expect(router.match('PATCH', '/any/thing')).toMatchObject({ pathParameters: {} });
  });
});
