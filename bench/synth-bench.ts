/**
 * Benchmark 1: synth time and resource count for N routes, Portico against the same routes written with
 * plain aws-cdk-lib `RestApi` (bundling off in both; plain CDK with its 500-resource check off so it can
 * synthesize at all). Every measurement runs in a fresh process, the two tools alternating per N.
 */
import { runStep } from './child';

export interface SynthMeasurement {
  readonly tool: 'portico' | 'plain';
  readonly routes: number;
  readonly ms: number;
  readonly resources: number;
  readonly templateBytes: number;
  readonly placement?: string;
  readonly processedBytes?: number;
}

export interface SynthRow {
  readonly routes: number;
  /** Fresh-process runs per tool; the row shows the median. */
  readonly runs: number;
  readonly portico: SynthMeasurement;
  readonly plain: SynthMeasurement;
}

export interface PlainCdkLimit {
  readonly maxRoutes: number;
  readonly resources?: number;
  readonly error?: string;
}

/** Median by time of alternating runs: three where a run takes seconds, one where plain CDK takes a minute. */
export async function benchSynth(counts: readonly number[], log: (line: string) => void): Promise<SynthRow[]> {
  const rows: SynthRow[] = [];
  for (const routes of counts) {
    const runs = routes <= 500 ? 3 : 1;
    const portico: SynthMeasurement[] = [];
    const plain: SynthMeasurement[] = [];
    for (let i = 0; i < runs; i++) {
      portico.push(await runStep<SynthMeasurement>('synth-target.ts', ['portico', String(routes)]));
      plain.push(await runStep<SynthMeasurement>('synth-target.ts', ['plain', String(routes)]));
    }
    const row = { routes, runs, portico: median(portico), plain: median(plain) };
    log(
      `  ${routes} routes: Portico ${row.portico.ms.toFixed(0)} ms (${row.portico.resources} resources), ` +
        `plain CDK ${row.plain.ms.toFixed(0)} ms (${row.plain.resources} resources), ${runs} run(s) each`,
    );
    rows.push(row);
  }
  return rows;
}

function median(measurements: readonly SynthMeasurement[]): SynthMeasurement {
  return [...measurements].sort((a, b) => a.ms - b.ms)[Math.floor(measurements.length / 2)];
}

export function plainCdkLimit(): Promise<PlainCdkLimit> {
  return runStep<PlainCdkLimit>('plain-limit-target.ts');
}

export function synthTable(rows: readonly SynthRow[]): string {
  const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;
  return [
    '| routes | runs | Portico synth | plain CDK synth | Portico ÷ plain | Portico resources | plain CDK resources | Portico template file | Portico definition | processed template (est.) |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|',
    ...rows.map(
      ({ routes, runs, portico, plain }) =>
        `| ${routes} | ${runs} | ${(portico.ms / 1000).toFixed(2)} s | ${(plain.ms / 1000).toFixed(2)} s | ${(portico.ms / plain.ms).toFixed(2)}× | ` +
        `${portico.resources} | ${plain.resources} | ${kb(portico.templateBytes)} | ${portico.placement ?? '?'} | ` +
        `${portico.processedBytes === undefined ? '?' : kb(portico.processedBytes)} |`,
    ),
  ].join('\n');
}
