import { buildCompositePlan, type CompositeDeclaration } from '../../lib/composite/plan-builder';

const declare = (members: CompositeDeclaration['members'], extra: Partial<CompositeDeclaration> = {}) => ({
  members,
  onMemberFailure: 'fail' as const,
  memberTimeoutMs: 5000,
  ...extra,
});

describe('building a composite plan', () => {
  test('member paths take the composite path parameter of the same name, or the template given', () => {
    const plan = buildCompositePlan(
      'get /users/{id}/overview',
      declare({
        user: { route: 'GET /users/{id}' },
        owner: { route: 'GET /users/{id}', pathParameters: { id: 'owner-{id}' } },
        orders: { route: 'GET /orders', query: { userId: '{id}' } },
        users: { route: 'ANY /search/{proxy+}', pathParameters: { proxy: 'users/by-id' }, query: { q: '{id}' } },
      }),
    );
    expect(plan.route).toBe('GET /users/{id}/overview');
    expect(plan.members).toEqual([
      { name: 'user', route: 'GET /users/{id}', method: 'GET', path: '/users/{id}', query: {} },
      { name: 'owner', route: 'GET /users/{id}', method: 'GET', path: '/users/owner-{id}', query: {} },
      { name: 'orders', route: 'GET /orders', method: 'GET', path: '/orders', query: { userId: '{id}' } },
      {
        name: 'users',
        route: 'ANY /search/{proxy+}',
        method: 'GET',
        path: '/search/users/by-id',
        query: { q: '{id}' },
      },
    ]);
  });

  test.each([
    ['a non-GET composite', 'POST /x', { a: { route: 'GET /a' } }, {}, /method must be GET/],
    ['no members', 'GET /x', {}, {}, /members is empty/],
    ['a reserved member name', 'GET /x', { errors: { route: 'GET /a' } }, {}, /member "errors".*reserved/],
    ['a bad member name', 'GET /x', { 'a b': { route: 'GET /a' } }, {}, /member "a b": member names/],
    ['a malformed member route', 'GET /x', { a: { route: 'GET a' } }, {}, /member "a": Route "GET a"/],
    ['a POST member', 'GET /x', { a: { route: 'POST /a' } }, {}, /member "a": "POST \/a" is not a GET route/],
    ['the composite itself', 'GET /x', { a: { route: 'GET /x' } }, {}, /cannot call itself/],
    [
      'a member path parameter without a value',
      'GET /x',
      { a: { route: 'GET /a/{id}' } },
      {},
      /needs a value for \{id\}/,
    ],
    [
      'an unknown member path parameter',
      'GET /x/{id}',
      { a: { route: 'GET /a', pathParameters: { id: '{id}' } } },
      {},
      /names \{id\}, which "GET \/a" does not have/,
    ],
    [
      'a template variable the composite lacks',
      'GET /x/{id}',
      { a: { route: 'GET /a', query: { q: '{user}' } } },
      {},
      /uses \{user\}, which is not a path parameter of the composite \(\{id\}\)/,
    ],
    [
      'a slash in a single-segment value',
      'GET /x',
      { a: { route: 'GET /a/{id}', pathParameters: { id: 'b/c' } } },
      {},
      /must not contain "\/"/,
    ],
    [
      'a member timeout beyond 27 s',
      'GET /x',
      { a: { route: 'GET /a' } },
      { memberTimeoutMs: 28_000 },
      /memberTimeout 28000 ms is outside 50 ms to 27000 ms/,
    ],
  ])('rejects %s, naming the composite route', (_, route, members, extra, message) => {
    expect(() => buildCompositePlan(route, declare(members, extra))).toThrow(message);
    expect(() => buildCompositePlan(route, declare(members, extra))).toThrow(/^Composite route "/);
  });

  test('rejects a plan too large for the Lambda environment', () => {
    const members = Object.fromEntries(
      Array.from({ length: 40 }, (_, i) => [`member${i}`, { route: 'GET /a', query: { q: 'x'.repeat(60) } }]),
    );
    expect(() => buildCompositePlan('GET /x', declare(members))).toThrow(/more than the 3500 bytes/);
  });
});
