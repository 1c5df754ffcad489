/**
 * `portico verify` end to end against the emulator's management API with the real AWS SDK: the emulator
 * serves assembly A (standing in for the deployed gateway), verify compares it with A, and with assemblies
 * that drifted from it.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type VerifyOutput, verifyCommand } from '../../lib/cli/verify';
import { LocalGateway } from '../../lib/emulator/local-gateway';
import { type RunningServer, serveGateway } from '../../lib/emulator/server';
import { synthHttpGateway } from './verify-stacks';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const REPO = join(__dirname, '..', '..');

function captured(): VerifyOutput & { stdout: () => string; stderr: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    color: false,
    stdout: () => out.join('\n'),
    stderr: () => err.join('\n'),
  };
}

describe('portico verify of an HTTP API', () => {
  let deployed: string;
  let gw: LocalGateway;
  let server: RunningServer;

  beforeAll(async () => {
    deployed = synthHttpGateway();
    gw = await LocalGateway.fromAssembly(deployed, { loopback: false, onFunctionLog: () => {} });
    server = await serveGateway(gw, { port: 0 });
  });
  afterAll(async () => {
    await server.close();
    await gw.close();
  });

  test('exits 0 when the deployed API matches the template, finding the API by its name', async () => {
    const output = captured();
    const code = await verifyCommand({ assembly: deployed, stack: 'VerifyHttp', endpoint: server.url }, output);
    expect(output.stderr()).toBe('');
    expect(code).toBe(0);
    expect(output.stdout()).toBe(`HTTP API verify-http (${gw.model.httpApis[0].apiId}): in sync with the template`);
  });

  test('exits 1 and names the route when the template moved one route', async () => {
    const output = captured();
    const changed = synthHttpGateway({ orderPath: '/orders/{orderId}' });
    const code = await verifyCommand({ assembly: changed, stack: 'VerifyHttp', endpoint: server.url }, output);
    expect(code).toBe(1);
    expect(output.stdout().split('\n').slice(1)).toEqual([
      '  - route GET /orders/{orderId}: in the template, not deployed',
      '  + route GET /orders/{id}: deployed, not in the template',
    ]);
    expect(output.stderr()).toMatch(/drift — 2 differences in 1 API/);
  });

  test('reports a changed route throttle on every stage it applies to', async () => {
    const output = captured();
    const changed = synthHttpGateway({ ordersRateLimit: 5 });
    expect(
      await verifyCommand({ assembly: changed, endpoint: server.url, apiId: gw.model.httpApis[0].apiId }, output),
    ).toBe(1);
    expect(output.stdout()).toContain(
      '~ stage $default: throttle of POST /orders: template rate 5/s, burst 20, deployed rate 10/s, burst 20',
    );
    expect(output.stdout()).toContain('~ stage v2: throttle of POST /orders');
  });

  test('exits 2 with a clear message when it cannot check', async () => {
    const unknownStack = captured();
    expect(await verifyCommand({ assembly: deployed, stack: 'Nope', endpoint: server.url }, unknownStack)).toBe(2);
    expect(unknownStack.stderr()).toMatch(/No stack "Nope" in .+ \(stacks: VerifyHttp\)/);

    const unknownApi = captured();
    expect(await verifyCommand({ assembly: deployed, endpoint: server.url, apiId: 'zzzzzzzzzz' }, unknownApi)).toBe(2);
    expect(unknownApi.stderr()).toMatch(/answered NotFoundException \(HTTP 404\): Invalid API identifier specified/);

    const closed = await serveGateway(gw, { port: 0 });
    await closed.close();
    const unreachable = captured();
    expect(await verifyCommand({ assembly: deployed, endpoint: closed.url }, unreachable)).toBe(2);
    expect(unreachable.stderr()).toMatch(/Cannot reach http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)/);
  });

  test('the portico CLI prints the drifted route and exits 1, with no AWS credentials configured', async () => {
    const changed = synthHttpGateway({ orderPath: '/orders/{orderId}' });
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_')));
    const run = promisify(execFile)(
      'npx',
      ['tsx', 'bin/portico.ts', 'verify', '--stack', 'VerifyHttp', '--assembly', changed, '--endpoint', server.url],
      { cwd: REPO, env: { ...env, NO_COLOR: '1' } },
    );
    await expect(run).rejects.toMatchObject({
      code: 1,
      stdout: expect.stringContaining('- route GET /orders/{orderId}: in the template, not deployed'),
      stderr: expect.stringContaining('portico verify: drift'),
    });
  }, 60_000);
});
