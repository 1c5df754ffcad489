/**
 * Orders service, version 1: GET /orders (?userId=), GET /orders/{id}, POST /orders (scope orders:write).
 * The original, flat order shape; v2 (./v2.ts) adds totals, status, links, pagination and cancelling.
 */
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { json, parseJsonBody, pathParameter, queryParameter, requireScope, route } from '../shared/http';
import { type Order, OrderStore, parseNewOrder } from './store';

const store = new OrderStore();

function present(order: Order) {
  return { id: order.id, userId: order.userId, items: order.items };
}

function listOrders(event: APIGatewayProxyEvent) {
  const orders = store.list({ userId: queryParameter(event, 'userId') });
  return json(200, { orders: orders.map(present) });
}

function getOrder(event: APIGatewayProxyEvent) {
  return json(200, present(store.get(pathParameter(event, 'id'))));
}

function placeOrder(event: APIGatewayProxyEvent) {
  const caller = requireScope(event, 'orders:write');
  const order = store.place(parseNewOrder(parseJsonBody(event), caller.userId));
  return json(201, present(order));
}

export const handler = route(
  {
    'GET /orders': listOrders,
    'GET /orders/{id}': getOrder,
    'POST /orders': placeOrder,
  },
  { headers: { 'x-service-version': 'v1' } },
);
