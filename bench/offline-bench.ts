/**
 * Benchmark 5: the same trivial handler through serverless-offline (Serverless Framework v3), same autocannon
 * settings, next to Portico (plain route, in-thread handlers) and a bare Node server measured right after it. serverless-offline is not a dependency of this project: it is looked
 * for in BENCH_SLS_DIR (default /tmp/portico-sls), installed there with
 * `npm install serverless@3 serverless-offline@13`. When it is missing or does not start, the report says why.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_BODY, BENCH_STAGE, synthBenchStack } from './bench-stack';
import { type LoadResult, runLoad } from './load';
import { measureTarget } from './spawn-target';
import type { ThroughputSettings } from './throughput-bench';

export const SLS_DIR = process.env.BENCH_SLS_DIR ?? '/tmp/portico-sls';

export type OfflineResult =
  | {
      readonly ran: true;
      readonly versions: string;
      readonly offline: LoadResult;
      readonly portico: LoadResult;
      readonly bare: LoadResult;
    }
  | { readonly ran: false; readonly reason: string };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function versionOf(name: string): string {
  try {
    return (require(join(SLS_DIR, 'node_modules', name, 'package.json')) as { version: string }).version;
  } catch {
    return '?';
  }
}

async function startOffline(serviceDir: string): Promise<{ child: ChildProcess; port: number }> {
  const port = await freePort();
  const lambdaPort = await freePort();
  writeFileSync(
    join(serviceDir, 'serverless.yml'),
    [
      'service: portico-bench',
      "frameworkVersion: '3'",
      'provider: { name: aws, runtime: nodejs20.x, region: us-east-1, stage: bench }',
      'functions:',
      '  trivial:',
      '    handler: handler.handler',
      '    events: [{ http: { path: plain, method: get } }]',
      'plugins: [serverless-offline]',
      `custom: { serverless-offline: { host: 127.0.0.1, httpPort: ${port}, lambdaPort: ${lambdaPort} } }`,
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(serviceDir, 'handler.js'),
    `exports.handler = async () => ({ statusCode: 200, headers: { 'Content-Type': 'application/json' }, body: ${JSON.stringify(BENCH_BODY)} });\n`,
  );
  const child = spawn(join(SLS_DIR, 'node_modules', '.bin', 'serverless'), ['offline', 'start'], {
    cwd: serviceDir,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    // No account is needed offline; the framework still wants credentials to exist. No telemetry.
    env: {
      ...process.env,
      SLS_TELEMETRY_DISABLED: '1',
      SLS_NOTIFICATIONS_MODE: 'off',
      AWS_ACCESS_KEY_ID: 'offline',
      AWS_SECRET_ACCESS_KEY: 'offline',
    },
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`no "Server ready" within 60 s: ${output.slice(-500)}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Server ready')) {
        clearTimeout(timer);
        resolve({ child, port });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serverless offline exited with ${code}: ${output.slice(-500)}`));
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    // The framework starts its own children (worker threads, the lambda port); end the whole group.
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
  });
}

export async function benchOffline(settings: ThroughputSettings): Promise<OfflineResult> {
  if (!existsSync(join(SLS_DIR, 'node_modules', '.bin', 'serverless'))) {
    return {
      ran: false,
      reason:
        `serverless is not installed in ${SLS_DIR} (it is not a dependency of this project). Install it there with ` +
        '`npm install serverless@3 serverless-offline@13`, or point BENCH_SLS_DIR at an install.',
    };
  }
  const serviceDir = mkdtempSync(join(tmpdir(), 'portico-sls-service-'));
  symlinkSync(join(SLS_DIR, 'node_modules'), join(serviceDir, 'node_modules'));
  let offline: { child: ChildProcess; port: number };
  try {
    offline = await startOffline(serviceDir);
  } catch (error) {
    return { ran: false, reason: `serverless offline did not start: ${(error as Error).message}` };
  }
  const load = {
    connections: settings.connections,
    durationSeconds: settings.durationSeconds,
    amount: settings.amount,
  };
  const warmUp = { ...load, durationSeconds: settings.warmupSeconds || 1, amount: undefined };
  let offlineResult: LoadResult;
  try {
    const url = `http://127.0.0.1:${offline.port}/bench/plain`;
    await runLoad(url, warmUp);
    offlineResult = await runLoad(url, load);
  } finally {
    await stop(offline.child);
  }
  const measure = (script: string, args: string[], path: string, env: Record<string, string> = {}) =>
    measureTarget(script, args, path, { warmUp, run: load }, env);
  // Portico right after serverless-offline, so that the ratio between them is measured in the same minute.
  const assembly = synthBenchStack(join(serviceDir, 'cdk.out'));
  const portico = await measure('emulator-server.ts', [assembly], `/${BENCH_STAGE}/plain`, {
    BENCH_LAMBDA_MODE: 'in-thread',
  });
  const bare = await measure('bare-server.ts', [], '/');
  return {
    ran: true,
    versions: `serverless ${versionOf('serverless')}, serverless-offline ${versionOf('serverless-offline')}`,
    offline: offlineResult,
    portico,
    bare,
  };
}

export function offlineTable(result: OfflineResult): string {
  if (!result.ran) return `Not measured: ${result.reason}`;
  const rows = [
    ['serverless-offline', result.offline],
    ['Portico, in-thread handlers', result.portico],
    ['bare Node http', result.bare],
  ] as const;
  return [
    `${result.versions}; trivial handler, no auth, \`GET /bench/plain\`.`,
    '',
    '| target | req/s | p50 ms | p99 ms | ÷ bare | non-2xx |',
    '|---|---:|---:|---:|---:|---:|',
    ...rows.map(
      ([name, r]) =>
        `| ${name} | ${r.requestsPerSecond.toFixed(0)} | ${r.p50} | ${r.p99} | ${(r.requestsPerSecond / result.bare.requestsPerSecond).toFixed(2)} | ${r.non2xx + r.errors} |`,
    ),
  ].join('\n');
}
