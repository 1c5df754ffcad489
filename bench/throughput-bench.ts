/**
 * Benchmark 3: request throughput and latency over HTTP (autocannon) for each scenario of bench-stack.ts,
 * each measured next to a bare Node `http` server returning the same body, in the same run, so the ratio
 * compares like with like on a shared machine. Every target runs in its own process; the emulator serves a
 * synthesized cloud assembly, as `portico serve` does.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_STAGE, SCENARIOS, synthBenchStack } from './bench-stack';
import { type LoadOptions, type LoadResult, runLoad } from './load';
import { spawnTarget } from './spawn-target';

export interface ThroughputRow {
  readonly scenario: string;
  readonly bare: LoadResult;
  /** Node.js handlers in worker threads (the default `lambdaMode`). */
  readonly emulator: LoadResult;
  /** Node.js handlers in-thread (`lambdaMode: 'in-thread'`), measured in the same round. */
  readonly inThread: LoadResult;
  /** Lines in the in-thread run's access-log file, when the scenario writes one. */
  readonly accessLogLines?: number;
  /** Responses autocannon counted in the in-thread run, warm-up and measured run together. */
  readonly answered: number;
}

export interface ThroughputSettings {
  readonly connections: number;
  readonly durationSeconds?: number;
  /** Requests per run instead of a duration (quick runs). */
  readonly amount?: number;
  readonly warmupSeconds: number;
  /**
   * Side-by-side pairs (bare Node, then the emulator) per scenario; the pair with the median ratio is reported,
   * which steadies the ratio on a machine shared with other work. @default 1
   */
  readonly rounds?: number;
}

async function measure(
  script: string,
  args: string[],
  path: string,
  settings: ThroughputSettings,
  headers: Record<string, string>,
  env: Record<string, string> = {},
) {
  const target = await spawnTarget(script, args, env);
  try {
    const url = `http://127.0.0.1:${target.port}${path}`;
    const load: LoadOptions = {
      connections: settings.connections,
      durationSeconds: settings.durationSeconds,
      amount: settings.amount,
      headers,
    };
    // Warm-up: worker threads started, handlers loaded, JIT settled, the authorizer's answer cached.
    const warmup =
      settings.warmupSeconds > 0
        ? await runLoad(url, { ...load, durationSeconds: settings.warmupSeconds, amount: undefined })
        : await runLoad(url, { ...load, amount: 100, durationSeconds: undefined });
    return { warmup, result: await runLoad(url, load) };
  } finally {
    await target.stop();
  }
}

export async function benchThroughput(
  settings: ThroughputSettings,
  log: (line: string) => void,
): Promise<ThroughputRow[]> {
  const rows: ThroughputRow[] = [];
  const workDir = mkdtempSync(join(tmpdir(), 'portico-bench-'));
  const assemblies = new Map<boolean, string>();
  for (const accessLog of [false, true]) {
    assemblies.set(
      accessLog,
      synthBenchStack(join(workDir, accessLog ? 'cdk.out-access-log' : 'cdk.out'), { accessLog }),
    );
  }
  for (const [index, scenario] of SCENARIOS.entries()) {
    const pairs: {
      bare: LoadResult;
      emulator: LoadResult;
      inThread: LoadResult;
      warmup: LoadResult;
      logFile?: string;
    }[] = [];
    for (let round = 0; round < (settings.rounds ?? 1); round++) {
      const { result: bare } = await measure('bare-server.ts', [], '/', settings, {});
      const emulatorRun = async (mode: 'worker' | 'in-thread') => {
        const logFile = scenario.accessLog ? join(workDir, `access-${index}-${round}-${mode}.log`) : undefined;
        const args = [assemblies.get(scenario.accessLog)!, ...(logFile ? [logFile] : [])];
        const path = `/${BENCH_STAGE}${scenario.path}`;
        const run = await measure(
          'emulator-server.ts',
          args,
          path,
          settings,
          { ...scenario.headers },
          {
            BENCH_LAMBDA_MODE: mode,
          },
        );
        return { ...run, logFile };
      };
      const { result: emulator } = await emulatorRun('worker');
      const { warmup, result: inThread, logFile } = await emulatorRun('in-thread');
      pairs.push({ bare, emulator, inThread, warmup, logFile });
    }
    // A whole round is reported, never numbers from different rounds: the one with the median in-thread ratio.
    const ratioOf = (pair: (typeof pairs)[number]) => pair.inThread.requestsPerSecond / pair.bare.requestsPerSecond;
    pairs.sort((a, b) => ratioOf(a) - ratioOf(b));
    const { bare, emulator, inThread, warmup, logFile } = pairs[Math.floor(pairs.length / 2)];
    const accessLogLines = logFile ? readFileSync(logFile, 'utf8').split('\n').filter(Boolean).length : undefined;
    const ratio = (result: LoadResult) => (result.requestsPerSecond / bare.requestsPerSecond).toFixed(2);
    log(
      `  ${scenario.name}: bare ${bare.requestsPerSecond.toFixed(0)} req/s; worker ${emulator.requestsPerSecond.toFixed(0)} ` +
        `(p99 ${emulator.p99} ms, ${ratio(emulator)}×); in-thread ${inThread.requestsPerSecond.toFixed(0)} ` +
        `(p99 ${inThread.p99} ms, ${ratio(inThread)}×)`,
    );
    rows.push({
      scenario: scenario.name,
      bare,
      emulator,
      inThread,
      answered: warmup.total + inThread.total,
      ...(accessLogLines === undefined ? {} : { accessLogLines }),
    });
  }
  return rows;
}

export function throughputTable(rows: readonly ThroughputRow[]): string {
  return [
    '| scenario | bare Node req/s | bare p99 ms | worker req/s | worker p99 ms | worker ÷ bare | in-thread req/s | in-thread p50 ms | in-thread p99 ms | in-thread ÷ bare | non-2xx |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      ({ scenario, bare, emulator, inThread }) =>
        `| ${scenario} | ${bare.requestsPerSecond.toFixed(0)} | ${bare.p99} | ` +
        `${emulator.requestsPerSecond.toFixed(0)} | ${emulator.p99} | ${(emulator.requestsPerSecond / bare.requestsPerSecond).toFixed(2)} | ` +
        `${inThread.requestsPerSecond.toFixed(0)} | ${inThread.p50} | ${inThread.p99} | ${(inThread.requestsPerSecond / bare.requestsPerSecond).toFixed(2)} | ` +
        `${emulator.non2xx + emulator.errors + inThread.non2xx + inThread.errors} |`,
    ),
  ].join('\n');
}
