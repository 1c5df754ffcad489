/**
 * The dashboard in a real browser: Debian's chromium driven by playwright-core (no browser download), on the
 * example gateway bundled once with esbuild. The gateway, server and dashboard are the parts `portico serve`
 * composes; a manual clock keeps the token buckets from refilling, so "throttled past the plan" is exact.
 * Screenshots of the main views go to docs/ for the README when UPDATE_SCREENSHOTS=1, else to a temporary folder
 * (so that `npm test` leaves the work tree as it found it).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { App } from 'aws-cdk-lib';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { ExampleGatewayStack } from '../../bin/example-stack';
import { signDevToken } from '../../lambdas/authorizer/dev-token';
import { ManualClock } from '../../lib/core/clock';
import { synthesizeToAssembly } from '../../lib/emulator/assembly';
import { LocalGateway } from '../../lib/emulator/local-gateway';
import { createDashboard } from '../../lib/emulator/observe/dashboard-api';
import { type RunningServer, serveGateway } from '../../lib/emulator/server';

const CHROMIUM = '/usr/bin/chromium';
const DOCS = process.env.UPDATE_SCREENSHOTS
  ? resolve(__dirname, '..', '..', 'docs')
  : mkdtempSync(join(tmpdir(), 'portico-screenshots-'));
const FREE_PLAN_BURST = 10; // bin/example-stack.ts: free plan, burstLimit 10, quota 1000 a day

const describeWithChromium = existsSync(CHROMIUM) ? describe : describe.skip;
if (!existsSync(CHROMIUM)) {
  // CI installs it (.ci/run); say loudly why the browser tests did not run anywhere else.
  process.emitWarning(`${CHROMIUM} is missing: the dashboard browser tests are skipped (apt-get install chromium)`);
}

describeWithChromium('the dashboard in chromium', () => {
  let assembly: string;
  let gw: LocalGateway;
  let server: RunningServer;
  let browser: BrowserContext;
  let page: Page;
  let token: string;
  const clock = new ManualClock(Date.now());

  beforeAll(async () => {
    const app = new App({ outdir: mkdtempSync(join(tmpdir(), 'portico-dashboard-')) });
    assembly = synthesizeToAssembly(new ExampleGatewayStack(app, 'DashboardE2E'));
    gw = await LocalGateway.fromAssembly(assembly, { clock, onFunctionLog: () => {}, observe: true });
    token = await signDevToken({ sub: 'u-1', scopes: 'orders:read orders:write' });
    server = await serveGateway(gw, {
      port: 0,
      dashboard: createDashboard(() => gw, { tokens: { 'u-1 (orders:read orders:write)': token } }),
    });
    browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'portico-chromium-')), {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1440, height: 860 },
      colorScheme: 'dark',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = await browser.newPage();
    await page.goto(`${server.url}/_portico/`);
    await page.locator('#status.live').waitFor();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await gw?.close();
  });

  const send = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers });
  const withToken = (key: string) => ({ authorization: `Bearer ${token}`, 'x-api-key': gw.apiKey(key) });
  const rows = () => page.locator('#requests tr.request');
  const tab = (name: string) => page.getByRole('tab', { name });

  it('shows requests live, newest first, with their status and the authorizer decision (cached or not)', async () => {
    expect((await send('/v1/users/u-1', withToken('acme'))).status).toBe(200);
    expect((await send('/v1/users/u-2', withToken('acme'))).status).toBe(200);
    expect((await send('/v1/users/u-1', { 'x-api-key': gw.apiKey('acme') })).status).toBe(401);

    await rows().nth(2).waitFor();
    const newest = rows().nth(0);
    expect(await newest.getAttribute('data-status')).toBe('401');
    expect(await newest.textContent()).toContain('unauthorized');
    expect(await rows().nth(1).textContent()).toMatch(
      /\/v1\/users\/u-2.*GET \/users\/\{id\}.*200.*allow · cached.*acme · pro/,
    );
    expect(await rows().nth(2).textContent()).toMatch(/\/v1\/users\/u-1.*200.*allow(?! · cached)/);
  });

  it('marks requests throttled past the plan, and the usage view matches the plan', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < FREE_PLAN_BURST + 2; i++)
      statuses.push((await send('/v1/orders', withToken('hobbyist'))).status);
    expect(statuses.filter((s) => s === 429)).toHaveLength(2);

    await page.locator('#requests tr.request[data-status="429"]').nth(1).waitFor();
    expect(await rows().nth(0).textContent()).toMatch(/throttled.*$/);
    expect(await rows().nth(0).textContent()).toContain('hobbyist · free');

    await tab('Usage').click();
    const free = page.locator('#usage tr[data-key="hobbyist"][data-method=""]');
    await free.locator('[data-part="throttled"]', { hasText: '2' }).waitFor();
    expect(await free.locator('[data-part="tokens"]').textContent()).toBe(' 0');
    expect(await free.locator('[data-part="quota-used"]').textContent()).toBe(`${FREE_PLAN_BURST} / 1000 per day`);
    expect(await free.locator('[data-part="quota-left"]').textContent()).toBe(String(1000 - FREE_PLAN_BURST));
    const pro = page.locator('#usage tr[data-key="acme"][data-method=""]');
    expect(await pro.locator('[data-part="quota-used"]').textContent()).toBe('2 / 100000 per month');
    await page.screenshot({ path: join(DOCS, 'dashboard-usage.png') });
  });

  it('opens a request: the Lambda event as sent, the handler answer and the access-log line', async () => {
    await tab('Requests').click();
    await page.locator('#requests tr.request[data-status="200"]').last().click();
    const detail = page.locator('#detail');
    await detail.locator('[data-part="event"]').last().waitFor();
    const events = await detail.locator('[data-part="event"]').allTextContents();
    expect(events).toHaveLength(2); // the authorizer's REQUEST event, then the users function's
    expect(JSON.parse(events[0])).toMatchObject({
      type: 'REQUEST',
      headers: { authorization: expect.stringMatching(/…\(redacted\)$/) },
    });
    expect(JSON.parse(events[1])).toMatchObject({
      resource: '/users/{id}',
      pathParameters: { id: 'u-1' },
      requestContext: { stage: 'v1', authorizer: { principalId: 'u-1' } },
    });
    const answers = await detail.locator('[data-part="answer"]').allTextContents();
    expect(JSON.parse(answers[1])).toMatchObject({ statusCode: 200 });
    expect(await detail.textContent()).toMatch(/Access log line\{.*"status":"200"/);
    await page.screenshot({ path: join(DOCS, 'dashboard-requests.png') });
    await detail.getByRole('button', { name: 'Close the detail' }).click();
  });

  it('lists the routes with live counts and filters them', async () => {
    await tab('Routes').click();
    await page.getByLabel('Filter').last().fill('/v1/users');
    const users = page.locator('#routes tr', { hasText: '/v1/users/{id}' }).first();
    await users.locator('[data-part="count"]', { hasText: '3' }).waitFor();
    expect(await page.locator('#routes tr').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('#routes').textContent()).not.toContain('/v1/orders');
    await page.getByLabel('Filter').last().fill('');
    await page.screenshot({ path: join(DOCS, 'dashboard-routes.png') });
  });

  it('shows the authorizer cache and flushes it', async () => {
    await tab('Authorizers').click();
    const jwt = page.locator('[data-authorizer="jwt"]');
    await jwt.locator('[data-part="entries"]', { hasText: '1 cached' }).waitFor();
    expect(await jwt.locator('[data-part="hits"]').textContent()).toBe(`${FREE_PLAN_BURST + 2 + 1} hits`);
    expect(await jwt.locator('[data-part="misses"]').textContent()).toBe('1 misses');
    expect(await jwt.textContent()).toContain('u-1');
    await page.screenshot({ path: join(DOCS, 'dashboard-authorizers.png') });

    await page.getByRole('button', { name: 'Flush authorizer caches' }).click();
    await page.getByText('Flushed 1 cached result.').waitFor();
    await jwt.locator('[data-part="entries"]', { hasText: '0 cached' }).waitFor();
    expect((await send('/v1/users/u-1', withToken('acme'))).status).toBe(200);
    await jwt.locator('[data-part="misses"]', { hasText: '2 misses' }).waitFor();
  });

  it('shows the functions with their invocations', async () => {
    await tab('Functions').click();
    const rowsOfFunctions = page.locator('#functions tr[data-function]');
    await rowsOfFunctions.first().waitFor();
    const names = await rowsOfFunctions.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-function')));
    expect(names.length).toBeGreaterThanOrEqual(3); // authorizer, users, orders
    await page.screenshot({ path: join(DOCS, 'dashboard-functions.png') });
  });

  it('sends a request with a picked API key and dev token, and the answer shows up in the stream', async () => {
    await tab('Send a request').click();
    await page.getByLabel('Path').fill('/v1/users/u-3');
    await page.locator('#send-key').selectOption(gw.apiKey('acme'));
    await page.locator('#send-token').selectOption(token);
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.locator('#send-result [data-part="status"]', { hasText: '200' }).waitFor();
    expect(await page.locator('#send-result [data-part="body"]').textContent()).toContain('Alan Turing');
    await page.screenshot({ path: join(DOCS, 'dashboard-send.png') });
    await tab('Requests').click();
    expect(await rows().nth(0).textContent()).toContain('/v1/users/u-3');
  });

  it('moves between views with the arrow keys', async () => {
    await tab('Requests').focus();
    await page.keyboard.press('ArrowRight');
    expect(await tab('Routes').getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('#view-routes').isVisible()).toBe(true);
    await page.keyboard.press('End');
    expect(await tab('Send a request').getAttribute('aria-selected')).toBe('true');
  });

  it('portico serve prints the dashboard URL and serves it', async () => {
    let child: ChildProcess | undefined;
    try {
      child = spawn('npx', ['tsx', 'bin/portico.ts', 'serve', '--assembly', assembly, '--port', '0'], {
        cwd: resolve(__dirname, '..', '..'),
        stdio: ['ignore', 'pipe', 'pipe'],
        // Its own process group, so npx, tsx and the server all stop together at the end.
        detached: true,
      });
      const url = await new Promise<string>((resolveUrl, reject) => {
        let out = '';
        child?.stdout?.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          // picocolors colors the line when CI is set (or on a TTY): read it without its escape codes.
          // biome-ignore lint/suspicious/noControlCharactersInRegex: removing picocolors' escape codes
          const plain = out.replace(/\x1b\[\d+m/g, '');
          const match = /Dashboard\s+(http:\/\/127\.0\.0\.1:\d+\/_portico\/)/.exec(plain);
          if (match) resolveUrl(match[1]);
        });
        child?.on('exit', (code) => reject(new Error(`portico serve exited (${code}): ${out}`)));
      });
      const overview = await fetch(`${url}api/overview`);
      expect(overview.status).toBe(200);
      expect(((await overview.json()) as { apiKeys: unknown[] }).apiKeys).toHaveLength(2);
    } finally {
      if (child?.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
    }
  }, 60_000);
});
