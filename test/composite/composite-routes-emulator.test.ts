import type { MemberTiming } from '../../lib/composite/member-timings';
import { ManualClock } from '../../lib/core/clock';
import { LocalGateway } from '../../lib/emulator/local-gateway';
import { type RunningServer, serveGateway } from '../../lib/emulator/server';
import { buildCompositeStack, COMPOSITE_API_KEY } from './composite-stack';

// biome-ignore lint/suspicious/noExplicitAny: response JSON is navigated freely in assertions
type Json = Record<string, any>;
const json = async (response: Response): Promise<Json> => (await response.json()) as Json;

/** Composite routes end to end: the generated aggregator, bundled, calling its members through the emulator. */
describe('composite routes in the emulator', () => {
  let gw: LocalGateway;
  const functionLogs: string[] = [];

  beforeAll(async () => {
    gw = await LocalGateway.fromStack(buildCompositeStack(), {
      clock: new ManualClock(Date.now()),
      onFunctionLog: (name, line) => functionLogs.push(`${name}\t${line}`),
    });
  }, 120_000);
  afterAll(() => gw.close());

  const as = (caller: 'user' | 'admin') => ({ authorization: `Bearer ${caller}`, 'x-api-key': COMPOSITE_API_KEY });
  const membersOf = (response: Response): MemberTiming[] => JSON.parse(response.headers.get('x-portico-members')!);

  it('calls its members in parallel: every member starts before any member ends', async () => {
    const response = await gw.fetch('/live/dash/i-1', { headers: as('user') });
    expect(response.status).toBe(200);
    const body = await json(response);
    expect(body).toEqual({
      item: expect.objectContaining({ resource: '/items/{id}', pathParameters: { id: 'i-1' } }),
      first: { slept: 300 },
      second: { slept: 300 },
    });
    const members = membersOf(response);
    expect(members.map((m) => [m.name, m.outcome, m.status])).toEqual([
      ['item', 'ok', 200],
      ['first', 'ok', 200],
      ['second', 'ok', 200],
    ]);
    // Run one after another, a member would start only after the previous one ended.
    expect(Math.max(...members.map((m) => m.startMs))).toBeLessThan(Math.min(...members.map((m) => m.endMs)));
    expect(response.headers.get('server-timing')).toMatch(/^item;dur=[\d.]+;desc="200", first;dur=/);
  });

  it('forwards the caller: members see the same principal, API key, and which composite called them', async () => {
    const response = await gw.fetch('/live/dash/i-2', { headers: as('user') });
    const { item } = await json(response);
    expect(item).toMatchObject({ principalId: 'user', apiKey: COMPOSITE_API_KEY, composite: 'GET /dash/{id}' });
  });

  it('writes its own access-log line and one per member, whose request ids the composite reports', async () => {
    const before = gw.accessLog.length;
    const response = await gw.fetch('/live/dash/i-3', { headers: as('user') });
    expect(response.status).toBe(200);
    const lines = gw.accessLog.slice(before).map((line) => JSON.parse(line));
    expect(lines.map((line) => line.resourcePath).sort()).toEqual(['/dash/{id}', '/items/{id}', '/slow', '/slow']);
    const memberIds = membersOf(response).map((m) => m.requestId);
    const memberLines = lines.filter((line) => line.resourcePath !== '/dash/{id}');
    expect(memberLines.map((line) => line.requestId).sort()).toEqual([...memberIds].sort());
    const aggregatorLog = functionLogs.find((line) => line.includes('"composite":"GET /dash/{id}"'));
    expect(aggregatorLog).toBeDefined();
  });

  it('has its own authorization: without a token it answers 401 and calls no member', async () => {
    const before = gw.accessLog.length;
    const response = await gw.fetch('/live/dash/i-1', { headers: { 'x-api-key': COMPOSITE_API_KEY } });
    expect(response.status).toBe(401);
    expect(gw.accessLog.length).toBe(before + 1);
  });

  it('denies inside the composite a member the caller is denied directly', async () => {
    const direct = await gw.fetch('/live/admin/report', { headers: as('user') });
    expect(direct.status).toBe(403);
    const composite = await gw.fetch('/live/dash/i-1/admin', { headers: as('user') });
    expect(composite.status).toBe(502);
    const body = await json(composite);
    expect(body.message).toContain('"admin"');
    expect(body.errors).toEqual({ admin: expect.objectContaining({ reason: 'status', status: 403 }) });
    const allowed = await gw.fetch('/live/dash/i-1/admin', { headers: as('admin') });
    expect(allowed.status).toBe(200);
    expect((await json(allowed)).admin).toMatchObject({ principalId: 'admin', resource: '/admin/report' });
  });

  it("fails the whole response with 502 naming the member under the 'fail' policy", async () => {
    const response = await gw.fetch('/live/dash/i-1/strict', { headers: as('user') });
    expect(response.status).toBe(502);
    expect(await json(response)).toEqual({
      message: 'Composite GET /dash/{id}/strict: member "broken" failed',
      errors: { broken: { reason: 'status', status: 500, message: 'inventory is down' } },
    });
  });

  it("returns the other members and an errors entry under the 'partial' policy", async () => {
    const response = await gw.fetch('/live/dash/i-1/lenient', { headers: as('user') });
    expect(response.status).toBe(200);
    expect(await json(response)).toEqual({
      item: expect.objectContaining({ pathParameters: { id: 'i-1' } }),
      errors: { broken: { reason: 'status', status: 500, message: 'inventory is down' } },
    });
  });

  it('gives up on a member after the member timeout', async () => {
    const response = await gw.fetch('/live/dash/i-1/patient', { headers: as('user') });
    // Its only member timed out, so under 'partial' nothing is left to answer with.
    expect(response.status).toBe(502);
    expect((await json(response)).errors).toEqual({ slow: { reason: 'timeout', message: 'No answer within 500 ms' } });
    expect(membersOf(response)).toEqual([expect.objectContaining({ name: 'slow', outcome: 'timeout' })]);
  });

  it('has its own method throttle, separate from its members', async () => {
    const first = await gw.fetch('/live/dash/i-1/limited', { headers: as('user') });
    const second = await gw.fetch('/live/dash/i-1/limited', { headers: as('user') });
    expect([first.status, second.status]).toEqual([200, 429]);
    expect((await gw.fetch('/live/items/i-1', { headers: as('user') })).status).toBe(200);
  });

  it('merges with the function the user wrote', async () => {
    const response = await gw.fetch('/live/dash/i%2D9/summary', { headers: as('user') });
    expect(response.status).toBe(200);
    expect(await json(response)).toEqual({ id: 'i-9', owner: 'user', members: ['item', 'second'] });
  });

  describe('through the HTTP server', () => {
    let server: RunningServer;
    beforeAll(async () => {
      server = await serveGateway(gw, { port: 0 });
    });
    afterAll(() => server.close());

    it('finds the gateway from the Host the client used', async () => {
      const response = await fetch(`${server.url}/live/dash/i-4`, { headers: as('admin') });
      expect(response.status).toBe(200);
      expect((await json(response)).item).toMatchObject({ principalId: 'admin', pathParameters: { id: 'i-4' } });
    });
  });
});
