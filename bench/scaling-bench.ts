/**
 * Benchmark 6: how the cost grows, each emulator number next to a bare Node `http` server in the same run.
 * Three targets in their own processes for the whole section: bare Node, Portico on a plain route (`/plain`, no
 * access log) and Portico with everything on (`/keyed`: cached Lambda authorizer, API key, usage plan under its
 * throttle, JSON access log to a file).
 * - connections: 1, 10, 50, 200 for bare, plain and full, written as a table and as an SVG chart;
 * - bodies: 1 KB, 100 KB and 5 MB, text and binary, POSTed to an echo handler (10 connections);
 * - hot functions: one function vs 20 distinct functions, each behind its own route (50 connections);
 * - memory: RSS and heap used of the full-pipeline target after a full GC: after a warm-up of 20,000 requests at
 *   50 connections, then after 100,000 more.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_STAGE, FULL_PIPELINE_HEADERS, HOT_FUNCTIONS, synthBenchStack } from './bench-stack';
import { type LoadOptions, type LoadResult, runLoad } from './load';
import { spawnTarget, type Target } from './spawn-target';

export interface ScalingSettings {
  readonly connectionLevels: readonly number[];
  /** Seconds per measured run (every run is bounded by this). */
  readonly seconds: number;
  readonly bodySizes: readonly number[];
  /** Requests between the two RSS readings of the memory run. */
  readonly memoryRequests: number;
}

export interface ConnectionRow {
  readonly connections: number;
  readonly bare: LoadResult;
  readonly plain: LoadResult;
  readonly full: LoadResult;
}

export interface BodyRow {
  readonly bytes: number;
  readonly kind: 'text' | 'binary';
  readonly bare: LoadResult;
  readonly emulator: LoadResult;
}

export interface ScalingResult {
  readonly connections: readonly ConnectionRow[];
  readonly bodies: readonly BodyRow[];
  readonly hot: { readonly one: LoadResult; readonly twenty: LoadResult; readonly bare: LoadResult };
  readonly memory: {
    readonly requests: number;
    /** Requests of the same load just before the first reading. */
    readonly warmupRequests: number;
    readonly rssAfterWarmupMb: number;
    readonly rssAfterMb: number;
    readonly heapAfterWarmupMb: number;
    readonly heapAfterMb: number;
    readonly logLines: number;
    readonly answered: number;
  };
}

const mb = (bytes: number) => bytes / 2 ** 20;

