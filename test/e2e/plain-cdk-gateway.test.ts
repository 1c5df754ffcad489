import { ManualClock } from '../../lib/core/clock';
import { LocalGateway } from '../../lib/emulator/local-gateway';
import type { PipelineResult } from '../../lib/emulator/pipeline';
import { buildPlainCdkStack, PLAIN_API_KEY } from './plain-cdk-stack';

describe('a gateway written with plain aws-cdk-lib constructs', () => {
  let gw: LocalGateway;
  const clock = new ManualClock(Date.UTC(2026, 0, 5, 12));
  const results: PipelineResult[] = [];

  beforeAll(async () => {
    gw = await LocalGateway.fromStack(buildPlainCdkStack(), {
      clock,
      onFunctionLog: () => {},
      onRequest: (result) => results.push(result),
    });
  });
  afterAll(() => gw.close());

  const json = async (response: Response) => JSON.parse(await response.text());

  it('serves the root, literal, variable and greedy resources with the event API Gateway builds', async () => {
    expect((await gw.fetch('/live')).status).toBe(200);
    const item = await json(await gw.fetch('/live/items/a%2Fb?x=1&x=2'));
    expect(item).toMatchObject({ resource: '/items/{id}', path: '/items/a%2Fb', pathParameters: { id: 'a%2Fb' } });
    expect(item.query).toEqual({ x: '2' });
    expect(item.stageVariables).toEqual({ color: 'blue' });
    const file = await json(await gw.fetch('/live/files/docs/readme.md', { method: 'PUT', body: 'x' }));
    expect(file).toMatchObject({ resource: '/files/{proxy+}', pathParameters: { proxy: 'docs/readme.md' } });
  });

  it('answers an unknown path or an undeclared method with 403 Missing Authentication Token', async () => {
    for (const [path, method] of [
      ['/live/nope', 'GET'],
      ['/live/items', 'DELETE'],
      ['/other-stage/items', 'GET'],
    ]) {
      const response = await gw.fetch(path, { method });
      expect(response.status).toBe(403);
      expect(response.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
      expect(await json(response)).toEqual({ message: 'Missing Authentication Token' });
    }
  });

  it('turns handler errors, broken responses, crashes and a function timeout into 502, and keeps serving', async () => {
    for (const path of ['/live/throws', '/live/garbage', '/live/exits']) {
      const response = await gw.fetch(path);
      expect(response.status).toBe(502);
      expect(await json(response)).toEqual({ message: 'Internal server error' });
    }
    const spins = await gw.fetch('/live/spins');
    expect(spins.status).toBe(502); // the function's own 1 s timeout is a function error, not the gateway's 504
    expect((await gw.fetch('/live/items')).status).toBe(200);
  });

  it('answers a MOCK integration as declared', async () => {
    const response = await gw.fetch('/live/cors', { method: 'OPTIONS' });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });

  describe('a TOKEN authorizer', () => {
    const call = (token: string | undefined, method = 'GET') =>
      gw.fetch('/live/secure', { method, headers: token === undefined ? {} : { Authorization: token } });

    it('refuses a missing token with 401 without invoking, rendered through the UNAUTHORIZED override', async () => {
      const response = await call(undefined);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
      const body = await json(response);
      expect(body.error).toBe('Unauthorized');
      expect(body.id).toBe(response.headers.get('x-amzn-requestid'));
    });

    it('passes the principal to the integration and caches the result per token', async () => {
      const first = await call('allow');
      expect(first.status).toBe(200);
      expect((await json(first)).principalId).toBe('user-allow');
      await call('allow', 'POST');
      const lastTwo = results.slice(-2).map((r) => r.context.authorizer?.cached);
      expect(lastTwo).toEqual([false, true]);
    });

    it('reuses a cached policy scoped to one method for other methods, as AWS does', async () => {
      expect((await call('only-this-method', 'GET')).status).toBe(200);
      const other = await call('only-this-method', 'POST');
      expect(other.status).toBe(403);
      expect(await json(other)).toEqual({ message: 'User is not authorized to access this resource' });
    });

    it('maps Deny, Unauthorized, crashes and object context values to AWS answers', async () => {
      const deny = await call('deny');
      expect(deny.status).toBe(403);
      expect(await json(deny)).toEqual({
        message: 'User is not authorized to access this resource with an explicit deny',
      });
      expect((await call('nobody')).status).toBe(401);
      const boom = await call('boom');
      expect(boom.status).toBe(500);
      expect(boom.headers.get('x-amzn-errortype')).toBe('AuthorizerConfigurationException');
      expect((await call('object-context')).status).toBe(500);
    });
  });

  it('requires an API key in a plan bound to the stage and enforces the plan quota', async () => {
    expect((await gw.fetch('/live/keyed')).status).toBe(403);
    const orphan = await gw.fetch('/live/keyed', { headers: { 'x-api-key': 'orphan-key-not-in-any-plan-0000' } });
    expect(orphan.status).toBe(403);
    expect(await json(orphan)).toEqual({ message: 'Forbidden' });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await gw.fetch('/live/keyed', { headers: { 'X-API-Key': PLAIN_API_KEY } })).status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await gw.fetch('/live/keyed', { headers: { 'x-api-key': PLAIN_API_KEY } });
    expect(await json(limited)).toEqual({ message: 'Limit Exceeded' });
    clock.advance(24 * 3600 * 1000);
    expect((await gw.fetch('/live/keyed', { headers: { 'x-api-key': PLAIN_API_KEY } })).status).toBe(200);
  });

  it('throttles a method by the stage method settings: burst first, then the rate', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await gw.fetch('/live/limited')).status);
    expect(statuses).toEqual([200, 200, 429]);
    clock.advance(1000);
    expect((await gw.fetch('/live/limited')).status).toBe(200);
  });

  it('writes one access-log line per request in the stage format, as valid JSON', () => {
    const served = results.filter((r) => r.context.stage);
    expect(gw.accessLog.length).toBe(served.length);
    for (const [i, line] of gw.accessLog.entries()) {
      const entry = JSON.parse(line);
      expect(entry.requestId).toBe(served[i].context.requestId);
      expect(entry.status).toBe(String(served[i].response.statusCode));
    }
  });
});
