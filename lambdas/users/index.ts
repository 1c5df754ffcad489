/**
 * Users service: GET /users, GET /users/{id}, POST /users.
 * Data lives in module state, so it lasts as long as the warm Lambda worker (like a real container).
 */
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { json, NotFoundError, parseJsonBody, pathParameter, route } from '../shared/http';
import { asObject, requiredString } from '../shared/validate';

export interface User {
  readonly id: string;
  readonly name: string;
  readonly email: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const users = new Map<string, User>(
  [
    { id: 'u-1', name: 'Ada Lovelace', email: 'ada@example.com' },
    { id: 'u-2', name: 'Grace Hopper', email: 'grace@example.com' },
    { id: 'u-3', name: 'Alan Turing', email: 'alan@example.com' },
  ].map((user) => [user.id, user]),
);
let nextId = users.size + 1;

function listUsers() {
  return json(200, { users: [...users.values()] });
}

function getUser(event: APIGatewayProxyEvent) {
  const id = pathParameter(event, 'id');
  const user = users.get(id);
  if (!user) throw new NotFoundError(`User ${id} not found`);
  return json(200, user);
}

function createUser(event: APIGatewayProxyEvent) {
  const input = asObject(parseJsonBody(event), 'Request body');
  const name = requiredString(input, 'name', { maxLength: 100 });
  const email = requiredString(input, 'email', { maxLength: 254, pattern: EMAIL, patternName: 'an email address' });
  const user: User = { id: `u-${nextId++}`, name, email };
  users.set(user.id, user);
  return json(201, user);
}

export const handler = route({
  'GET /users': listUsers,
  'GET /users/{id}': getUser,
  'POST /users': createUser,
});
