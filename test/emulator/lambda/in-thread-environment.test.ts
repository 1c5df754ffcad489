/**
 * What in-thread environments must get right beyond the semantics every mode shares (runtime-*.test.ts run
 * those in both modes): they run on the caller's thread, so a stuck handler, an escaped error or a handler's
 * `process.on` must stay inside the environment.
 */
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { runInThisContext } from 'node:vm';
import { LambdaRuntime } from '../../../lib/emulator/lambda/runtime';
import { arnOf, functionMap, lambdaFunction } from './functions';

const hostProcess = runInThisContext('process') as NodeJS.Process;

describe('in-thread execution environments', () => {
  test('a handler awaiting the host I/O keeps running its own promise jobs until it answers', async () => {
    const runtime = new LambdaRuntime(functionMap(lambdaFunction('io', 'in-thread.awaitsIo')), {
      lambdaMode: 'in-thread',
      onLog: () => {},
    });
    try {
      const results = await Promise.all([1, 2, 3].map(() => runtime.invoke(arnOf('io'), {})));
      for (const result of results) {
        expect(result).toMatchObject({ kind: 'ok', payload: { size: expect.any(Number) } });
        expect(result.kind === 'ok' && (result.payload as { size: number }).size).toBeGreaterThan(0);
      }
    } finally {
      await runtime.close();
    }
  });

  test("a handler's process.env and process.on are its own, not the host's", async () => {
    const sigtermBefore = hostProcess.listenerCount('SIGTERM');
    const runtime = new LambdaRuntime(
      functionMap(lambdaFunction('view', 'in-thread.processView', { environment: { TABLE_NAME: 'orders' } })),
      { lambdaMode: 'in-thread', onLog: () => {} },
    );
    try {
      expect(await runtime.invoke(arnOf('view'), {})).toMatchObject({
        kind: 'ok',
        payload: { table: 'orders', sigtermListeners: 1 },
      });
      expect(hostProcess.listenerCount('SIGTERM')).toBe(sigtermBefore);
      expect(hostProcess.env.TABLE_NAME).toBeUndefined();
    } finally {
      await runtime.close();
    }
  });

  test('an ES module handler runs in a worker thread instead, and says so once', async () => {
    const logs: string[] = [];
    const runtime = new LambdaRuntime(functionMap(lambdaFunction('esm', 'esm.handler')), {
      lambdaMode: 'in-thread',
      onLog: (_name, line) => logs.push(line),
    });
    try {
      expect(await runtime.invoke(arnOf('esm'), {})).toMatchObject({ kind: 'ok', payload: { format: 'esm' } });
      expect(logs.filter((line) => line.includes('an ES module handler runs in worker threads'))).toHaveLength(1);
    } finally {
      await runtime.close();
    }
  });

  test('an endless loop after an await, an unhandled rejection and a throw in an I/O callback end only their environment (plain Node process)', async () => {
    const script = path.join(__dirname, 'in-thread-escapes.script.ts');
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script], {
      cwd: path.join(__dirname, '../../..'),
      timeout: 30_000,
    });
    const report = JSON.parse(stdout.trim().split('\n').pop() ?? '{}');
    expect(report).toEqual({
      reject: {
        failed: expect.objectContaining({
          kind: 'error',
          errorType: 'Runtime.UnhandledPromiseRejection',
          errorMessage: 'Error: nobody caught me',
        }),
        replaced: true,
      },
      'io-throw': {
        failed: expect.objectContaining({
          kind: 'error',
          errorType: 'Error',
          errorMessage: 'thrown in an fs callback',
        }),
        replaced: true,
      },
      spin: {
        stuck: 'timeout',
        stoppedAfterMs: expect.any(Number),
        others: Array.from({ length: 5 }, (_, n) => ({ event: { n } })),
        replaced: true,
        later: 'ok',
      },
    });
    expect(report.spin.stoppedAfterMs).toBeGreaterThanOrEqual(1000);
  });
});
