/**
 * `npm run bench`: every benchmark in sequence, printed as tables and written to bench/results.md with the
 * machine's cores and memory. Nothing here runs inside `npm test` (test/bench-smoke.test.ts runs `--quick`).
 *
 *   tsx bench/run.ts [--quick] [--only synth,startup,throughput,inprocess,offline] [--out file.md]
 *
 * 1 synth: Portico vs plain aws-cdk-lib for N routes, and the N where plain CDK stops synthesizing.
 * 2 startup: the emulator starting from cdk.out (1000 routes), and its memory.
 * 3 throughput: autocannon against the emulator, scenario by scenario, next to a bare Node server.
 * 4 inprocess: `LocalGateway.fetch` per request; routing cost as route tables grow.
 * 5 offline: the trivial scenario through serverless-offline, when it is installed (offline-bench.ts).
 *
 * Environment: BENCH_DURATION (s per run, default 10), BENCH_CONNECTIONS (default 50), BENCH_INPROCESS
 * (sequential requests per in-process scenario, default 20000), BENCH_SLS_DIR (serverless install).
 * With --only, results.md is left alone unless --out names a file.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchInProcess, type InProcessResult, inProcessTables } from './in-process-bench';
import { machineLine } from './machine';
import { benchOffline, type OfflineResult, offlineTable } from './offline-bench';
import { benchStartup, type StartupResult, startupTable } from './startup-bench';
import { benchSynth, type PlainCdkLimit, plainCdkLimit, type SynthRow, synthTable } from './synth-bench';
import { benchThroughput, type ThroughputRow, type ThroughputSettings, throughputTable } from './throughput-bench';

const SECTIONS = ['synth', 'startup', 'throughput', 'inprocess', 'offline'] as const;
type Section = (typeof SECTIONS)[number];

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index === -1 ? undefined : process.argv[index + 1];
}

const quick = process.argv.includes('--quick');
const only = argument('--only');
const sections: readonly Section[] = only ? (only.split(',') as Section[]) : SECTIONS;
for (const section of sections) if (!SECTIONS.includes(section)) throw new Error(`unknown section "${section}"`);
const out = argument('--out') ?? (only ? undefined : join(__dirname, 'results.md'));

const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const settings: ThroughputSettings = quick
  ? { connections: 10, amount: 300, warmupSeconds: 0 }
  : { connections, durationSeconds: Number(process.env.BENCH_DURATION ?? 10), warmupSeconds: 2 };
const routeCounts = quick ? [20] : [100, 500, 1000, 2000];
const startupRoutes = quick ? 20 : 1000;
const inProcessRequests = quick ? 200 : Number(process.env.BENCH_INPROCESS ?? 20_000);

const log = (line: string) => console.log(line);

const yes = (ok: boolean) => (ok ? 'met' : '**not met**');

function synthSection(rows: readonly SynthRow[], limit: PlainCdkLimit | undefined): string {
  const constant = new Set(rows.map((row) => row.portico.resources)).size === 1;
  const worst = Math.max(...rows.map((row) => row.portico.ms / row.plain.ms));
  return [
    '## 1. Synth time and resource count',
    '',
    'The route tables of `bench/route-tree.ts` (40 services, shared prefixes, path variables, a greedy route per',
    'service, four Lambda authorizers, public and API-key routes), written with Portico and with plain aws-cdk-lib',
    '`RestApi` (`bench/large-stacks.ts`), bundling off in both, plain CDK with its 500-resource check off',
    '(`@aws-cdk/core:stackResourceLimit: 0`). Build + synth time in a fresh process after a small warm-up synth;',
    'the median of the runs is shown, Portico and plain CDK alternating.',
    '',
    synthTable(rows),
    '',
    `- Portico ≤ 1.2× plain CDK: ${yes(worst <= 1.2)} (worst ratio ${worst.toFixed(2)}×).`,
    `- Portico's resource count constant in N: ${yes(constant)} (${[...new Set(rows.map((row) => row.portico.resources))].join(', ')}).`,
    limit
      ? `- Plain CDK with its default checks synthesizes at most **${limit.maxRoutes} routes** of this table ` +
        `(${limit.resources} resources); one more route fails: \`${limit.error}\`.`
      : '- Plain CDK limit: not searched in this run.',
  ].join('\n');
}

function startupSection(result: StartupResult): string {
  return [
    '## 2. Emulator start from cdk.out',
    '',
    `Median of ${result.runs} fresh processes: \`LocalGateway.fromAssembly\` + \`serveGateway\` on a synthesized`,
    `${result.routes}-route gateway. Process start (Node, tsx, module loading) is shown apart; the first request starts the`,
    'Lambda worker threads (a cold start).',
    '',
    startupTable(result),
    '',
    `- Start ≤ 1 s: ${yes(result.startMs <= 1000)}.`,
  ].join('\n');
}

function throughputSection(rows: readonly ThroughputRow[]): string {
  const full = rows[rows.length - 1];
  const ratio = full.emulator.requestsPerSecond / full.bare.requestsPerSecond;
  const lost = rows.filter((row) => row.accessLogLines !== undefined);
  return [
    '## 3. Request throughput and latency over HTTP',
    '',
    `autocannon, ${settings.connections} connections, ${settings.amount === undefined ? `${settings.durationSeconds} s` : `${settings.amount} requests`} per run after a ` +
      `${settings.warmupSeconds} s warm-up, each target in its own process; the bare Node server is measured right before`,
    'each scenario. Scenarios add one step each (`bench/bench-stack.ts`).',
    '',
    throughputTable(rows),
    '',
    ...lost.map(
      (row) =>
        `- "${row.scenario}" wrote ${row.accessLogLines} access-log lines; autocannon counted ${row.answered} answers ` +
        '(warm-up and run; requests still in flight when a run stops are answered and logged but not counted).',
    ),
    `- Everything on ≥ 0.5× bare Node: ${yes(ratio >= 0.5)} (${ratio.toFixed(2)}×); p99 ≤ 10 ms: ${yes(full.emulator.p99 <= 10)} (${full.emulator.p99} ms).`,
  ].join('\n');
}

function inProcessSection(result: InProcessResult): string {
  const worst = Math.max(...result.perScenario.map((row) => row.msPerRequest));
  const small = result.routing[0];
  const large = result.routing[result.routing.length - 1];
  const growth = large.sameRequestsMicros / small.sameRequestsMicros;
  return [
    '## 4. In-process cost',
    '',
    inProcessTables(result),
    '',
    `- \`LocalGateway.fetch\` ≤ 0.2 ms per request: ${yes(worst <= 0.2)} (slowest scenario ${worst.toFixed(3)} ms).`,
    `- Routing does not grow linearly with routes: ${yes(growth < large.routes / small.routes / 4)} ` +
      `(${large.routes / small.routes}× the routes, ${growth.toFixed(2)}× the time for the same requests).`,
  ].join('\n');
}

function offlineSection(result: OfflineResult, rows: readonly ThroughputRow[] | undefined): string {
  return ['## 5. serverless-offline', '', offlineTable(result, rows?.[0]?.emulator)].join('\n');
}

async function main(): Promise<void> {
  const machine = machineLine();
  const started = new Date();
  log(`Portico benchmarks${quick ? ' (quick)' : ''}: ${machine}`);
  const parts: string[] = [];
  let throughputRows: ThroughputRow[] | undefined;
  for (const section of sections) {
    const sectionStart = performance.now();
    log(`\n[${section}]`);
    switch (section) {
      case 'synth': {
        const rows = await benchSynth(routeCounts, log);
        const limit = quick ? undefined : await plainCdkLimit();
        parts.push(synthSection(rows, limit));
        break;
      }
      case 'startup':
        parts.push(startupSection(await benchStartup(startupRoutes, quick ? 1 : 5)));
        break;
      case 'throughput':
        throughputRows = await benchThroughput(settings, log);
        parts.push(throughputSection(throughputRows));
        break;
      case 'inprocess':
        parts.push(inProcessSection(await benchInProcess(inProcessRequests, quick)));
        break;
      case 'offline':
        parts.push(offlineSection(await benchOffline(settings), throughputRows));
        break;
    }
    log(parts[parts.length - 1]);
    log(`(${section}: ${((performance.now() - sectionStart) / 1000).toFixed(0)} s)`);
  }
  const report = [
    '# Benchmark results',
    '',
    `Machine: ${machine}.`,
    `Run: \`npm run bench\`${quick ? ' --quick' : ''}, ${started.toISOString()}, ${((Date.now() - started.getTime()) / 60_000).toFixed(1)} min.`,
    'Other work may share the CPU during a run; every comparison (Portico vs plain CDK, emulator vs bare Node) is',
    'measured in the same run, close together, so ratios are more trustworthy than absolute numbers.',
    '',
    ...parts.flatMap((part) => [part, '']),
  ].join('\n');
  if (out) {
    writeFileSync(out, report);
    log(`\nwritten to ${out}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
