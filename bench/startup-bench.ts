/**
 * Benchmark 2: emulator start from `cdk.out` for a 1000-route gateway (route-tree.ts), in fresh processes:
 * time to load the assembly and listen, the first request, and memory after start. Median of several starts.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runStep } from './child';

export interface StartupResult {
  readonly routes: number;
  readonly runs: number;
  /** Medians. */
  readonly startMs: number;
  readonly processStartMs: number;
  readonly firstRequestMs: number;
  readonly rssMb: number;
  readonly heapUsedMb: number;
}

interface StartupRun {
  readonly processStartMs: number;
  readonly startMs: number;
  readonly firstRequestMs: number;
  readonly firstStatus: number;
  readonly routes: number;
  readonly rssMb: number;
  readonly heapUsedMb: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function benchStartup(routes: number, runs: number): Promise<StartupResult> {
  const outdir = mkdtempSync(join(tmpdir(), 'portico-bench-cdk-out-'));
  await runStep('synth-target.ts', ['portico', String(routes), outdir]);
  const results: StartupRun[] = [];
  // "users" keeps its listing public (route-tree.ts), so the first request needs no credentials.
  for (let i = 0; i < runs; i++) results.push(await runStep<StartupRun>('startup-target.ts', [outdir, '/v1/users']));
  for (const run of results) {
    if (run.firstStatus !== 200 || run.routes !== routes) {
      throw new Error(`startup run served ${run.routes} routes and answered ${run.firstStatus}`);
    }
  }
  const pick = (key: keyof StartupRun) => median(results.map((run) => Number(run[key])));
  return {
    routes,
    runs,
    startMs: pick('startMs'),
    processStartMs: pick('processStartMs'),
    firstRequestMs: pick('firstRequestMs'),
    rssMb: pick('rssMb'),
    heapUsedMb: pick('heapUsedMb'),
  };
}

export function startupTable(result: StartupResult): string {
  return [
    '| routes | load cdk.out + listen | process start (Node, tsx, emulator modules) | first request (starts workers) | RSS after start | heap used after start |',
    '|---:|---:|---:|---:|---:|---:|',
    `| ${result.routes} | ${result.startMs.toFixed(0)} ms | ${result.processStartMs.toFixed(0)} ms | ` +
      `${result.firstRequestMs.toFixed(0)} ms | ${result.rssMb.toFixed(0)} MiB | ${result.heapUsedMb.toFixed(0)} MiB |`,
  ].join('\n');
}
