/**
 * Benchmark 7: the per-request budget the throughput targets leave on this machine. A bare Node server that
 * spins a fixed number of microseconds per request (BENCH_BARE_WORK_US) is measured next to the plain bare server
 * and Portico (plain route and full pipeline, in-thread), all in one run; the gateway's own work per request
 * is measured without HTTP (`LocalGateway.handle`, handle-cost-target.ts). Where the spinning server's ratio
 * crosses 0.5× and 0.6× says how much work per request a server may do here and still meet those targets.
 * Last, the plain route served by two whole gateway processes (gateway-processes-server.ts, an experiment with
 * per-process state) shows what spreading the gateway over cores would buy here (decision 0026).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_STAGE, FULL_PIPELINE_HEADERS, synthBenchStack } from './bench-stack';
import { runStep } from './child';
import type { LoadResult } from './load';
import { measureTarget } from './spawn-target';

export interface BudgetSettings {
  readonly seconds: number;
  /** Microseconds of work per request of the spinning bare servers. */
  readonly workLevels: readonly number[];
  /** Requests per run of the in-process measurement. */
  readonly handleRequests: number;
}

export interface BudgetRow {
  readonly target: string;
  /** Work per request: spun (bare) or measured without HTTP (Portico). */
  readonly workMicros: number;
  readonly load: LoadResult;
}

export interface BudgetResult {
  readonly bare: LoadResult;
  readonly rows: readonly BudgetRow[];
  /** Work per request at which a server reaches 0.5× and 0.6× bare here (interpolated), when the levels span it. */
  readonly budgetAtHalf?: number;
  readonly budgetAtSixTenths?: number;
}

function measure(
  script: string,
  args: string[],
  path: string,
  seconds: number,
  headers: Record<string, string> = {},
  env: Record<string, string> = {},
): Promise<LoadResult> {
  const run = { connections: 50, durationSeconds: seconds, headers };
  return measureTarget(script, args, path, { warmUp: { ...run, durationSeconds: Math.min(2, seconds) }, run }, env);
}

/** The work per request at which the ratio falls to `ratio`, linear between the two levels around it. */
export function budgetAt(points: readonly { workMicros: number; ratio: number }[], ratio: number): number | undefined {
  const sorted = [...points].sort((a, b) => a.workMicros - b.workMicros);
  for (let i = 1; i < sorted.length; i++) {
    const [a, b] = [sorted[i - 1], sorted[i]];
    if (a.ratio >= ratio && b.ratio <= ratio && a.ratio !== b.ratio) {
      return a.workMicros + ((a.ratio - ratio) / (a.ratio - b.ratio)) * (b.workMicros - a.workMicros);
    }
  }
  return undefined;
}

export async function benchBudget(settings: BudgetSettings, log: (line: string) => void): Promise<BudgetResult> {
  const workDir = mkdtempSync(join(tmpdir(), 'portico-bench-budget-'));
  const plainAssembly = synthBenchStack(join(workDir, 'cdk.out'));
  const fullAssembly = synthBenchStack(join(workDir, 'cdk.out-access-log'), { accessLog: true });
  const cost = await runStep<{ plainMicros: number; fullMicros: number }>('handle-cost-target.ts', [
    String(settings.handleRequests),
  ]);
  log(`  without HTTP: plain ${cost.plainMicros.toFixed(1)} µs, full ${cost.fullMicros.toFixed(1)} µs per request`);

  const bare = await measure('bare-server.ts', [], '/', settings.seconds);
  const rows: BudgetRow[] = [];
  for (const workMicros of settings.workLevels) {
    const load = await measure(
      'bare-server.ts',
      [],
      '/',
      settings.seconds,
      {},
      { BENCH_BARE_WORK_US: String(workMicros) },
    );
    rows.push({ target: `bare Node + ${workMicros} µs of work`, workMicros, load });
    log(
      `  bare + ${workMicros} µs: ${load.requestsPerSecond.toFixed(0)} req/s (${(load.requestsPerSecond / bare.requestsPerSecond).toFixed(2)}×)`,
    );
  }
  const inThread = { BENCH_LAMBDA_MODE: 'in-thread' };
  const plain = await measure(
    'emulator-server.ts',
    [plainAssembly],
    `/${BENCH_STAGE}/plain`,
    settings.seconds,
    {},
    inThread,
  );
  rows.push({ target: 'Portico, plain route', workMicros: cost.plainMicros, load: plain });
  const full = await measure(
    'emulator-server.ts',
    [fullAssembly, join(workDir, 'access.log')],
    `/${BENCH_STAGE}/keyed`,
    settings.seconds,
    { ...FULL_PIPELINE_HEADERS },
    inThread,
  );
  rows.push({ target: 'Portico, full pipeline', workMicros: cost.fullMicros, load: full });
  // The experiment of decision 0026: the same gateway, whole, in two processes sharing the port.
  const twoProcesses = await measure(
    'gateway-processes-server.ts',
    [plainAssembly, '2'],
    `/${BENCH_STAGE}/plain`,
    settings.seconds,
  );
  rows.push({
    target: 'Portico, plain route, 2 gateway processes (experiment)',
    workMicros: cost.plainMicros,
    load: twoProcesses,
  });
  log(
    `  Portico plain ${plain.requestsPerSecond.toFixed(0)}, full ${full.requestsPerSecond.toFixed(0)}, plain in 2 processes ` +
      `${twoProcesses.requestsPerSecond.toFixed(0)} req/s; bare ${bare.requestsPerSecond.toFixed(0)}`,
  );
  const spun = [
    { workMicros: 0, ratio: 1 },
    ...rows
      .filter((row) => row.target.startsWith('bare'))
      .map((row) => ({ workMicros: row.workMicros, ratio: row.load.requestsPerSecond / bare.requestsPerSecond })),
  ];
  return { bare, rows, budgetAtHalf: budgetAt(spun, 0.5), budgetAtSixTenths: budgetAt(spun, 0.6) };
}

export function budgetTable(result: BudgetResult): string {
  const ratio = (load: LoadResult) => (load.requestsPerSecond / result.bare.requestsPerSecond).toFixed(2);
  return [
    '| target | work per request | req/s | p99 ms | ÷ bare |',
    '|---|---:|---:|---:|---:|',
    `| bare Node | 0 µs | ${result.bare.requestsPerSecond.toFixed(0)} | ${result.bare.p99} | 1.00 |`,
    ...result.rows.map(
      (row) =>
        `| ${row.target} | ${row.workMicros.toFixed(row.target.startsWith('bare') ? 0 : 1)} µs${row.target.startsWith('bare') ? ' (spun)' : ' (measured without HTTP)'} | ` +
        `${row.load.requestsPerSecond.toFixed(0)} | ${row.load.p99} | ${ratio(row.load)} |`,
    ),
  ].join('\n');
}
