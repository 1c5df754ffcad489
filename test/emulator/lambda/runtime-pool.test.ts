import { defaultPoolSize, LambdaRuntime } from '../../../lib/emulator/lambda/runtime';
import { arnOf, functionMap, lambdaFunction, NODE_LAMBDA_MODES } from './functions';

const record = lambdaFunction('record', 'results.record');
const busy = lambdaFunction('busy', 'results.busyThread');
const thread = lambdaFunction('thread', 'results.thread');
const coldStart = lambdaFunction('cold-start', 'cold-start.handler');
const overlap = lambdaFunction('overlap', 'results.overlap');

type Recorded = { calls: number[]; environmentId: string };

describe.each(NODE_LAMBDA_MODES)('LambdaRuntime execution environments (%s)', (lambdaMode) => {
  test('with one environment, invocations wait their turn in arrival order', async () => {
    const runtime = new LambdaRuntime(functionMap(record), { lambdaMode, poolSize: 1 });
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

  test('concurrent invocations run in different environments', async () => {
    const runtime = new LambdaRuntime(functionMap(busy), { lambdaMode, poolSize: 2 });
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
    const runtime = new LambdaRuntime(functionMap(busy), { lambdaMode, poolSize: 1 });
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
    const runtime = new LambdaRuntime(functionMap(coldStart), {
      lambdaMode,
      poolSize: 2,
      onLog: (_name, line) => logs.push(line),
    });
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
    const runtime = new LambdaRuntime(functionMap(thread), { lambdaMode });
    await expect(runtime.warm('nobody')).rejects.toThrow('Function not found: nobody');
    await runtime.close();
  });

  test('close ends running and waiting invocations as unavailable, and later ones too', async () => {
    const runtime = new LambdaRuntime(functionMap(busy), { lambdaMode, poolSize: 1 });
    const running = runtime.invoke(arnOf('busy'), { ms: 60_000 });
    const waiting = runtime.invoke(arnOf('busy'), { ms: 0 });
    await runtime.close();
    expect(await running).toMatchObject({ kind: 'unavailable', reason: 'The Lambda runtime was closed' });
    expect(await waiting).toMatchObject({ kind: 'unavailable', reason: 'The Lambda runtime was closed' });
    expect(await runtime.invoke(arnOf('busy'), { ms: 0 })).toMatchObject({ kind: 'unavailable' });
  });

  test('by default, concurrency scales out to one environment per core (2 to 8) and no further', async () => {
    const size = defaultPoolSize();
    expect(size).toBeGreaterThanOrEqual(2);
    expect(size).toBeLessThanOrEqual(8);
    const runtime = new LambdaRuntime(functionMap(record), { lambdaMode });
    try {
      const count = size + 3;
      const results = await Promise.all(
        Array.from({ length: count }, (_, n) => runtime.invoke(arnOf('record'), { n })),
      );
      const payloads = results.map((result) => (result.kind === 'ok' ? (result.payload as Recorded) : undefined));
      expect(new Set(payloads.map((payload) => payload?.environmentId)).size).toBe(size);
      // Module state is per environment: each one saw exactly the invocations it ran, and together they saw each once.
      const lastCallsByEnvironment = new Map<string, number[]>();
      for (const payload of payloads) lastCallsByEnvironment.set(payload!.environmentId, payload!.calls);
      const seen = [...lastCallsByEnvironment.values()].flat().sort((a, b) => a - b);
      expect(seen).toEqual(Array.from({ length: count }, (_, n) => n));
    } finally {
      await runtime.close();
    }
  });

  test('an environment never runs two invocations at once, even when its handler yields', async () => {
    const runtime = new LambdaRuntime(functionMap(overlap), { lambdaMode, poolSize: 2 });
    try {
      const results = await Promise.all(Array.from({ length: 12 }, () => runtime.invoke(arnOf('overlap'), {})));
      const payloads = results.map((result) => (result.kind === 'ok' ? result.payload : undefined));
      expect(payloads).toEqual(Array(12).fill(expect.objectContaining({ seen: 1 })));
      expect(new Set(payloads.map((payload) => (payload as { environmentId: string }).environmentId)).size).toBe(2);
    } finally {
      await runtime.close();
    }
  });

  test('poolSize must be a whole number of at least 1', () => {
    expect(() => new LambdaRuntime(functionMap(thread), { lambdaMode, poolSize: 0 })).toThrow(
      'poolSize must be a whole number',
    );
  });
});
