import { bodyOf, freshHandler, restEvent } from './events';

type UsersModule = typeof import('../../lambdas/users');

let handler: UsersModule['handler'];
beforeEach(() => {
  handler = freshHandler(() => require('../../lambdas/users') as UsersModule).handler;
});

const getUser = (id: string) =>
  handler(restEvent('GET', { resource: '/users/{id}', path: `/users/${id}`, pathParameters: { id } }));
const createUser = (body: unknown) => handler(restEvent('POST', { resource: '/users', body }));

test('GET /users lists the seeded users', async () => {
  const res = await handler(restEvent('GET', { resource: '/users' }));
  expect(res.statusCode).toBe(200);
  const { users } = bodyOf<{ users: { id: string }[] }>(res);
  expect(users.map((u) => u.id)).toEqual(['u-1', 'u-2', 'u-3']);
});

test('GET /users/{id} returns one user', async () => {
  const res = await getUser('u-1');
  expect(res.statusCode).toBe(200);
  expect(bodyOf(res)).toEqual({ id: 'u-1', name: 'Ada Lovelace', email: 'ada@example.com' });
});

test('GET /users/{id} for an unknown id is a 404 with a message', async () => {
  const res = await getUser('u-404');
  expect(res.statusCode).toBe(404);
  expect(bodyOf(res)).toEqual({ message: 'User u-404 not found' });
});

test('POST /users creates a user that can then be read', async () => {
  const res = await createUser({ name: '  Katherine Johnson ', email: 'katherine@example.com' });
  expect(res.statusCode).toBe(201);
  const created = bodyOf<{ id: string; name: string }>(res);
  expect(created).toEqual({ id: 'u-4', name: 'Katherine Johnson', email: 'katherine@example.com' });
  expect(bodyOf(await getUser(created.id))).toEqual(created);
});

test.each([
  ['no body', undefined, 'Request body is required (JSON)'],
  ['a body that is not JSON', 'name=Ada', 'Request body is not valid JSON'],
  ['a JSON array', [], 'Request body must be a JSON object'],
  ['a missing name', { email: 'a@example.com' }, 'name is required'],
  ['an empty name', { name: '   ', email: 'a@example.com' }, 'name must not be empty'],
  ['a numeric name', { name: 42, email: 'a@example.com' }, 'name must be a string'],
  ['a missing email', { name: 'Ada' }, 'email is required'],
  ['an invalid email', { name: 'Ada', email: 'not-an-email' }, 'email must be an email address'],
])('POST /users with %s is a 400 that says what is wrong', async (_case, body, message) => {
  const res = await createUser(body);
  expect(res.statusCode).toBe(400);
  expect(bodyOf(res)).toEqual({ message });
});

test('a rejected POST /users creates nothing', async () => {
  await createUser({ name: 'Ada' });
  const { users } = bodyOf<{ users: unknown[] }>(await handler(restEvent('GET', { resource: '/users' })));
  expect(users).toHaveLength(3);
});