export async function benchScaling(settings: ScalingSettings, log: (line: string) => void): Promise<ScalingResult> {
  const workDir = mkdtempSync(join(tmpdir(), 'portico-bench-scaling-'));
  const plainAssembly = synthBenchStack(join(workDir, 'cdk.out'));
  const fullAssembly = synthBenchStack(join(workDir, 'cdk.out-access-log'), { accessLog: true });
  const logFile = join(workDir, 'access.log');
  const bare = await spawnTarget('bare-server.ts');
  const plain = await spawnTarget('emulator-server.ts', [plainAssembly]);
  const full = await spawnTarget('emulator-server.ts', [fullAssembly, logFile]);
  const url = (target: Target, path: string) => `http://127.0.0.1:${target.port}${path}`;
  const seconds = settings.seconds;
  try {
    // Warm-up: workers started, handlers loaded, JIT settled, the authorizer's answer cached.
    const warm = { connections: 50, durationSeconds: Math.min(2, seconds) };
    await runLoad(url(bare, '/'), warm);
    await runLoad(url(plain, `/${BENCH_STAGE}/plain`), warm);
    const fullWarmup = await runLoad(url(full, `/${BENCH_STAGE}/keyed`), { ...warm, headers: FULL_PIPELINE_HEADERS });
    let fullAnswered = fullWarmup.total;

    const connections: ConnectionRow[] = [];
    for (const level of settings.connectionLevels) {
      const load: LoadOptions = { connections: level, durationSeconds: seconds };
      const bareResult = await runLoad(url(bare, '/'), load);
      const plainResult = await runLoad(url(plain, `/${BENCH_STAGE}/plain`), load);
      const fullResult = await runLoad(url(full, `/${BENCH_STAGE}/keyed`), { ...load, headers: FULL_PIPELINE_HEADERS });
      fullAnswered += fullResult.total;
      connections.push({ connections: level, bare: bareResult, plain: plainResult, full: fullResult });
      log(
        `  ${level} connections: bare ${bareResult.requestsPerSecond.toFixed(0)}, plain ${plainResult.requestsPerSecond.toFixed(0)} ` +
          `(p99 ${plainResult.p99} ms), full ${fullResult.requestsPerSecond.toFixed(0)} req/s (p99 ${fullResult.p99} ms)`,
      );
    }

    const bodies: BodyRow[] = [];
    for (const bytes of settings.bodySizes) {
      for (const kind of ['text', 'binary'] as const) {
        const body = kind === 'text' ? Buffer.from('x'.repeat(bytes)) : randomBytes(bytes);
        const load: LoadOptions = {
          connections: 10,
          durationSeconds: seconds,
          method: 'POST',
          body,
          headers: { 'content-type': kind === 'text' ? 'text/plain' : 'application/octet-stream' },
        };
        const bareResult = await runLoad(url(bare, '/'), load);
        const emulatorResult = await runLoad(url(plain, `/${BENCH_STAGE}/echo`), load);
        bodies.push({ bytes, kind, bare: bareResult, emulator: emulatorResult });
        log(
          `  ${sizeLabel(bytes)} ${kind}: bare ${bareResult.requestsPerSecond.toFixed(0)}, emulator ` +
            `${emulatorResult.requestsPerSecond.toFixed(0)} req/s (p99 ${emulatorResult.p99} ms, non-2xx ${emulatorResult.non2xx})`,
        );
      }
    }

    const hotPaths = Array.from({ length: HOT_FUNCTIONS }, (_, i) => `/${BENCH_STAGE}/fn/${i}`);
    const hotLoad: LoadOptions = { connections: 50, durationSeconds: seconds };
    // The 20 functions' environments start during a warm-up of their own, long enough (in requests, not seconds)
    // for every function to have run on all of its environments.
    await runLoad(url(plain, hotPaths[0]), { connections: 50, amount: HOT_FUNCTIONS * 100, paths: hotPaths });
    const hotBare = await runLoad(url(bare, '/'), hotLoad);
    const one = await runLoad(url(plain, hotPaths[0]), hotLoad);
    const twenty = await runLoad(url(plain, hotPaths[0]), { ...hotLoad, paths: hotPaths });
    log(
      `  hot functions: bare ${hotBare.requestsPerSecond.toFixed(0)}, 1 function ${one.requestsPerSecond.toFixed(0)}, ` +
        `${HOT_FUNCTIONS} functions ${twenty.requestsPerSecond.toFixed(0)} req/s`,
    );

    // Memory: 100,000 requests after a warm-up of the same load (a fifth as many requests). Without one, the
    // reading also counts the process growing into its steady state after the mixed loads above (V8's committed
    // spaces, malloc arenas), which a longer run shows flat (docs/performance.md, Memory).
    const memoryWarmup = await runLoad(url(full, `/${BENCH_STAGE}/keyed`), {
      connections: 50,
      amount: Math.round(settings.memoryRequests / 5),
      headers: FULL_PIPELINE_HEADERS,
    });
    fullAnswered += memoryWarmup.total;
    const afterWarmup = await full.memory();
    const memoryRun = await runLoad(url(full, `/${BENCH_STAGE}/keyed`), {
      connections: 50,
      amount: settings.memoryRequests,
      headers: FULL_PIPELINE_HEADERS,
    });
    fullAnswered += memoryRun.total;
    const after = await full.memory();
    log(
      `  memory after GC: RSS ${mb(afterWarmup.rss).toFixed(1)} → ${mb(after.rss).toFixed(1)} MiB, heap used ` +
        `${mb(afterWarmup.heapUsed).toFixed(1)} → ${mb(after.heapUsed).toFixed(1)} MiB over ${memoryRun.total} requests`,
    );
    const logLines = readFileSync(logFile, 'utf8').split('\n').filter(Boolean).length;
    return {
      connections,
      bodies,
      hot: { one, twenty, bare: hotBare },
      memory: {
        requests: memoryRun.total,
        warmupRequests: memoryWarmup.total,
        rssAfterWarmupMb: mb(afterWarmup.rss),
        rssAfterMb: mb(after.rss),
        heapAfterWarmupMb: mb(afterWarmup.heapUsed),
        heapAfterMb: mb(after.heapUsed),
        logLines,
        answered: fullAnswered,
      },
    };
  } finally {
    await Promise.all([bare.stop(), plain.stop(), full.stop()]);
  }
}

function sizeLabel(bytes: number): string {
  return bytes >= 2 ** 20 ? `${bytes / 2 ** 20} MB` : `${bytes / 2 ** 10} KB`;
}

const ratio = (emulator: LoadResult, bare: LoadResult) =>
  (emulator.requestsPerSecond / bare.requestsPerSecond).toFixed(2);

export function connectionsTable(rows: readonly ConnectionRow[]): string {
  return [
    '| connections | bare req/s | bare p99 | plain req/s | plain p99 | plain ÷ bare | full req/s | full p99 | full ÷ bare |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      ({ connections, bare, plain, full }) =>
        `| ${connections} | ${bare.requestsPerSecond.toFixed(0)} | ${bare.p99} ms | ${plain.requestsPerSecond.toFixed(0)} | ` +
        `${plain.p99} ms | ${ratio(plain, bare)} | ${full.requestsPerSecond.toFixed(0)} | ${full.p99} ms | ${ratio(full, bare)} |`,
    ),
  ].join('\n');
}

