/** Starts a benchmark target in its own process (so the load generator does not share its event loop). */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

export interface Target {
  readonly port: number;
  stop(): Promise<void>;
}

export function spawnTarget(script: string, args: readonly string[] = []): Promise<Target> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', join(__dirname, 'targets', script), ...args],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /READY (\d+)/.exec(output);
      if (ready) {
        child.stdout?.removeAllListeners('data');
        child.stdout?.resume();
        resolve({
          port: Number(ready[1]),
          stop: () =>
            new Promise<void>((done) => {
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before it was ready`)));
  });
}
