/**
 * Throughput with the dashboard open and streaming vs without it (issue 12: within 10%).
 * `npx tsx bench/dashboard-bench.ts [--duration 10] [--connections 10] [--rounds 3]`
 *
 * Each round runs the same scenario of bench-stack.ts (cached Lambda authorizer + API key and usage plan)
 * against two fresh server processes: one without the dashboard, one with it and a client that does what
 * the open page does — reads the server-sent event stream and, per batch of requests, reloads the live
 * numbers of a view (routes with p50/p99). Rounds alternate off/on so drift on a shared machine hits both;
 * the report gives each round's ratio and the median.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_STAGE, buildBenchStack, SCENARIOS } from './bench-stack';
import { runLoad } from './load';
import { spawnTarget } from './spawn-target';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
}

/** The open page: follows the event stream and refetches a view per batch. Returns a stop function and counts. */
function openDashboard(base: string) {
  const controller = new AbortController();
  const counts = { batches: 0, requests: 0, refetches: 0 };
  const done = (async () => {
    const response = await fetch(`${base}/_portico/api/events`, { signal: controller.signal });
    const reader = response.body!.getReader();
    let buffered = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffered += Buffer.from(value).toString('utf8');
      let end = buffered.indexOf('\n\n');
      while (end >= 0) {
        const event = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        const data = /^event: requests\ndata: (.*)$/m.exec(event);
        if (data) {
          counts.batches += 1;
          counts.requests += (JSON.parse(data[1]) as { requests: unknown[] }).requests.length;
          counts.refetches += 1;
          await (await fetch(`${base}/_portico/api/routes`)).json();
        }
        end = buffered.indexOf('\n\n');
      }
    }
  })().catch(() => undefined);
  return {
    counts,
    stop: async () => {
      controller.abort();
      await done;
    },
  };
}

async function main(): Promise<void> {
  const durationSeconds = option('duration', 10);
  const connections = option('connections', 10);
  const rounds = option('rounds', 3);
  const scenario = SCENARIOS[2];
  const outdir = join(mkdtempSync(join(tmpdir(), 'portico-dashboard-bench-')), 'cdk.out');
  (buildBenchStack({ accessLog: false, outdir }).node.root as unknown as { synth(): unknown }).synth();

  const measure = async (mode: 'on' | 'off') => {
    const target = await spawnTarget('dashboard-server.ts', [outdir, mode]);
    const base = `http://127.0.0.1:${target.port}`;
    const url = `${base}/${BENCH_STAGE}${scenario.path}`;
    try {
      await runLoad(url, { connections, durationSeconds: 2, headers: { ...scenario.headers } });
      const page = mode === 'on' ? openDashboard(base) : undefined;
      const result = await runLoad(url, { connections, durationSeconds, headers: { ...scenario.headers } });
      await page?.stop();
      return { result, page: page?.counts };
    } finally {
      await target.stop();
    }
  };

  const ratios: number[] = [];
  console.log(`scenario: ${scenario.name}; ${connections} connections, ${durationSeconds} s per run, ${rounds} rounds`);
  for (let round = 1; round <= rounds; round++) {
    const off = await measure('off');
    const on = await measure('on');
    const ratio = on.result.requestsPerSecond / off.result.requestsPerSecond;
    ratios.push(ratio);
    console.log(
      `round ${round}: without ${off.result.requestsPerSecond.toFixed(0)} req/s (p99 ${off.result.p99} ms), ` +
        `with the dashboard streaming ${on.result.requestsPerSecond.toFixed(0)} req/s (p99 ${on.result.p99} ms), ` +
        `ratio ${ratio.toFixed(3)}; the page got ${on.page?.requests} requests in ${on.page?.batches} events` +
        `, non-2xx ${off.result.non2xx}/${on.result.non2xx}`,
    );
  }
  const sorted = [...ratios].sort((a, b) => a - b);
  console.log(`median ratio (with / without): ${sorted[Math.floor(sorted.length / 2)].toFixed(3)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