export function bodiesTable(rows: readonly BodyRow[]): string {
  return [
    '| request body | bare req/s | bare p99 | emulator req/s | emulator p99 | emulator ÷ bare | non-2xx |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      ({ bytes, kind, bare, emulator }) =>
        `| ${sizeLabel(bytes)} ${kind} | ${bare.requestsPerSecond.toFixed(0)} | ${bare.p99} ms | ` +
        `${emulator.requestsPerSecond.toFixed(0)} | ${emulator.p99} ms | ${ratio(emulator, bare)} | ${emulator.non2xx + emulator.errors} |`,
    ),
  ].join('\n');
}

export function hotFunctionsTable(hot: ScalingResult['hot']): string {
  return [
    '| hot functions | req/s | p99 | ÷ bare |',
    '|---:|---:|---:|---:|',
    `| bare Node | ${hot.bare.requestsPerSecond.toFixed(0)} | ${hot.bare.p99} ms | 1.00 |`,
    `| 1 | ${hot.one.requestsPerSecond.toFixed(0)} | ${hot.one.p99} ms | ${ratio(hot.one, hot.bare)} |`,
    `| ${HOT_FUNCTIONS} | ${hot.twenty.requestsPerSecond.toFixed(0)} | ${hot.twenty.p99} ms | ${ratio(hot.twenty, hot.bare)} |`,
  ].join('\n');
}

/** A line chart of req/s against connections (log scale) for the three targets, as a standalone SVG. */
export function connectionsChart(rows: readonly ConnectionRow[]): string {
  const width = 640;
  const height = 360;
  const left = 70;
  const right = 150;
  const top = 30;
  const bottom = 50;
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const series = [
    { name: 'bare Node http', color: '#555555', pick: (row: ConnectionRow) => row.bare },
    { name: 'Portico, plain route', color: '#1f77b4', pick: (row: ConnectionRow) => row.plain },
    { name: 'Portico, full pipeline', color: '#d62728', pick: (row: ConnectionRow) => row.full },
  ];
  const max = Math.max(1, ...rows.flatMap((row) => series.map((s) => s.pick(row).requestsPerSecond)));
  const yMax = niceCeiling(max);
  const logs = rows.map((row) => Math.log10(row.connections));
  const [minLog, maxLog] = [Math.min(...logs), Math.max(...logs)];
  const x = (connections: number) =>
    left + (maxLog === minLog ? plotWidth / 2 : ((Math.log10(connections) - minLog) / (maxLog - minLog)) * plotWidth);
  const y = (value: number) => top + plotHeight - (value / yMax) * plotHeight;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    '<title>Requests per second vs connections: bare Node, Portico plain route, Portico full pipeline</title>',
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<text x="${left}" y="18" font-size="14">Requests per second vs connections (autocannon, same run)</text>`,
  ];
  for (let i = 0; i <= 4; i++) {
    const value = (yMax / 4) * i;
    parts.push(
      `<line x1="${left}" y1="${y(value)}" x2="${left + plotWidth}" y2="${y(value)}" stroke="#e5e5e5"/>`,
      `<text x="${left - 8}" y="${y(value) + 4}" text-anchor="end">${Math.round(value).toLocaleString('en-US')}</text>`,
    );
  }
  for (const row of rows) {
    parts.push(
      `<text x="${x(row.connections)}" y="${top + plotHeight + 18}" text-anchor="middle">${row.connections}</text>`,
    );
  }
  parts.push(
    `<text x="${left + plotWidth / 2}" y="${height - 10}" text-anchor="middle">connections</text>`,
    `<line x1="${left}" y1="${top + plotHeight}" x2="${left + plotWidth}" y2="${top + plotHeight}" stroke="#333"/>`,
    `<line x1="${left}" y1="${top}" x2="${left}" y2="${top + plotHeight}" stroke="#333"/>`,
  );
  series.forEach((s, index) => {
    const points = rows.map((row) => `${x(row.connections).toFixed(1)},${y(s.pick(row).requestsPerSecond).toFixed(1)}`);
    parts.push(`<polyline fill="none" stroke="${s.color}" stroke-width="2" points="${points.join(' ')}"/>`);
    for (const point of points) {
      const [px, py] = point.split(',');
      parts.push(`<circle cx="${px}" cy="${py}" r="3" fill="${s.color}"/>`);
    }
    const legendY = top + 10 + index * 20;
    parts.push(
      `<line x1="${left + plotWidth + 12}" y1="${legendY}" x2="${left + plotWidth + 32}" y2="${legendY}" stroke="${s.color}" stroke-width="2"/>`,
      `<text x="${left + plotWidth + 36}" y="${legendY + 4}">${s.name}</text>`,
    );
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

function niceCeiling(value: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * magnitude >= value) return step * magnitude;
  return 10 * magnitude;
}

export function writeChart(rows: readonly ConnectionRow[], file: string): void {
  writeFileSync(file, connectionsChart(rows));
}
