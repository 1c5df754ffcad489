/**
 * Search service: GET /search?q= searches everything; ANY /search/{proxy+} narrows to one
 * collection (`/search/users?q=ada`, `/search/orders?q=mug`). GET reads `q` from the query string,
 * POST from a JSON body `{q}`. It keeps its own copy of the fixture data: services share no state.
 */
import type { APIGatewayProxyEvent } from 'aws-lambda';
import {
  BadRequestError,
  json,
  MethodNotAllowedError,
  NotFoundError,
  parseJsonBody,
  pathParameter,
  queryParameter,
  route,
} from '../shared/http';
import { asObject, requiredString } from '../shared/validate';

export type SearchResult =
  | { readonly type: 'user'; readonly id: string; readonly name: string; readonly email: string }
  | { readonly type: 'order'; readonly id: string; readonly userId: string; readonly skus: readonly string[] };

const COLLECTIONS: Readonly<Record<string, readonly SearchResult[]>> = {
  users: [
    { type: 'user', id: 'u-1', name: 'Ada Lovelace', email: 'ada@example.com' },
    { type: 'user', id: 'u-2', name: 'Grace Hopper', email: 'grace@example.com' },
    { type: 'user', id: 'u-3', name: 'Alan Turing', email: 'alan@example.com' },
  ],
  orders: [
    { type: 'order', id: 'o-1', userId: 'u-1', skus: ['BOOK-001'] },
    { type: 'order', id: 'o-2', userId: 'u-2', skus: ['MUG-042'] },
    { type: 'order', id: 'o-3', userId: 'u-1', skus: ['PEN-007', 'MUG-042'] },
  ],
};

export const MAX_QUERY_LENGTH = 100;

function searchableText(result: SearchResult): string {
  const fields =
    result.type === 'user' ? [result.id, result.name, result.email] : [result.id, result.userId, ...result.skus];
  return fields.join('\n').toLowerCase();
}

function search(query: string, collections: readonly string[]): SearchResult[] {
  const needle = query.toLowerCase();
  return collections.flatMap((name) => COLLECTIONS[name].filter((result) => searchableText(result).includes(needle)));
}

function readQuery(event: APIGatewayProxyEvent): string {
  if (event.httpMethod.toUpperCase() === 'POST') {
    return requiredString(asObject(parseJsonBody(event), 'Request body'), 'q', { maxLength: MAX_QUERY_LENGTH });
  }
  const q = queryParameter(event, 'q')?.trim();
  if (!q) throw new BadRequestError('Query parameter q is required');
  if (q.length > MAX_QUERY_LENGTH) throw new BadRequestError(`q must be at most ${MAX_QUERY_LENGTH} characters`);
  return q;
}

function respond(event: APIGatewayProxyEvent, collection: string) {
  const method = event.httpMethod.toUpperCase();
  if (method !== 'GET' && method !== 'POST') throw new MethodNotAllowedError(method, event.resource, ['GET', 'POST']);
  const query = readQuery(event);
  const names = collection === 'all' ? Object.keys(COLLECTIONS) : [collection];
  return json(200, { query, collection, results: search(query, names) });
}

function searchCollection(event: APIGatewayProxyEvent) {
  // `{proxy+}` may span several segments and may end with a slash (docs/aws-behaviour.md, "REST paths").
  const proxy = pathParameter(event, 'proxy').replace(/\/+$/, '');
  if (!Object.hasOwn(COLLECTIONS, proxy)) {
    throw new NotFoundError(`Unknown search collection ${proxy}; use one of: ${Object.keys(COLLECTIONS).join(', ')}`);
  }
  return respond(event, proxy);
}

export const handler = route({
  'GET /search': (event) => respond(event, 'all'),
  'ANY /search/{proxy+}': searchCollection,
});
