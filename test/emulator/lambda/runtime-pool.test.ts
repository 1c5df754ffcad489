import { LambdaRuntime } from '../../../lib/emulator/lambda/runtime';
import { arnOf, functionMap, lambdaFunction } from './functions';

const record = lambdaFunction('record', 'results.record');
const busy = lambdaFunction('busy', 'results.busyThread');
const thread = lambdaFunction('thread', 'results.thread');
const coldStart = lambdaFunction('cold-start', 'cold-start.handler');

describe('LambdaRuntime execution environments', () => {
  test('with one environment, invocations wait their turn in arrival order', async () => {
    const runtime = new LambdaRuntime(functionMap(record), { poolSize: 1 });
    try {
      const results = await Promise.all([1, 2, 3].map((n) => runtime.invoke(arnOf('record'), { n })));
      expect(results.map((result) => result.kind === 'ok' && result.payload)).toEqual([
        expect.objectContaining({ calls: [1] }),
        expect.objectContaining({ calls: [1, 2] }),
        expect.objectContaining({ calls: [1, 2, 3] }),
      ]);
    } finally {
      await runtime.close();
    }
  });

  test('concurrent invocations run in different environments (worker threads)', async () => {
    const runtime = new LambdaRuntime(functionMap(busy), { poolSize: 2 });
    try {
      const [first, second] = await Promise.all([
        runtime.invoke(arnOf('busy'), { ms: 50 }),
        runtime.invoke(arnOf('busy'), { ms: 50 }),
      ]);
      expect(first.kind).toBe('ok');
      expect(second.kind).toBe('ok');
      expect(first.kind === 'ok' && second.kind === 'ok' && first.payload !== second.payload).toBe(true);
    } finally {
      await runtime.close();
    }
  });

  test('a waiting invocation whose caller deadline passes times out without running', async () => {
    const runtime = new LambdaRuntime(functionMap(busy), { poolSize: 1 });
    try {
      const running = runtime.invoke(arnOf('busy'), { ms: 500 });
      const waiting = await runtime.invoke(arnOf('busy'), { ms: 0 }, { deadlineMs: 100 });
      expect(waiting.kind).toBe('timeout');
      expect((await running).kind).toBe('ok');
    } finally {
      await runtime.close();
    }
  });

  test('warm loads the handler in every environment ahead of the first invocations', async () => {
    const logs: string[] = [];
    const runtime = new LambdaRuntime(functionMap(coldStart), { poolSize: 2, onLog: (_name, line) => logs.push(line) });
    try {
      await runtime.warm(arnOf('cold-start'));
      const initLines = () => logs.filter((line) => line.endsWith('\tINFO\tinit'));
      expect(initLines()).toHaveLength(2);
      const results = await Promise.all([runtime.invoke('cold-start', {}), runtime.invoke('cold-start', {})]);
      expect(new Set(results.map((result) => result.kind === 'ok' && result.payload)).size).toBe(2);
      expect(initLines()).toHaveLength(2);
    } finally {
      await runtime.close();
    }
  });

  test('warm rejects a function the assembly does not have', async () => {
    const runtime = new LambdaRuntime(functionMap(thread));
    await expect(runtime.warm('nobody')).rejects.toThrow('Function not found: nobody');
    await runtime.close();
  });

  test('close ends running and waiting invocations as unavailable, and later ones too', async () => {
    const runtime = new LambdaRuntime(functionMap(busy), { poolSize: 1 });
    const running = runtime.invoke(arnOf('busy'), { ms: 60_000 });
    const waiting = runtime.invoke(arnOf('busy'), { ms: 0 });
    await runtime.close();
    expect(await running).toMatchObject({ kind: 'unavailable', reason: 'The Lambda runtime was closed' });
    expect(await waiting).toMatchObject({ kind: 'unavailable', reason: 'The Lambda runtime was closed' });
    expect(await runtime.invoke(arnOf('busy'), { ms: 0 })).toMatchObject({ kind: 'unavailable' });
  });

  test('poolSize must be a whole number of at least 1', () => {
    expect(() => new LambdaRuntime(functionMap(thread), { poolSize: 0 })).toThrow('poolSize must be a whole number');
  });
});
