/**
 * Orders service, version 2: the v1 routes with a richer order (prices, total, status, createdAt,
 * links), cursor pagination on GET /orders (?userId&status&limit&cursor), and DELETE /orders/{id}
 * to cancel an order (scope orders:write), which v1 lacks.
 */
import type { APIGatewayProxyEvent } from 'aws-lambda';
import {
  BadRequestError,
  basePath,
  json,
  parseJsonBody,
  pathParameter,
  queryParameter,
  requireScope,
  route,
} from '../shared/http';
import { integerParameter } from '../shared/validate';
import { CATALOG, type Order, type OrderStatus, OrderStore, parseNewOrder, totalCents } from './store';

export const CURRENCY = 'USD';
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

const store = new OrderStore();

const toAmount = (cents: number) => cents / 100;

function present(order: Order, base: string) {
  return {
    id: order.id,
    userId: order.userId,
    status: order.status,
    createdAt: order.createdAt,
    items: order.items.map((item) => ({
      sku: item.sku,
      name: CATALOG[item.sku].name,
      quantity: item.quantity,
      unitPrice: toAmount(CATALOG[item.sku].unitPriceCents),
    })),
    total: toAmount(totalCents(order.items)),
    currency: CURRENCY,
    links: {
      self: `${base}/orders/${encodeURIComponent(order.id)}`,
      user: `${base}/users/${encodeURIComponent(order.userId)}`,
    },
  };
}

// Cursors are opaque to clients: the id of the last order on the previous page, base64url-encoded.
const encodeCursor = (orderId: string) => Buffer.from(orderId, 'utf8').toString('base64url');
function decodeCursor(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (!/^[A-Za-z0-9_-]+$/.test(raw)) throw new BadRequestError('cursor is malformed');
  return Buffer.from(raw, 'base64url').toString('utf8');
}

function statusParameter(raw: string | undefined): OrderStatus | undefined {
  if (raw === undefined || raw === 'placed' || raw === 'cancelled') return raw;
  throw new BadRequestError('Query parameter status must be placed or cancelled');
}

function listOrders(event: APIGatewayProxyEvent) {
  const base = basePath(event);
  const userId = queryParameter(event, 'userId');
  const status = statusParameter(queryParameter(event, 'status'));
  const limit = integerParameter(queryParameter(event, 'limit'), 'limit', 1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE);
  const matching = store.list({ userId, status, after: decodeCursor(queryParameter(event, 'cursor')) });
  const page = matching.slice(0, limit);
  const nextCursor = matching.length > limit ? encodeCursor(page[page.length - 1].id) : null;

  const link = (cursor?: string) => {
    const query = new URLSearchParams();
    if (userId !== undefined) query.set('userId', userId);
    if (status !== undefined) query.set('status', status);
    query.set('limit', String(limit));
    if (cursor !== undefined) query.set('cursor', cursor);
    return `${base}/orders?${query}`;
  };
  return json(200, {
    orders: page.map((order) => present(order, base)),
    nextCursor,
    links: { self: link(queryParameter(event, 'cursor')), next: nextCursor === null ? null : link(nextCursor) },
  });
}

function getOrder(event: APIGatewayProxyEvent) {
  return json(200, present(store.get(pathParameter(event, 'id')), basePath(event)));
}

function placeOrder(event: APIGatewayProxyEvent) {
  const caller = requireScope(event, 'orders:write');
  const order = present(store.place(parseNewOrder(parseJsonBody(event), caller.userId)), basePath(event));
  return json(201, order, { location: order.links.self });
}

function cancelOrder(event: APIGatewayProxyEvent) {
  requireScope(event, 'orders:write');
  return json(200, present(store.cancel(pathParameter(event, 'id')), basePath(event)));
}

export const handler = route(
  {
    'GET /orders': listOrders,
    'GET /orders/{id}': getOrder,
    'POST /orders': placeOrder,
    'DELETE /orders/{id}': cancelOrder,
  },
  { headers: { 'x-service-version': 'v2' } },
);
