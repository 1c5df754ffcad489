/**
 * The dashboard's JSON/SSE API over real HTTP on 127.0.0.1, against the plain aws-cdk-lib gateway (inline
 * handlers, a TOKEN authorizer with a 300 s cache, a usage plan with a quota of 3 a day).
 */
import { request as httpRequest } from 'node:http';
import { LocalGateway } from '../../../lib/emulator/local-gateway';
import { createDashboard } from '../../../lib/emulator/observe/dashboard-api';
import { type RunningServer, serveGateway } from '../../../lib/emulator/server';
import { buildPlainCdkStack, PLAIN_API_KEY } from '../../e2e/plain-cdk-stack';

/** A GET with headers fetch() will not let us set (Host). */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    httpRequest(url, { headers }, (res) => {
      let body = '';
      res.on('data', (chunk) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end();
  });
}

describe('the dashboard API', () => {
  let gw: LocalGateway;
  let server: RunningServer;
  let api: string;

  beforeAll(async () => {
    gw = await LocalGateway.fromStack(buildPlainCdkStack(), {
      onFunctionLog: () => {},
      observe: { requestLimit: 5, maxBodyBytes: 64 },
    });
    server = await serveGateway(gw, { port: 0, dashboard: createDashboard(() => gw, { tokens: { tester: 'allow' } }) });
    api = `${server.url}/_portico/api`;
  });
  afterAll(async () => {
    await server.close();
    await gw.close();
  });

  // biome-ignore lint/suspicious/noExplicitAny: JSON read back from the API under test
  const get = async (path: string): Promise<any> => (await fetch(`${api}/${path}`)).json();

  it('serves the page and its modules under /_portico/, and leaves every other path to the gateway', async () => {
    const page = await fetch(`${server.url}/_portico/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('<script type="module" src="app.js">');
    expect((await fetch(`${server.url}/_portico/app.js`)).headers.get('content-type')).toMatch(/javascript/);
    expect((await fetch(`${server.url}/_portico/nope.js`)).status).toBe(404);
    // Not the dashboard: the gateway answers as API Gateway would.
    const other = await fetch(`${server.url}/_porticox/`);
    expect(other.status).toBe(403);
    expect(await other.json()).toEqual({ message: 'Missing Authentication Token' });
  });

  it('lists every route with live counts, and the keys and tokens "Send a request" offers', async () => {
    expect((await fetch(`${server.url}/live/items/1`)).status).toBe(200);
    const { routes, stats } = await get('routes');
    const item = routes.find(
      (r: { path: string; method: string }) => r.method === 'GET' && r.path === '/live/items/{id}',
    );
    expect(item).toMatchObject({ flavor: 'REST', stage: 'live', authorization: 'none' });
    expect(stats[item.id]).toMatchObject({ count: 1, status2xx: 1 });
    expect(stats[item.id].p50Ms).toEqual(expect.any(Number));
    const overview = await get('overview');
    expect(overview.apiKeys).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'tester', value: PLAIN_API_KEY, plans: [expect.any(String)] }),
      ]),
    );
    expect(overview.tokens).toEqual([{ name: 'tester', value: 'allow' }]);
  });

  it('records authorizer decisions, cache hits, the Lambda event and the answer; redacts the token', async () => {
    expect((await fetch(`${server.url}/live/secure`, { headers: { Authorization: 'allow' } })).status).toBe(200);
    expect((await fetch(`${server.url}/live/secure`, { headers: { Authorization: 'allow' } })).status).toBe(200);
    expect((await fetch(`${server.url}/live/secure`)).status).toBe(401);
    const { requests } = await get('requests');
    const [missing, hit, miss] = requests;
    expect(missing).toMatchObject({ status: 401, gatewayResponse: 'UNAUTHORIZED', route: 'GET /secure' });
    expect(missing.authorizer).toMatchObject({ decision: 'unauthorized', cached: false });
    expect(hit.authorizer).toMatchObject({ decision: 'allow', cached: true, principalId: 'user-allow' });
    expect(miss.authorizer).toMatchObject({ decision: 'allow', cached: false });

    const detail = await get(`requests/${miss.requestId}`);
    expect(detail.invocations.map((i: { functionName: string }) => i.functionName)).toHaveLength(2);
    const [authorizerCall, handlerCall] = detail.invocations;
    expect(authorizerCall.event).toMatchObject({ type: 'TOKEN', authorizationToken: '…(redacted)' });
    expect(handlerCall.event).toMatchObject({ resource: '/secure', httpMethod: 'GET' });
    expect(handlerCall.event.headers.Authorization).toBe('…(redacted)');
    expect(handlerCall.answer).toMatchObject({ statusCode: 200 });
    expect(detail.response.body.length).toBeGreaterThan(0);
    expect(detail.accessLogLine).toContain(miss.requestId);

    const { authorizers } = await get('authorizers');
    expect(authorizers).toEqual([
      expect.objectContaining({ authorizer: expect.any(String), ttlSeconds: 300, hits: 1, misses: 1 }),
    ]);
    expect(authorizers[0].entries).toEqual([
      expect.objectContaining({
        principalId: 'user-allow',
        policy: [expect.stringMatching(/^Allow arn:aws:execute-api:.*\/\*$/)],
      }),
    ]);
    expect(authorizers[0].entries[0].ttlLeftMs).toBeGreaterThan(290_000);
  });

  it('flushes the authorizer caches only on a JSON POST', async () => {
    const form = await fetch(`${api}/authorizers/flush`, { method: 'POST', body: 'x=1' });
    expect(form.status).toBe(415);
    const flush = await fetch(`${api}/authorizers/flush`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(await flush.json()).toEqual({ flushed: 1 });
    expect((await get('authorizers')).authorizers[0].entries).toEqual([]);
    await fetch(`${server.url}/live/secure`, { headers: { Authorization: 'allow' } });
    expect((await get('requests')).requests[0].authorizer.cached).toBe(false);
  });

  it('shows quota used and left per key, and counts 429s', async () => {
    for (let i = 0; i < 4; i++) await fetch(`${server.url}/live/keyed`, { headers: { 'x-api-key': PLAIN_API_KEY } });
    const { usage } = await get('usage');
    expect(usage).toEqual([
      expect.objectContaining({
        key: 'tester',
        quotaLimit: 3,
        quotaUsed: 3,
        quotaLeft: 0,
        quotaExceededCount: 1,
        throttledCount: 0,
      }),
    ]);
    expect((await get('requests')).requests[0]).toMatchObject({ status: 429, quotaExceeded: true, apiKey: 'tester' });
  });

  it('keeps only the configured number of requests and cuts large bodies with a marker', async () => {
    await fetch(`${server.url}/live/files/upload`, { method: 'POST', body: 'x'.repeat(1000) });
    const { requests, kept, total } = await get('requests');
    expect(kept).toBe(5);
    expect(requests).toHaveLength(5);
    expect(total).toBeGreaterThan(5);
    const detail = await get(`requests/${requests[0].requestId}`);
    expect(detail.request.body).toBe(`${'x'.repeat(64)}…[truncated by Portico: 1000 bytes in all]`);
    expect(detail.request.size).toBe(1000);
    expect(detail.invocations[0].event.body).toMatch(/^x{64}…\[truncated by Portico: 1000 bytes in all\]$/);
    expect((await fetch(`${api}/requests/${requests[4].requestId}x`)).status).toBe(404);
  });

  it('counts invocations, errors and cold starts per function', async () => {
    expect((await fetch(`${server.url}/live/throws`)).status).toBe(502);
    const { functions } = await get('functions');
    const throws = functions.find((f: { functionName: string }) => /Throws/.test(f.functionName));
    expect(throws).toMatchObject({ invocations: 1, errors: 1, coldStarts: 1, environments: 1, inFlight: 0 });
  });

  it('sends a request through the gateway and refuses malformed input', async () => {
    const sent = await fetch(`${api}/send`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ method: 'GET', path: '/live/secure', headers: { Authorization: 'allow' } }),
    });
    const answer = (await sent.json()) as { status: number; requestId: string };
    expect(answer).toMatchObject({ status: 200 });
    expect((await get('requests')).requests[0].requestId).toBe(answer.requestId);
    const bad = await fetch(`${api}/send`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{',
    });
    expect(bad.status).toBe(400);
    const noPath = await fetch(`${api}/send`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"method":"GET","path":"no-slash"}',
    });
    expect(noPath.status).toBe(400);
    expect((await fetch(`${server.url}/live/items`)).status).toBe(200);
  });

  it('streams request summaries as server-sent events', async () => {
    const controller = new AbortController();
    const stream = await fetch(`${api}/events`, { signal: controller.signal });
    expect(stream.headers.get('content-type')).toBe('text/event-stream');
    const reader = stream.body!.getReader();
    let text = '';
    const read = async (until: RegExp) => {
      while (!until.test(text)) {
        const { value, done } = await reader.read();
        if (done) break;
        text += Buffer.from(value).toString('utf8');
      }
    };
    await read(/event: hello/);
    await fetch(`${server.url}/live/items/streamed`);
    await read(/event: requests\ndata: .*\n\n/);
    controller.abort();
    const data = JSON.parse(/event: requests\ndata: (.*)\n/.exec(text)![1]);
    expect(data.requests).toEqual([expect.objectContaining({ url: '/live/items/streamed', status: 200 })]);
  });

  it('answers loopback Hosts only (DNS rebinding), unless opened to other hosts', async () => {
    const rebound = await rawGet(`${api}/overview`, { Host: 'evil.example.com' });
    expect(rebound.status).toBe(403);
    expect(JSON.parse(rebound.body).message).toMatch(/loopback clients only/);
    expect((await rawGet(`${api}/overview`, { Host: 'localhost:1234' })).status).toBe(200);
    const open = await serveGateway(gw, { port: 0, dashboard: createDashboard(() => gw, { allowRemote: true }) });
    try {
      expect((await rawGet(`${open.url}/_portico/api/overview`, { Host: 'evil.example.com' })).status).toBe(200);
    } finally {
      await open.close();
    }
  });
});

describe('a gateway without observe', () => {
  it('records nothing and the dashboard API says so', async () => {
    const gw = await LocalGateway.fromStack(buildPlainCdkStack(), { onFunctionLog: () => {} });
    const server = await serveGateway(gw, { port: 0, dashboard: createDashboard(() => gw) });
    try {
      expect(gw.observations).toBeUndefined();
      const answer = await fetch(`${server.url}/_portico/api/requests`);
      expect(answer.status).toBe(404);
    } finally {
      await server.close();
      await gw.close();
    }
  });
});
