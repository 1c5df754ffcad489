/**
 * `npm run bench`: every benchmark in sequence, printed as tables and written to bench/results.md with the
 * machine's cores and memory. Nothing here runs inside `npm test` (test/bench-smoke.test.ts runs `--quick`).
 *
 *   tsx bench/run.ts [--quick] [--only synth,startup,throughput,inprocess,offline,scaling,budget] [--out file.md]
 *
 * 1 synth: Portico vs plain aws-cdk-lib for N routes, and the N where plain CDK stops synthesizing.
 * 2 startup: the emulator starting from cdk.out (1000 routes), and its memory.
 * 3 throughput: autocannon against the emulator, scenario by scenario, next to a bare Node server.
 * 4 inprocess: `LocalGateway.fetch` per request; routing cost as route tables grow.
 * 5 offline: the trivial scenario through serverless-offline, when it is installed, next to Portico (offline-bench.ts).
 * 6 scaling: 1/10/50/200 connections (table + bench/connections.svg), request bodies, 1 vs 20 hot functions, RSS
 *   over 100,000 requests (scaling-bench.ts).
 * 7 budget: bare Node servers spinning 10-80 µs per request next to Portico, and the gateway's own work per request
 *   without HTTP: the per-request budget the throughput targets leave on this machine (budget-bench.ts).
 *
 * Environment: BENCH_DURATION (s per run, default 10), BENCH_CONNECTIONS (default 50), BENCH_INPROCESS
 * (sequential requests per in-process scenario, default 20000), BENCH_SLS_DIR (serverless install), BENCH_SCALING_DURATION
 * (s per scaling run, default 5), BENCH_ROUNDS (side-by-side pairs per throughput scenario, median reported; default 1).
 * With --only, results.md is left alone unless --out names a file.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BudgetResult, type BudgetSettings, benchBudget, budgetTable } from './budget-bench';
import { benchInProcess, type InProcessResult, inProcessTables } from './in-process-bench';
import { benchLambdaMode } from './lambda-mode';
import { machineLine } from './machine';
import { benchOffline, type OfflineResult, offlineTable } from './offline-bench';
import {
  benchScaling,
  bodiesTable,
  connectionsTable,
  hotFunctionsTable,
  type ScalingResult,
  type ScalingSettings,
  writeChart,
} from './scaling-bench';
import { benchStartup, type StartupResult, startupTable } from './startup-bench';
import { benchSynth, type PlainCdkLimit, plainCdkLimit, type SynthRow, synthTable } from './synth-bench';
import { benchThroughput, type ThroughputRow, type ThroughputSettings, throughputTable } from './throughput-bench';

const SECTIONS = ['synth', 'startup', 'throughput', 'inprocess', 'offline', 'scaling', 'budget'] as const;
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
  : {
      connections,
      durationSeconds: Number(process.env.BENCH_DURATION ?? 10),
      warmupSeconds: 2,
      rounds: Number(process.env.BENCH_ROUNDS ?? 1),
    };
const routeCounts = quick ? [20] : [100, 500, 1000, 2000];
const startupRoutes = quick ? 20 : 1000;
const inProcessRequests = quick ? 200 : Number(process.env.BENCH_INPROCESS ?? 20_000);

const scalingSettings: ScalingSettings = quick
  ? { connectionLevels: [1, 10], seconds: 1, bodySizes: [1024], memoryRequests: 1000 }
  : {
      connectionLevels: [1, 10, 50, 200],
      seconds: Number(process.env.BENCH_SCALING_DURATION ?? 5),
      bodySizes: [1024, 100 * 1024, 5 * 2 ** 20],
      memoryRequests: 100_000,
    };
const chartFile = join(__dirname, 'connections.svg');
const budgetSettings: BudgetSettings = quick
  ? { seconds: 1, workLevels: [20], handleRequests: 500 }
  : {
      seconds: Number(process.env.BENCH_SCALING_DURATION ?? 5),
      workLevels: [10, 20, 40, 80],
      handleRequests: 50_000,
    };

const log = (line: string) => console.log(line);

/** One line per target of issue 15, collected from the sections that ran, printed last and written last. */
const targets: string[] = [];

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
  const ratio = full.inThread.requestsPerSecond / full.bare.requestsPerSecond;
  const workerRatio = full.emulator.requestsPerSecond / full.bare.requestsPerSecond;
  const plain = rows[0];
  const plainRatio = plain.inThread.requestsPerSecond / plain.bare.requestsPerSecond;
  const plainWorkerRatio = plain.emulator.requestsPerSecond / plain.bare.requestsPerSecond;
  targets.push(
    `Full pipeline ≥ 0.5× bare at ${settings.connections} connections (in-thread): ${yes(ratio >= 0.5)} (${ratio.toFixed(2)}×; worker threads ${workerRatio.toFixed(2)}×)`,
    `Full pipeline p99 ≤ 10 ms (in-thread): ${yes(full.inThread.p99 <= 10)} (${full.inThread.p99} ms; worker threads ${full.emulator.p99} ms)`,
    `Plain proxy route ≥ 0.6× bare (in-thread): ${yes(plainRatio >= 0.6)} (${plainRatio.toFixed(2)}×; worker threads ${plainWorkerRatio.toFixed(2)}×)`,
  );
  const lost = rows.filter((row) => row.accessLogLines !== undefined);
  return [
    '## 3. Request throughput and latency over HTTP',
    '',
    `autocannon, ${settings.connections} connections, ${settings.amount === undefined ? `${settings.durationSeconds} s` : `${settings.amount} requests`} per run after a ` +
      `${settings.warmupSeconds} s warm-up, each target in its own process; the bare Node server is measured right before`,
    `each scenario${(settings.rounds ?? 1) > 1 ? `, ${settings.rounds} pairs per scenario of which the one with the median ratio is shown` : ''}. ` +
      'Scenarios add one step each (`bench/bench-stack.ts`). Each round measures Node.js handlers in worker threads',
    "(the default) and in-thread (`lambdaMode: 'in-thread'`), each in a fresh process.",
    '',
    throughputTable(rows),
    '',
    ...lost.map(
      (row) =>
        `- "${row.scenario}" wrote ${row.accessLogLines} access-log lines; autocannon counted ${row.answered} answers ` +
        '(warm-up and run; requests still in flight when a run stops are answered and logged but not counted).',
    ),
    `- Everything on ≥ 0.5× bare Node, in-thread: ${yes(ratio >= 0.5)} (${ratio.toFixed(2)}×); p99 ≤ 10 ms: ${yes(full.inThread.p99 <= 10)} (${full.inThread.p99} ms).`,
    `- Worker threads (the default mode), same rounds: ${workerRatio.toFixed(2)}× bare, p99 ${full.emulator.p99} ms.`,
  ].join('\n');
}

