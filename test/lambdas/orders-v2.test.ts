import { bodyOf, freshHandler, restEvent } from './events';

type OrdersV2 = typeof import('../../lambdas/orders/v2');

let handler: OrdersV2['handler'];
beforeEach(() => {
  handler = freshHandler(() => require('../../lambdas/orders/v2') as OrdersV2).handler;
});

const writer = { userId: 'u-2', scopes: 'orders:write' };
interface ListBody {
  orders: { id: string; status: string }[];
  nextCursor: string | null;
  links: { self: string; next: string | null };
}
const list = async (query: Record<string, string> = {}) =>
  bodyOf<ListBody>(await handler(restEvent('GET', { resource: '/orders', query, stage: 'v2' })));
const getOrder = (id: string) =>
  handler(restEvent('GET', { resource: '/orders/{id}', path: `/orders/${id}`, pathParameters: { id }, stage: 'v2' }));
const cancel = (id: string, caller?: { userId: string; scopes: string }) =>
  handler(restEvent('DELETE', { resource: '/orders/{id}', path: `/orders/${id}`, pathParameters: { id }, caller }));

test('every response says it comes from v2', async () => {
  const res = await getOrder('o-1');
  expect(res.headers).toMatchObject({ 'x-service-version': 'v2' });
});

test('GET /orders/{id} returns the rich v2 shape with stage-relative links', async () => {
  expect(bodyOf(await getOrder('o-3'))).toEqual({
    id: 'o-3',
    userId: 'u-1',
    status: 'placed',
    createdAt: '2024-06-03T14:15:00.000Z',
    items: [
      { sku: 'PEN-007', name: 'Fountain pen', quantity: 1, unitPrice: 45 },
      { sku: 'MUG-042', name: 'Portico mug', quantity: 1, unitPrice: 12.5 },
    ],
    total: 57.5,
    currency: 'USD',
    links: { self: '/v2/orders/o-3', user: '/v2/users/u-1' },
  });
});

test('GET /orders pages with limit and an opaque cursor until no next page is left', async () => {
  const first = await list({ limit: '2' });
  expect(first.orders.map((o) => o.id)).toEqual(['o-1', 'o-2']);
  expect(first.nextCursor).toEqual(expect.any(String));
  expect(first.links.next).toBe(`/v2/orders?limit=2&cursor=${first.nextCursor}`);

  const second = await list({ limit: '2', cursor: first.nextCursor! });
  expect(second.orders.map((o) => o.id)).toEqual(['o-3']);
  expect(second.nextCursor).toBeNull();
  expect(second.links.next).toBeNull();
});

test('GET /orders combines ?userId with pagination', async () => {
  const page = await list({ userId: 'u-1', limit: '1' });
  expect(page.orders.map((o) => o.id)).toEqual(['o-1']);
  const next = await list({ userId: 'u-1', limit: '1', cursor: page.nextCursor! });
  expect(next.orders.map((o) => o.id)).toEqual(['o-3']);
});

test.each([
  [{ limit: '0' }, 'Query parameter limit must be an integer from 1 to 100'],
  [{ limit: 'ten' }, 'Query parameter limit must be an integer from 1 to 100'],
  [{ limit: '101' }, 'Query parameter limit must be an integer from 1 to 100'],
  [{ cursor: 'not a cursor!' }, 'cursor is malformed'],
  [{ cursor: Buffer.from('o-999').toString('base64url') }, 'cursor does not point at a known order'],
  [{ status: 'shipped' }, 'Query parameter status must be placed or cancelled'],
])('GET /orders with %j is a 400', async (query, message) => {
  const res = await handler(restEvent('GET', { resource: '/orders', query }));
  expect(res.statusCode).toBe(400);
  expect(bodyOf(res)).toEqual({ message });
});

test('POST /orders returns 201 with a total, createdAt and a location header', async () => {
  const res = await handler(
    restEvent('POST', {
      resource: '/orders',
      body: { items: [{ sku: 'MUG-042', quantity: 3 }] },
      caller: writer,
      stage: 'v2',
    }),
  );
  expect(res.statusCode).toBe(201);
  const order = bodyOf<{ id: string; total: number; createdAt: string; status: string }>(res);
  expect(order).toMatchObject({ id: 'o-4', userId: 'u-2', total: 37.5, status: 'placed' });
  expect(Number.isNaN(Date.parse(order.createdAt))).toBe(false);
  expect(res.headers).toMatchObject({ location: '/v2/orders/o-4' });
});

test('DELETE /orders/{id} cancels the order, and cancelling again is harmless', async () => {
  const res = await cancel('o-2', writer);
  expect(res.statusCode).toBe(200);
  expect(bodyOf(res)).toMatchObject({ id: 'o-2', status: 'cancelled' });
  expect(bodyOf(await getOrder('o-2'))).toMatchObject({ status: 'cancelled' });
  expect((await cancel('o-2', writer)).statusCode).toBe(200);
  expect((await list({ status: 'cancelled' })).orders.map((o) => o.id)).toEqual(['o-2']);
});

test('DELETE /orders/{id} needs the orders:write scope', async () => {
  const res = await cancel('o-1', { userId: 'u-1', scopes: 'orders:read' });
  expect(res.statusCode).toBe(403);
  expect(bodyOf(await getOrder('o-1'))).toMatchObject({ status: 'placed' });
});

test('DELETE /orders/{id} for an unknown order is a 404', async () => {
  const res = await cancel('o-42', writer);
  expect(res.statusCode).toBe(404);
  expect(bodyOf(res)).toEqual({ message: 'Order o-42 not found' });
});
