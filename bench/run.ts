/**
 * `npm run bench`: the emulator against a bare Node `http` server returning the same body, measured side by
 * side in one run, plus the in-process `LocalGateway.fetch` cost. Results are printed and written to
 * bench/results.md with the machine's cores and memory. Nothing here runs inside `npm test`.
 *
 * Environment: BENCH_DURATION (seconds per run, default 10), BENCH_CONNECTIONS (default 50),
 * BENCH_INPROCESS (requests for the in-process measurement, default 20000).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { LocalGateway } from '../lib/emulator/local-gateway';
import { BENCH_API_KEY, BENCH_TOKEN, buildBenchStack } from './bench-stack';
import { type LoadResult, runLoad } from './load';
import { spawnTarget } from './spawn-target';

const duration = Number(process.env.BENCH_DURATION ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const inProcessRequests = Number(process.env.BENCH_INPROCESS ?? 20_000);
const fullHeaders = { Authorization: BENCH_TOKEN, 'x-api-key': BENCH_API_KEY };

interface Row {
  readonly name: string;
  readonly result: LoadResult;
}

async function measure(
  name: string,
  script: string,
  path: string,
  args: string[] = [],
  headers?: Record<string, string>,
): Promise<Row> {
  const target = await spawnTarget(script, args);
  try {
    // A short warm-up so worker threads and JIT are ready before the measured run.
    await runLoad(`http://127.0.0.1:${target.port}${path}`, { connections, durationSeconds: 1, headers });
    const result = await runLoad(`http://127.0.0.1:${target.port}${path}`, {
      connections,
      durationSeconds: duration,
      headers,
    });
    console.log(`  ${name}: ${result.requestsPerSecond.toFixed(0)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms`);
    return { name, result };
  } finally {
    await target.stop();
  }
}

async function inProcessCost(): Promise<{ msPerRequest: number; requests: number }> {
  const gateway = await LocalGateway.fromStack(buildBenchStack(), { onFunctionLog: () => {} });
  try {
    for (let i = 0; i < 500; i++) await gateway.fetch('/bench/full', { headers: fullHeaders });
    const started = performance.now();
    for (let i = 0; i < inProcessRequests; i++) {
      const response = await gateway.fetch('/bench/full', { headers: fullHeaders });
      if (response.status !== 200) throw new Error(`in-process request answered ${response.status}`);
      await response.arrayBuffer();
    }
    return { msPerRequest: (performance.now() - started) / inProcessRequests, requests: inProcessRequests };
  } finally {
    await gateway.close();
  }
}

async function main(): Promise<void> {
  console.log(`Portico emulator benchmark: ${connections} connections, ${duration} s per run`);
  const logDir = mkdtempSync(join(tmpdir(), 'portico-bench-'));
  const accessLog = join(logDir, 'access.log');
  const bare = await measure('bare Node http', 'bare-server.ts', '/');
  const plain = await measure('emulator, no auth', 'emulator-server.ts', '/bench/plain', [join(logDir, 'plain.log')]);
  const full = await measure(
    'emulator, authorizer+key+plan+log',
    'emulator-server.ts',
    '/bench/full',
    [accessLog],
    fullHeaders,
  );
  const logLines = readFileSync(accessLog, 'utf8').split('\n').filter(Boolean).length;
  console.log('  in-process LocalGateway.fetch ...');
  const inProcess = await inProcessCost();

  const rows = [bare, plain, full];
  const table = [
    '| target | req/s | p50 ms | p99 ms | ratio to bare | non-2xx |',
    '|---|---:|---:|---:|---:|---:|',
    ...rows.map(
      ({ name, result }) =>
        `| ${name} | ${result.requestsPerSecond.toFixed(0)} | ${result.p50} | ${result.p99} | ${(result.requestsPerSecond / bare.result.requestsPerSecond).toFixed(2)} | ${result.non2xx} |`,
    ),
  ].join('\n');
  const report = [
    '# Benchmark results',
    '',
    `Machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}.`,
    `Run: \`npm run bench\` — autocannon, ${connections} connections, ${duration} s per target (after a 1 s warm-up), targets in their own process.`,
    '',
    table,
    '',
    `Access-log lines written for the full run: ${logLines} (requests answered: ${full.result.total + 0} measured + warm-up).`,
    `In-process \`LocalGateway.fetch\` (authorizer cached, key, plan, access log): ${inProcess.msPerRequest.toFixed(3)} ms/request over ${inProcess.requests} sequential requests.`,
    '',
  ].join('\n');
  console.log(`\n${table}\n\nin-process: ${inProcess.msPerRequest.toFixed(3)} ms/request`);
  writeFileSync(join(__dirname, 'results.md'), report);
  console.log('written to bench/results.md');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
