/**
 * Where each server's CPU goes per request over HTTP, kernel included, side by side in one run: the bare Node
 * server, Portico on the plain route, Portico with the full pipeline (cached authorizer, API key, usage plan,
 * access log to a file), in-thread handlers, 50 connections. Each target is warmed up, then `perf record`
 * samples it while autocannon loads it; bench/perf-breakdown.ts turns the samples into µs per request.
 *
 *   npx tsx bench/perf-record.ts [seconds per target, default 5]
 *
 * Needs Linux `perf` (Debian: linux-perf) allowed to attach to the target (perf_event_paranoid ≤ 2 for your
 * own processes). Not part of `npm run bench`: CI machines and containers rarely allow perf.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_STAGE, FULL_PIPELINE_HEADERS, synthBenchStack } from './bench-stack';
import { runLoad } from './load';
import { breakdownTable, type PerfSample, parsePerfScript } from './perf-breakdown';
import { spawnTarget } from './spawn-target';

const CONNECTIONS = 50;
const WARM_UP_SECONDS = 3;
const SAMPLE_HZ = 1999;

interface Column {
  readonly name: string;
  readonly samples: PerfSample[];
  readonly requests: number;
  readonly requestsPerSecond: number;
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

async function record(
  name: string,
  workDir: string,
  target: { script: string; args: string[]; path: string; headers: Record<string, string> },
  seconds: number,
): Promise<Column> {
  // JIT frames get names in /tmp/perf-<pid>.map; without it perf shows JavaScript as bare addresses.
  const server = await spawnTarget(target.script, target.args, {
    NODE_OPTIONS: '--perf-basic-prof',
    BENCH_LAMBDA_MODE: 'in-thread',
  });
  const url = `http://127.0.0.1:${server.port}${target.path}`;
  const dataFile = join(workDir, `${name}.data`);
  try {
    process.stdout.write(`${name}: warming up ${WARM_UP_SECONDS} s, then recording ${seconds} s ...`);
    await runLoad(url, { connections: CONNECTIONS, durationSeconds: WARM_UP_SECONDS, headers: target.headers });
    const perf = spawn('perf', ['record', '-F', String(SAMPLE_HZ), '-g', '-p', String(server.pid), '-o', dataFile], {
      stdio: 'ignore',
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    if (perf.exitCode !== null) throw new Error(`perf record exited with ${perf.exitCode}: is perf allowed here?`);
    const load = await runLoad(url, { connections: CONNECTIONS, durationSeconds: seconds, headers: target.headers });
    perf.kill('SIGINT');
    await exited(perf);
    console.log(` ${Math.round(load.requestsPerSecond)} req/s`);
    await server.stop();
    const script = execFileSync('perf', ['script', '-F', 'tid,pid,period,ip,sym,dso', '-i', dataFile], {
      maxBuffer: 1 << 30,
      stdio: ['ignore', 'pipe', 'ignore'],
    }).toString();
    // The map names the JIT frames for `perf script` above; node leaves it behind in /tmp otherwise.
    rmSync(`/tmp/perf-${server.pid}.map`, { force: true });
    // The requests answered while perf recorded: the load's own count (perf starts half a second before it).
    return { name, samples: parsePerfScript(script), requests: load.total, requestsPerSecond: load.requestsPerSecond };
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  const seconds = Number(process.argv[2] ?? 5);
  const workDir = mkdtempSync(join(tmpdir(), 'portico-perf-'));
  const plainAssembly = synthBenchStack(join(workDir, 'cdk.out'));
  const fullAssembly = synthBenchStack(join(workDir, 'cdk.out-access-log'), { accessLog: true });
  const columns = [
    await record('bare', workDir, { script: 'bare-server.ts', args: [], path: '/plain', headers: {} }, seconds),
    await record(
      'plain',
      workDir,
      { script: 'emulator-server.ts', args: [plainAssembly], path: `/${BENCH_STAGE}/plain`, headers: {} },
      seconds,
    ),
    await record(
      'full',
      workDir,
      {
        script: 'emulator-server.ts',
        args: [fullAssembly, join(workDir, 'access.log')],
        path: `/${BENCH_STAGE}/keyed`,
        headers: { ...FULL_PIPELINE_HEADERS },
      },
      seconds,
    ),
  ];
  const lines = readFileSync(join(workDir, 'access.log'), 'utf8').split('\n').filter(Boolean).length;
  console.log('');
  console.log(breakdownTable(columns));
  console.log('');
  console.log(
    columns.map((column) => `${column.name} ${Math.round(column.requestsPerSecond)} req/s`).join(', ') +
      `; ${lines} access-log lines. perf data kept in ${workDir}.`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
