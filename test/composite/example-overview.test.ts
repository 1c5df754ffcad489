import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { ExampleGatewayStack } from '../../bin/example-stack';
import { signDevToken } from '../../lambdas/authorizer/dev-token';
import { LocalGateway } from '../../lib/emulator/local-gateway';

// biome-ignore lint/suspicious/noExplicitAny: response JSON is navigated freely in assertions
type Json = Record<string, any>;
const json = async (response: Response): Promise<Json> => (await response.json()) as Json;

/** The example gateway's composite GET /users/{id}/overview (v2 only), bundled and served in-process. */
describe('the example overview route', () => {
  let gw: LocalGateway;
  let headers: Record<string, string>;

  beforeAll(async () => {
    const app = new App({ outdir: mkdtempSync(join(tmpdir(), 'portico-overview-')) });
    gw = await LocalGateway.fromStack(new ExampleGatewayStack(app, 'OverviewE2E'), { onFunctionLog: () => {} });
    headers = {
      authorization: `Bearer ${await signDevToken({ sub: 'u-1', scopes: 'orders:read' })}`,
      'x-api-key': gw.apiKey('acme'),
    };
  }, 120_000);
  afterAll(() => gw.close());

  it("answers with the user, the user's orders and related search results in one response", async () => {
    const response = await gw.fetch('/v2/users/u-1/overview', { headers });
    expect(response.status).toBe(200);
    const body = await json(response);
    expect(body.user).toEqual({ id: 'u-1', name: 'Ada Lovelace', email: 'ada@example.com' });
    expect(body.orders.orders.length).toBeGreaterThan(0);
    expect(body.orders.orders.every((order: { userId: string }) => order.userId === 'u-1')).toBe(true);
    // Members run in the composite's own version: the v2 orders service answers with v2 links.
    expect(body.orders.links.self).toMatch(/^\/v2\/orders\?userId=u-1/);
    expect(body.recommendations).toMatchObject({ query: 'u-1', collection: 'all' });
    expect(body.errors).toBeUndefined();
  });

  it('reports a missing user in errors and still answers with the rest (partial policy)', async () => {
    const response = await gw.fetch('/v2/users/u-404/overview', { headers });
    expect(response.status).toBe(200);
    const body = await json(response);
    expect(body.errors).toEqual({ user: { reason: 'status', status: 404, message: 'User u-404 not found' } });
    expect(body.orders.orders).toEqual([]);
  });

  it('exists in v2 only', async () => {
    const response = await gw.fetch('/v1/users/u-1/overview', { headers });
    expect(response.status).toBe(403);
    expect(await json(response)).toEqual({ message: 'Missing Authentication Token' });
  });
});