function inProcessSection(result: InProcessResult): string {
  const worst = Math.max(...result.perScenario.map((row) => row.msPerRequest));
  const full = result.perScenario[result.perScenario.length - 1];
  targets.push(
    `In-process LocalGateway.fetch ≤ 0.1 ms/request, full pipeline: ${yes(full.msPerRequest <= 0.1)} (${full.msPerRequest.toFixed(3)} ms)`,
  );
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

function scalingSection(result: ScalingResult): string {
  const growth = result.memory.rssAfterMb - result.memory.rssAfterWarmupMb;
  const heapGrowth = result.memory.heapAfterMb - result.memory.heapAfterWarmupMb;
  const fifty = result.connections.find((row) => row.connections === 50);
  targets.push(
    `RSS growth ≤ 20 MB over ${result.memory.requests.toLocaleString('en-US')} requests after warm-up (after GC): ` +
      `${yes(growth <= 20)} (${growth.toFixed(1)} MiB; heap used ${heapGrowth.toFixed(1)} MiB)`,
  );
  if (fifty) {
    const full = fifty.full.requestsPerSecond / fifty.bare.requestsPerSecond;
    targets.push(`(scaling run) full pipeline at 50 connections: ${full.toFixed(2)}× bare, p99 ${fifty.full.p99} ms`);
  }
  return [
    '## 6. How the cost grows',
    '',
    `Three targets side by side for the whole section, each in its own process: bare Node \`http\`, Portico on a plain`,
    'route (`/plain`, no access log) and Portico with the full pipeline (`/keyed`: cached Lambda authorizer, API key,',
    `usage plan under its throttle, JSON access log to a file); ${scalingSettings.seconds} s per run after a warm-up.`,
    '',
    '### Connections',
    '',
    connectionsTable(result.connections),
    '',
    '![req/s vs connections](connections.svg)',
    '',
    '### Request bodies (POST, echoed by the handler; 10 connections; binary bodies reach it base64-encoded)',
    '',
    bodiesTable(result.bodies),
    '',
    '### Hot functions (50 connections; 20 functions: each request to the next of `/fn/0` ... `/fn/19`)',
    '',
    hotFunctionsTable(result.hot),
    '',
    '### Memory',
    '',
    'The full-pipeline target, read after a full garbage collection (without one, RSS mostly says how far V8 let its',
    'old generation grow before the next collection):',
    '',
    '| after | RSS | heap used |',
    '|---|---:|---:|',
    `| everything above, then ${result.memory.warmupRequests.toLocaleString('en-US')} requests at 50 connections (the warm-up) | ${result.memory.rssAfterWarmupMb.toFixed(1)} MiB | ${result.memory.heapAfterWarmupMb.toFixed(1)} MiB |`,
    `| ${result.memory.requests.toLocaleString('en-US')} more requests at 50 connections | ${result.memory.rssAfterMb.toFixed(1)} MiB | ${result.memory.heapAfterMb.toFixed(1)} MiB |`,
    '',
    `RSS ${growth >= 0 ? '+' : ''}${growth.toFixed(1)} MiB, heap used ${heapGrowth >= 0 ? '+' : ''}${heapGrowth.toFixed(1)} MiB. ` +
      `Its access log holds ${result.memory.logLines} lines for ` +
      `${result.memory.answered} answers autocannon counted (requests in flight when a run stops are answered and logged, not counted).`,
  ].join('\n');
}

function budgetSection(result: BudgetResult): string {
  const micros = (value: number | undefined) =>
    value === undefined ? '? µs (not between the levels measured)' : `${value.toFixed(0)} µs`;
  const portico = result.rows.filter((row) => !row.target.startsWith('bare') && !row.target.includes('experiment'));
  const experiment = result.rows.find((row) => row.target.includes('experiment'));
  targets.push(
    `(budget) work per request a server may do here and still reach 0.5× bare: ${micros(result.budgetAtHalf)}; 0.6×: ` +
      `${micros(result.budgetAtSixTenths)}. Portico's own work without HTTP: ${portico.map((row) => `${row.target.replace('Portico, ', '')} ${row.workMicros.toFixed(0)} µs`).join(', ')}` +
      (experiment
        ? `. Plain route in 2 gateway processes (experiment): ${(experiment.load.requestsPerSecond / result.bare.requestsPerSecond).toFixed(2)}× bare`
        : ''),
  );
  return [
    '## 7. The per-request budget on this machine',
    '',
    `50 connections, ${budgetSettings.seconds} s per run after a warm-up, each target in its own process. The bare servers spin a fixed time`,
    "per request before answering; Portico's rows show its own work per request measured without HTTP",
    '(`LocalGateway.handle` from 50 concurrent callers, in-thread handlers, best of three runs).',
    '',
    budgetTable(result),
    '',
    `- 0.5× bare is reached by a server doing at most ${micros(result.budgetAtHalf)} of work per request; 0.6× by one doing at most ${micros(result.budgetAtSixTenths)}.`,
    '- The load generator shares the machine: a slower server leaves it idle between answers, and every answer then',
    '  pays for waking it, so per-request cost over HTTP grows faster than the work added (docs/performance.md).',
    '- The last row is an experiment, not a Portico mode: two whole gateways share the port, each with its own',
    '  usage-plan counters and authorizer cache (decision 0026: what a multi-core mode would have to share).',
  ].join('\n');
}

function offlineSection(result: OfflineResult): string {
  if (result.ran) {
    const times = result.portico.requestsPerSecond / result.offline.requestsPerSecond;
    targets.push(
      `≥ 10× serverless-offline on the same handler (plain route, in-thread, measured next to it): ` +
        `${times >= 10 ? 'met' : '**not met**'} (${times.toFixed(1)}×: ${result.portico.requestsPerSecond.toFixed(0)} vs ` +
        `${result.offline.requestsPerSecond.toFixed(0)} req/s)`,
    );
  }
  return ['## 5. serverless-offline', '', offlineTable(result)].join('\n');
}

async function main(): Promise<void> {
  const machine = machineLine();
  const started = new Date();
  log(
    `Portico benchmarks${quick ? ' (quick)' : ''}: ${machine}; scaling, memory and in-process with lambdaMode ${benchLambdaMode()}`,
  );
  const parts: string[] = [];
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
        parts.push(throughputSection(await benchThroughput(settings, log)));
        break;
      case 'inprocess':
        parts.push(inProcessSection(await benchInProcess(inProcessRequests, quick)));
        break;
      case 'offline':
        parts.push(offlineSection(await benchOffline(settings)));
        break;
      case 'budget':
        parts.push(budgetSection(await benchBudget(budgetSettings, log)));
        break;
      case 'scaling': {
        const result = await benchScaling(scalingSettings, log);
        if (out && !quick) writeChart(result.connections, chartFile);
        parts.push(scalingSection(result));
        break;
      }
    }
    log(parts[parts.length - 1]);
    log(`(${section}: ${((performance.now() - sectionStart) / 1000).toFixed(0)} s)`);
  }
  const summary = ['## Targets (issue 15)', '', ...targets.map((line) => `- ${line}`)].join('\n');
  log(`\n${summary}`);
  const report = [
    '# Benchmark results',
    '',
    `Machine: ${machine}. Scaling, memory and in-process sections: Node.js handlers with lambdaMode \`${benchLambdaMode()}\` (BENCH_LAMBDA_MODE); the throughput section measures both modes.`,
    `Run: \`npm run bench\`${quick ? ' --quick' : ''}, ${started.toISOString()}, ${((Date.now() - started.getTime()) / 60_000).toFixed(1)} min.`,
    'Other work may share the CPU during a run; every comparison (Portico vs plain CDK, emulator vs bare Node) is',
    'measured in the same run, close together, so ratios are more trustworthy than absolute numbers.',
    '',
    summary,
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
