import { bodyOf, freshHandler, restEvent } from './events';

type OrdersV1 = typeof import('../../lambdas/orders/v1');

let handler: OrdersV1['handler'];
beforeEach(() => {
  handler = freshHandler(() => require('../../lambdas/orders/v1') as OrdersV1).handler;
});

const writer = { userId: 'u-2', scopes: 'orders:read orders:write' };
const reader = { userId: 'u-2', scopes: 'orders:read' };
const placeOrder = (body: unknown, caller = writer) =>
  handler(restEvent('POST', { resource: '/orders', body, caller }));

test('every response says it comes from v1, errors included', async () => {
  const ok = await handler(restEvent('GET', { resource: '/orders' }));
  const notFound = await handler(restEvent('GET', { resource: '/orders/{id}', pathParameters: { id: 'o-99' } }));
  expect(ok.headers).toMatchObject({ 'x-service-version': 'v1' });
  expect(notFound.statusCode).toBe(404);
  expect(notFound.headers).toMatchObject({ 'x-service-version': 'v1' });
});

test('GET /orders filters by ?userId', async () => {
  const res = await handler(restEvent('GET', { resource: '/orders', query: { userId: 'u-1' } }));
  const { orders } = bodyOf<{ orders: { id: string; userId: string }[] }>(res);
  expect(orders.map((o) => o.id)).toEqual(['o-1', 'o-3']);
});

test('GET /orders/{id} returns the flat v1 shape', async () => {
  const res = await handler(restEvent('GET', { resource: '/orders/{id}', pathParameters: { id: 'o-2' } }));
  expect(bodyOf(res)).toEqual({ id: 'o-2', userId: 'u-2', items: [{ sku: 'MUG-042', quantity: 2 }] });
});

test('POST /orders places an order for the caller by default', async () => {
  const res = await placeOrder({ items: [{ sku: 'PEN-007', quantity: 3 }] });
  expect(res.statusCode).toBe(201);
  expect(bodyOf(res)).toEqual({ id: 'o-4', userId: 'u-2', items: [{ sku: 'PEN-007', quantity: 3 }] });
  const read = await handler(restEvent('GET', { resource: '/orders/{id}', pathParameters: { id: 'o-4' } }));
  expect(read.statusCode).toBe(200);
});

test('POST /orders takes an explicit userId', async () => {
  const res = await placeOrder({ userId: 'u-3', items: [{ sku: 'BOOK-001', quantity: 1 }] });
  expect(bodyOf(res)).toMatchObject({ userId: 'u-3' });
});

test('POST /orders without the orders:write scope is a 403', async () => {
  const res = await placeOrder({ items: [{ sku: 'PEN-007', quantity: 1 }] }, reader);
  expect(res.statusCode).toBe(403);
  expect(bodyOf(res)).toEqual({ message: 'Missing scope orders:write' });
});

test('POST /orders without any caller is a 403', async () => {
  const res = await handler(
    restEvent('POST', { resource: '/orders', body: { items: [{ sku: 'PEN-007', quantity: 1 }] } }),
  );
  expect(res.statusCode).toBe(403);
});

test.each([
  ['no items', {}, 'items must be a non-empty array of {sku, quantity}'],
  ['empty items', { items: [] }, 'items must be a non-empty array of {sku, quantity}'],
  ['an item that is not an object', { items: ['BOOK-001'] }, 'items[0] must be a JSON object'],
  ['a zero quantity', { items: [{ sku: 'BOOK-001', quantity: 0 }] }, 'quantity must be an integer from 1 to 1000'],
  [
    'a fractional quantity',
    { items: [{ sku: 'BOOK-001', quantity: 1.5 }] },
    'quantity must be an integer from 1 to 1000',
  ],
  ['a string quantity', { items: [{ sku: 'BOOK-001', quantity: '2' }] }, 'quantity must be an integer from 1 to 1000'],
  ['an unknown sku', { items: [{ sku: 'NOPE', quantity: 1 }] }, 'items[0].sku NOPE is not in the catalog'],
  ['a non-string userId', { userId: 7, items: [{ sku: 'BOOK-001', quantity: 1 }] }, 'userId must be a string'],
])('POST /orders with %s is a 400', async (_case, body, message) => {
  const res = await placeOrder(body);
  expect(res.statusCode).toBe(400);
  expect(bodyOf(res)).toEqual({ message });
});

test('DELETE /orders/{id} does not exist in v1', async () => {
  const res = await handler(
    restEvent('DELETE', { resource: '/orders/{id}', pathParameters: { id: 'o-1' }, caller: writer }),
  );
  expect(res.statusCode).toBe(405);
  expect(res.headers).toMatchObject({ allow: 'GET' });
});
