import type { APIGatewayProxyEvent } from 'aws-lambda';
import { createCompositeHandler } from '../../lib/composite/handler';
import type { MemberTiming } from '../../lib/composite/member-timings';
import { mergeFields } from '../../lib/composite/merge';
import type { CompositePlan } from '../../lib/composite/plan';
import captured from '../emulator/rest/fixtures/rest-v1-proxy-event.no-auth.real-capture.powertools-ts.json';

/** The composite GET /dash/{id} as API Gateway would hand it to the aggregator on stage `prod`. */
const event = {
  ...(captured as unknown as APIGatewayProxyEvent),
  resource: '/dash/{id}',
  path: '/dash/d%201',
  pathParameters: { id: 'd%201' },
  requestContext: { ...(captured as unknown as APIGatewayProxyEvent).requestContext, path: '/prod/dash/d%201' },
} as APIGatewayProxyEvent;

function plan(onMemberFailure: 'fail' | 'partial', memberTimeoutMs = 1000): CompositePlan {
  return {
    route: 'GET /dash/{id}',
    onMemberFailure,
    memberTimeoutMs,
    members: [
      { name: 'user', route: 'GET /users/{id}', method: 'GET', path: '/users/{id}', query: {} },
      { name: 'orders', route: 'GET /orders', method: 'GET', path: '/orders', query: { userId: '{id}', n: '5' } },
    ],
  };
}

type Answer = { status: number; body: unknown } | 'hang' | 'refuse';

/** A fetch that answers by path; 'hang' waits until the request is aborted. */
function fakeFetch(answers: Record<string, Answer>, seen: string[] = []): typeof fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input));
    seen.push(`${url.pathname}${url.search}`);
    const answer = answers[url.pathname];
    if (answer === 'refuse') throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
    if (answer === 'hang' || answer === undefined) {
      return new Promise((_, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    }
    return new Response(JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'content-type': 'application/json', 'x-amzn-RequestId': `id-${url.pathname}` },
    });
  }) as typeof fetch;
}

const ok = (body: unknown): Answer => ({ status: 200, body });
const quiet = { log: () => {} };

describe('the composite handler', () => {
  test('calls each member at its filled URL on the same stage and merges by member name', async () => {
    const seen: string[] = [];
    const handler = createCompositeHandler(plan('fail'), mergeFields, {
      ...quiet,
      fetch: fakeFetch({ '/prod/users/d%201': ok({ id: 'd 1' }), '/prod/orders': ok([1, 2]) }, seen),
    });
    const result = await handler(event);
    expect(seen.sort()).toEqual(['/prod/orders?userId=d+1&n=5', '/prod/users/d%201']);
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body)).toEqual({ user: { id: 'd 1' }, orders: [1, 2] });
    const members: MemberTiming[] = JSON.parse(String(result.headers?.['x-portico-members']));
    expect(members.map((m) => [m.name, m.outcome, m.status, m.requestId])).toEqual([
      ['user', 'ok', 200, 'id-/prod/users/d%201'],
      ['orders', 'ok', 200, 'id-/prod/orders'],
    ]);
  });

  test("under 'fail', the first failure answers 502 at once and cancels the members still running", async () => {
    const handler = createCompositeHandler(plan('fail'), mergeFields, {
      ...quiet,
      fetch: fakeFetch({
        '/prod/users/d%201': { status: 403, body: { message: 'Forbidden' } },
        '/prod/orders': 'hang',
      }),
    });
    const result = await handler(event);
    expect(result.statusCode).toBe(502);
    expect(JSON.parse(result.body)).toEqual({
      message: 'Composite GET /dash/{id}: member "user" failed',
      errors: { user: { reason: 'status', status: 403, message: 'Forbidden' } },
    });
    const members: MemberTiming[] = JSON.parse(String(result.headers?.['x-portico-members']));
    expect(members.map((m) => m.outcome)).toEqual(['status', 'aborted']);
  });

  test("under 'partial', timeouts and unreachable members are errors; all members failing is a 502", async () => {
    const handler = createCompositeHandler(plan('partial', 50), mergeFields, {
      ...quiet,
      fetch: fakeFetch({ '/prod/users/d%201': 'hang', '/prod/orders': 'refuse' }),
    });
    const result = await handler(event);
    expect(result.statusCode).toBe(502);
    expect(JSON.parse(result.body).errors).toEqual({
      user: { reason: 'timeout', message: 'No answer within 50 ms' },
      orders: { reason: 'unreachable', message: 'fetch failed (ECONNREFUSED)' },
    });
  });

  test("under 'partial', a merge function's object gets the errors entry unless it wrote one", async () => {
    const fetch = fakeFetch({ '/prod/users/d%201': ok({ id: 1 }), '/prod/orders': { status: 500, body: 'down' } });
    const summary = createCompositeHandler(plan('partial'), ({ results }) => ({ name: results.user }), {
      ...quiet,
      fetch,
    });
    expect(JSON.parse((await summary(event)).body)).toEqual({
      name: { id: 1 },
      errors: { orders: { reason: 'status', status: 500, message: 'HTTP 500' } },
    });
    const own = createCompositeHandler(plan('partial'), () => ({ errors: 'mine' }), { ...quiet, fetch });
    expect(JSON.parse((await own(event)).body)).toEqual({ errors: 'mine' });
  });

  test('a merge function that throws is a 500 for the client and a logged error', async () => {
    const lines: string[] = [];
    const handler = createCompositeHandler(
      plan('fail'),
      () => {
        throw new Error('merge bug');
      },
      {
        log: (line) => lines.push(line),
        fetch: fakeFetch({ '/prod/users/d%201': ok({}), '/prod/orders': ok([]) }),
      },
    );
    const result = await handler(event);
    expect(result.statusCode).toBe(500);
    expect(JSON.parse(result.body)).toEqual({ message: 'Internal server error' });
    expect(JSON.parse(lines[0])).toMatchObject({ composite: 'GET /dash/{id}', status: 500 });
    expect(lines[0]).toContain('merge bug');
  });

  test('logs one JSON line with the request id and every member', async () => {
    const lines: string[] = [];
    const handler = createCompositeHandler(plan('fail'), mergeFields, {
      log: (line) => lines.push(line),
      fetch: fakeFetch({ '/prod/users/d%201': ok({}), '/prod/orders': ok([]) }),
    });
    await handler(event);
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]);
    expect(entry).toMatchObject({
      composite: 'GET /dash/{id}',
      requestId: event.requestContext.requestId,
      status: 200,
    });
    expect(entry.members.map((m: MemberTiming) => m.name)).toEqual(['user', 'orders']);
  });

  test('refuses to run as the member of another composite', async () => {
    const seen: string[] = [];
    const handler = createCompositeHandler(plan('fail'), mergeFields, { ...quiet, fetch: fakeFetch({}, seen) });
    const nested = { ...event, headers: { ...event.headers, 'x-portico-composite': 'GET /outer' } };
    expect((await handler(nested)).statusCode).toBe(508);
    expect(seen).toEqual([]);
  });
});
