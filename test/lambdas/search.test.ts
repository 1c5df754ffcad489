import { handler } from '../../lambdas/search';
import { bodyOf, restEvent } from './events';

interface SearchBody {
  query: string;
  collection: string;
  results: { type: string; id: string }[];
}
const inCollection = (
  method: string,
  proxy: string,
  options: { query?: Record<string, string>; body?: unknown } = {},
) =>
  handler(
    restEvent(method, {
      resource: '/search/{proxy+}',
      path: `/search/${proxy}`,
      pathParameters: { proxy },
      ...options,
    }),
  );

test('GET /search?q= searches users and orders alike', async () => {
  const res = await handler(restEvent('GET', { resource: '/search', query: { q: 'u-1' } }));
  expect(res.statusCode).toBe(200);
  const body = bodyOf<SearchBody>(res);
  expect(body.query).toBe('u-1');
  expect(body.results.map((r) => `${r.type}:${r.id}`)).toEqual(['user:u-1', 'order:o-1', 'order:o-3']);
});

test('the {proxy+} segment narrows the search to one collection, case-insensitively', async () => {
  const body = bodyOf<SearchBody>(await inCollection('GET', 'users', { query: { q: 'ADA' } }));
  expect(body).toEqual({
    query: 'ADA',
    collection: 'users',
    results: [{ type: 'user', id: 'u-1', name: 'Ada Lovelace', email: 'ada@example.com' }],
  });
});

test('orders are found by sku', async () => {
  const body = bodyOf<SearchBody>(await inCollection('GET', 'orders', { query: { q: 'mug' } }));
  expect(body.results.map((r) => r.id)).toEqual(['o-2', 'o-3']);
});

test('a trailing slash in the greedy segment is ignored', async () => {
  const body = bodyOf<SearchBody>(await inCollection('GET', 'users/', { query: { q: 'grace' } }));
  expect(body.results.map((r) => r.id)).toEqual(['u-2']);
});

test('POST reads q from a JSON body', async () => {
  const body = bodyOf<SearchBody>(await inCollection('POST', 'users', { body: { q: 'turing' } }));
  expect(body.results.map((r) => r.id)).toEqual(['u-3']);
});

test('no match is an empty result list, not an error', async () => {
  const res = await handler(restEvent('GET', { resource: '/search', query: { q: 'zzz' } }));
  expect(res.statusCode).toBe(200);
  expect(bodyOf<SearchBody>(res).results).toEqual([]);
});

test('a missing q is a 400, even with null queryStringParameters', async () => {
  const res = await handler(restEvent('GET', { resource: '/search' }));
  expect(res.statusCode).toBe(400);
  expect(bodyOf(res)).toEqual({ message: 'Query parameter q is required' });
});

test('an over-long q is a 400', async () => {
  const res = await handler(restEvent('GET', { resource: '/search', query: { q: 'x'.repeat(101) } }));
  expect(res.statusCode).toBe(400);
});

test('an unknown collection is a 404 that lists the known ones', async () => {
  const res = await inCollection('GET', 'products', { query: { q: 'x' } });
  expect(res.statusCode).toBe(404);
  expect(bodyOf(res)).toEqual({ message: 'Unknown search collection products; use one of: users, orders' });
});

test('methods other than GET and POST on the ANY route are a 405', async () => {
  const res = await inCollection('DELETE', 'users');
  expect(res.statusCode).toBe(405);
  expect(res.headers).toMatchObject({ allow: 'GET, POST' });
});
