/**
 * Throughput with the dashboard open and streaming vs without it (issue 12: within 10%).
 * `npx tsx bench/dashboard-bench.ts [--duration 5] [--connections 10] [--rounds 5]`
 *
 * Each round runs the same scenario of bench-stack.ts (cached Lambda authorizer + API key and usage plan)
 * against two fresh server processes: one without the dashboard, one with it and, in a process of its own as
 * a browser would be, a client that does what the open page does — reads the server-sent event stream and, per
 * batch of requests, reloads the live numbers of a view (routes with p50/p99). Rounds alternate off/on so
 * drift on a shared machine hits both. Two numbers per round: requests per second, and the server's CPU time
 * per request (steadier than throughput when other processes compete for the cores). `--page 0` leaves the
 * page closed, to tell the feed's own cost from the streaming's.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_STAGE, SCENARIOS, synthBenchStack } from './bench-stack';
import { runLoad } from './load';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
}

/** A target process whose stdout lines can be awaited by pattern. */
function start(script: string, args: string[]) {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', join(__dirname, 'targets', script), ...args],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let output = '';
  const waiters: { pattern: RegExp; resolve: (match: RegExpExecArray) => void }[] = [];
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    for (const waiter of [...waiters]) {
      const match = waiter.pattern.exec(output);
      if (match) {
        output = output.slice(match.index + match[0].length);
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(match);
      }
    }
  });
  const next = (pattern: RegExp) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      waiters.push({ pattern, resolve });
      child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
    });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { child, next, exited };
}

async function main(): Promise<void> {
  const durationSeconds = option('duration', 5);
  const connections = option('connections', 10);
  const rounds = option('rounds', 5);
  // `--page 0`: the feed records but no page is open (tells the feed's cost from the streaming's).
  const withPage = option('page', 1) !== 0;
  const scenario = SCENARIOS[2];
  const outdir = synthBenchStack(join(mkdtempSync(join(tmpdir(), 'portico-dashboard-bench-')), 'cdk.out'));

  const measure = async (mode: 'on' | 'off') => {
    const server = start('dashboard-server.ts', [outdir, mode]);
    const port = Number((await server.next(/READY (\d+)/))[1]);
    const base = `http://127.0.0.1:${port}`;
    const url = `${base}/${BENCH_STAGE}${scenario.path}`;
    const headers = { ...scenario.headers };
    try {
      await runLoad(url, { connections, durationSeconds: 2, headers });
      const page = mode === 'on' && withPage ? start('dashboard-page.ts', [base]) : undefined;
      await page?.next(/READY/);
      const cpu = server.next(/CPU (\d+)/);
      server.child.kill('SIGUSR2');
      const cpuBefore = Number((await cpu)[1]);
      const result = await runLoad(url, { connections, durationSeconds, headers });
      const cpuAfterLine = server.next(/CPU (\d+)/);
      server.child.kill('SIGUSR2');
      const cpuMicros = Number((await cpuAfterLine)[1]) - cpuBefore;
      let seen: string | undefined;
      if (page) {
        const counts = page.next(/PAGE (\d+) (\d+)/);
        page.child.kill('SIGTERM');
        const match = await counts;
        seen = `${match[1]} requests in ${match[2]} events`;
      }
      return { result, cpuPerRequest: cpuMicros / result.total, seen };
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  };

  const throughput: number[] = [];
  const cpu: number[] = [];
  console.log(`scenario: ${scenario.name}; ${connections} connections, ${durationSeconds} s per run, ${rounds} rounds`);
  for (let round = 1; round <= rounds; round++) {
    const off = await measure('off');
    const on = await measure('on');
    throughput.push(on.result.requestsPerSecond / off.result.requestsPerSecond);
    cpu.push(on.cpuPerRequest / off.cpuPerRequest);
    console.log(
      `round ${round}: without ${off.result.requestsPerSecond.toFixed(0)} req/s, ${off.cpuPerRequest.toFixed(0)} µs CPU/req; ` +
        `with the dashboard streaming ${on.result.requestsPerSecond.toFixed(0)} req/s, ${on.cpuPerRequest.toFixed(0)} µs CPU/req ` +
        `(${on.seen ? `the page got ${on.seen}` : 'no page open'}); non-2xx ${off.result.non2xx}/${on.result.non2xx}`,
    );
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  console.log(`median throughput ratio (with / without): ${median(throughput).toFixed(3)}`);
  console.log(`median server CPU per request ratio (with / without): ${median(cpu).toFixed(3)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
