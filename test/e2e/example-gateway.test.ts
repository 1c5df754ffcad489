import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { ExampleGatewayStack } from '../../bin/example-stack';
import { signDevToken } from '../../lambdas/authorizer/dev-token';
import { ManualClock } from '../../lib/core/clock';
import { LocalGateway } from '../../lib/emulator/local-gateway';
import type { PipelineResult } from '../../lib/emulator/pipeline';
import { type RunningServer, serveGateway } from '../../lib/emulator/server';

/** The example gateway, bundled with esbuild as `cdk deploy` would, served in-process and over 127.0.0.1. */
describe('the example gateway', () => {
  let gw: LocalGateway;
  let token: string;
  let readOnlyToken: string;
  const clock = new ManualClock(Date.now());
  const results: PipelineResult[] = [];

  beforeAll(async () => {
    const app = new App({ outdir: mkdtempSync(join(tmpdir(), 'portico-example-')) });
    gw = await LocalGateway.fromStack(new ExampleGatewayStack(app, 'ExampleE2E'), {
      clock,
      onFunctionLog: () => {},
      onRequest: (result) => results.push(result),
    });
    token = await signDevToken({ sub: 'u-1', scopes: 'orders:read orders:write' });
    readOnlyToken = await signDevToken({ sub: 'u-2', scopes: 'orders:read' });
  }, 120_000);
  afterAll(() => gw.close());

  const as = (key: string, bearer = token) => ({ authorization: `Bearer ${bearer}`, 'x-api-key': gw.apiKey(key) });

  it('answers GET /v1/status from a MOCK integration, and validates POST /orders before the function (issue 11)', async () => {
    const status = await gw.fetch('/v1/status');
    expect(status.status).toBe(200);
    expect(await status.json()).toMatchObject({ status: 'ok', version: 'v1' });
    const invalid = await gw.fetch('/v2/orders', {
      method: 'POST',
      headers: { ...as('acme'), 'content-type': 'application/json' },
      body: JSON.stringify({ items: [{ sku: 'BOOK-001', quantity: 0 }] }),
    });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toEqual({ message: 'Invalid request body' });
  });

  it('reshapes the orders function answer on the non-proxy GET /v1/orders/{id}/summary (issue 11)', async () => {
    const summary = await gw.fetch('/v1/orders/o-3/summary', { headers: as('acme') });
    expect(summary.status).toBe(200);
    expect(await summary.json()).toEqual({ orderId: 'o-3', lines: 2, skus: ['PEN-007', 'MUG-042'] });
    const missing = await gw.fetch('/v1/orders/nope/summary', { headers: as('acme') });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toHaveProperty('message');
  });

  it('answers the public health route without credentials, per version', async () => {
    for (const version of ['v1', 'v2']) {
      const response = await gw.fetch(`/${version}/health`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok', version });
    }
  });

  it('needs a valid bearer token (401) and then an API key in a plan (403)', async () => {
    const noToken = await gw.fetch('/v1/users/u-1', { headers: { 'x-api-key': gw.apiKey('acme') } });
    expect(noToken.status).toBe(401);
    const badToken = await gw.fetch('/v1/users/u-1', { headers: { ...as('acme'), authorization: 'Bearer not.a.jwt' } });
    expect(badToken.status).toBe(401);
    const noKey = await gw.fetch('/v1/users/u-1', { headers: { authorization: `Bearer ${token}` } });
    expect(noKey.status).toBe(403);
    expect(await noKey.json()).toEqual({ message: 'Forbidden' });
    const ok = await gw.fetch('/v1/users/u-1', { headers: as('acme') });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ id: 'u-1' });
  });

  it('serves a different orders handler per version, and DELETE /orders/{id} only in v2', async () => {
    const v1 = await gw.fetch('/v1/orders/o-1', { headers: as('acme') });
    const v2 = await gw.fetch('/v2/orders/o-1', { headers: as('acme') });
    expect(v1.headers.get('x-service-version')).toBe('v1');
    expect(v2.headers.get('x-service-version')).toBe('v2');
    expect(await v2.json()).toHaveProperty('total');
    const deleteV1 = await gw.fetch('/v1/orders/o-2', { method: 'DELETE', headers: as('acme') });
    expect(deleteV1.status).toBe(403);
    expect(await deleteV1.json()).toEqual({ message: 'Missing Authentication Token' });
    const deleteV2 = await gw.fetch('/v2/orders/o-2', { method: 'DELETE', headers: as('acme') });
    expect(deleteV2.status).toBe(200);
  });

  it('passes the authorizer context to the service, which enforces scopes', async () => {
    const order = { items: [{ sku: 'BOOK-001', quantity: 1 }] };
    const denied = await gw.fetch('/v1/orders', {
      method: 'POST',
      headers: { ...as('acme', readOnlyToken), 'content-type': 'application/json' },
      body: JSON.stringify(order),
    });
    expect(denied.status).toBe(403);
    const created = await gw.fetch('/v1/orders', {
      method: 'POST',
      headers: { ...as('acme'), 'content-type': 'application/json' },
      body: JSON.stringify(order),
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ userId: 'u-1' });
  });

  it('serves the Python recommendations service behind the same authorizer and keys', async () => {
    const response = await gw.fetch('/v1/recommendations?userId=u-1', { headers: as('acme') });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-service-runtime')).toBe('python');
    expect(await response.json()).toMatchObject({ userId: 'u-1', items: [{ sku: 'MUG-042', title: 'Debugging mug' }] });
    expect((await gw.fetch('/v2/recommendations', { headers: as('acme') })).status).toBe(400);
    expect((await gw.fetch('/v1/recommendations?userId=u-1')).status).toBe(401);
  });

  it('invokes the authorizer once per token within the TTL, across routes and versions', async () => {
    const other = await signDevToken({ sub: 'u-3', scopes: 'orders:read' });
    const start = results.length;
    await gw.fetch('/v1/users', { headers: as('acme', other) });
    await gw.fetch('/v1/orders', { headers: as('acme', other) });
    await gw.fetch('/v1/search?q=ada', { headers: as('acme', other) });
    expect(results.slice(start).map((r) => r.context.authorizer?.cached)).toEqual([false, true, true]);
  });

  it("throttles the free plan's POST /orders override (burst 2, 1 per second) and refills with time", async () => {
    clock.advance(60_000);
    const post = () =>
      gw.fetch('/v1/orders', {
        method: 'POST',
        headers: { ...as('hobbyist'), 'content-type': 'application/json' },
        body: JSON.stringify({ items: [{ sku: 'BOOK-001', quantity: 1 }] }),
      });
    const statuses = [(await post()).status, (await post()).status];
    const throttled = await post();
    expect(statuses).toEqual([201, 201]);
    expect(throttled.status).toBe(429);
    expect(await throttled.json()).toEqual({ message: 'Too Many Requests' });
    clock.advance(1000);
    expect((await post()).status).toBe(201);
    // The pro consumer is not affected by the free plan's buckets.
    expect((await gw.fetch('/v1/orders', { headers: as('acme') })).status).toBe(200);
  });

  it('writes one JSON access-log line per request with the authorizer, key and error fields', () => {
    expect(gw.accessLog).toHaveLength(results.length);
    const entries = gw.accessLog.map((line) => JSON.parse(line));
    const throttled = entries.find((e) => e.errorResponseType === 'THROTTLED');
    expect(throttled).toMatchObject({ status: '429', httpMethod: 'POST', resourcePath: '/orders', stage: 'v1' });
    const authorized = entries.find((e) => e.principalId === 'u-1' && e.status === '200');
    expect(authorized?.apiKeyId).not.toBe('-');
    for (const [i, entry] of entries.entries()) expect(entry.requestId).toBe(results[i].context.requestId);
  });

  describe('over HTTP', () => {
    let server: RunningServer;
    beforeAll(async () => {
      server = await serveGateway(gw, { port: 0 });
    });
    afterAll(() => server.close());

    it('serves /v1 and /v2 on one port as clients reach them in AWS', async () => {
      const health = await fetch(`${server.url}/v2/health`);
      expect(await health.json()).toEqual({ status: 'ok', version: 'v2' });
      const user = await fetch(`${server.url}/v1/users/u-1`, { headers: as('acme') });
      expect(user.status).toBe(200);
      expect(user.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    });
  });
});
