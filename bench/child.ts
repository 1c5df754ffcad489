/**
 * Runs one benchmark step in a fresh Node process (its own heap and JIT, nothing left over from the step
 * before) and returns the JSON object the step prints as its last line of output.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export function runStep<T>(script: string, args: readonly string[] = [], timeoutMs = 15 * 60_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'targets', script), ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      const last = stdout.trim().split('\n').pop() ?? '';
      try {
        if (code !== 0) throw new Error(`exit code ${code}`);
        resolve(JSON.parse(last) as T);
      } catch (error) {
        reject(new Error(`${script} ${args.join(' ')} failed (${(error as Error).message}): ${stderr.slice(-2000)}`));
      }
    });
  });
}
