/** Starts a benchmark target in its own process (so the load generator does not share its event loop). */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { type LoadOptions, type LoadResult, runLoad } from './load';

export interface Target {
  readonly port: number;
  /** The target's process id (bench/perf-record.ts attaches `perf` to it). */
  readonly pid: number;
  /**
   * Memory after a full garbage collection, in bytes, from targets that answer SIGUSR2 with
   * `RSS <bytes> <process.memoryUsage() as JSON>` (emulator-server.ts).
   */
  memory(): Promise<{ readonly rss: number; readonly heapUsed: number }>;
  stop(): Promise<void>;
}

export function spawnTarget(
  script: string,
  args: readonly string[] = [],
  env: Readonly<Record<string, string>> = {},
): Promise<Target> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', join(__dirname, 'targets', script), ...args],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, ...env },
    },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /READY (\d+)/.exec(output);
      if (ready) {
        child.stdout?.removeAllListeners('data');
        let rest = '';
        const waiting: ((usage: { rss: number; heapUsed: number }) => void)[] = [];
        child.stdout?.on('data', (more: Buffer) => {
          rest += more.toString();
          for (let match = /RSS \d+ (.*)\n/.exec(rest); match; match = /RSS \d+ (.*)\n/.exec(rest)) {
            rest = rest.slice(match.index + match[0].length);
            waiting.shift()?.(JSON.parse(match[1]) as { rss: number; heapUsed: number });
          }
        });
        resolve({
          port: Number(ready[1]),
          pid: child.pid ?? 0,
          memory: () =>
            new Promise((answer) => {
              waiting.push(answer);
              child.kill('SIGUSR2');
            }),
          // Stopping a target that has already exited resolves at once (its 'exit' event will not come again).
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null || child.signalCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before it was ready`)));
  });
}

/** Starts a target, loads `path` once to warm it up, then measures one load run, and stops the target. */
export async function measureTarget(
  script: string,
  args: readonly string[],
  path: string,
  load: { readonly warmUp: LoadOptions; readonly run: LoadOptions },
  env: Readonly<Record<string, string>> = {},
): Promise<LoadResult> {
  const target = await spawnTarget(script, args, env);
  try {
    const url = `http://127.0.0.1:${target.port}${path}`;
    await runLoad(url, load.warmUp);
    return await runLoad(url, load.run);
  } finally {
    await target.stop();
  }
}
