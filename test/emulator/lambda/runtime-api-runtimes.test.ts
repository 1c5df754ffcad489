/**
 * The same behaviour checked against every way a function runs: Python through the local Runtime
 * API, Node.js on worker threads, and Node.js on the Runtime API; then what only Python and custom
 * runtimes have (layers, init errors, marshalling, a `bootstrap` executable).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { InvokeResult } from '../../../lib/emulator/lambda/invoker';
import type { LambdaMode } from '../../../lib/emulator/lambda/process-pool';
import { findPython, processRuntime } from '../../../lib/emulator/lambda/process-runtimes';
import { LambdaRuntime } from '../../../lib/emulator/lambda/runtime';
import type { FunctionModel } from '../../../lib/emulator/model';
import { arnOf, functionMap, lambdaFunction } from './functions';

const HANDLERS = path.join(__dirname, 'runtime-api-handlers');
const PYTHON: Partial<FunctionModel> = {
  runtime: 'python3.11',
  codeDirectory: path.join(HANDLERS, 'python'),
  layers: [path.join(HANDLERS, 'layer')],
};
const NODE: Partial<FunctionModel> = { runtime: 'nodejs20.x', codeDirectory: path.join(HANDLERS, 'node') };

function payloadOf(result: InvokeResult): unknown {
  if (result.kind !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(result)}`);
  return result.payload;
}

const flavours: { name: string; mode: LambdaMode; props: Partial<FunctionModel> }[] = [
  { name: 'Python (Runtime API)', mode: 'worker', props: PYTHON },
  { name: 'Node.js on worker threads', mode: 'worker', props: NODE },
  { name: 'Node.js on the Runtime API (--lambda-mode process)', mode: 'process', props: NODE },
];

describe.each(flavours)('$name', ({ mode, props }) => {
  const logs: string[] = [];
  const runtime = new LambdaRuntime(
    functionMap(
      lambdaFunction('context', 'app.context_info', { ...props, environment: { GREETING: 'hi' }, memorySize: 256 }),
      lambdaFunction('raises', 'app.raises', props),
      lambdaFunction('spins', 'app.spins', props),
      lambdaFunction('pid', 'app.pid', { ...props, reservedConcurrency: 2 }),
    ),
    { lambdaMode: mode, onLog: (fn, line) => logs.push(`${fn}|${line}`) },
  );
  afterAll(() => runtime.close());

  test('the handler gets the event, the documented context and the function environment; its output is logged', async () => {
    const result = await runtime.invoke(arnOf('context'), { name: 'ada' });
    expect(payloadOf(result)).toMatchObject({
      event: { name: 'ada' },
      requestId: result.requestId,
      functionName: 'context',
      memoryLimitInMB: '256',
      invokedFunctionArn: arnOf('context'),
      env: { GREETING: 'hi', TZ: ':UTC' },
    });
    const { remaining } = payloadOf(result) as { remaining: number };
    expect(remaining).toBeGreaterThan(0);
    expect(remaining).toBeLessThanOrEqual(10_000);
    // Output may trail the answer by a moment (it comes through a pipe); wait for the line itself.
    await waitFor(() => logs.some((line) => line.startsWith('context|') && line.includes('handling ada')));
  });

  test('a raised error reports its type and message, and the environment keeps serving', async () => {
    expect(await runtime.invoke(arnOf('raises'), {})).toMatchObject({
      kind: 'error',
      errorType: 'OrderNotFound',
      errorMessage: 'order 42 does not exist',
    });
    expect(await runtime.invoke(arnOf('raises'), {})).toMatchObject({ kind: 'error', errorType: 'OrderNotFound' });
  });

  test('a handler that never yields is stopped at the deadline, and the next invocation gets a fresh environment', async () => {
    const before = payloadOf(await runtime.invoke(arnOf('pid'), {}));
    expect(await runtime.invoke(arnOf('spins'), {}, { deadlineMs: 200 })).toMatchObject({ kind: 'timeout' });
    expect(await runtime.invoke(arnOf('pid'), { sleep: 30 }, { deadlineMs: 200 })).toMatchObject({ kind: 'timeout' });
    const after = payloadOf(await runtime.invoke(arnOf('pid'), {}));
    expect(after).not.toEqual(before);
  });

  test('concurrent invocations scale out to the reserved concurrency, one invocation per environment', async () => {
    const ids = await Promise.all([1, 2, 3].map(() => runtime.invoke(arnOf('pid'), { sleep: 0.2 })));
    expect(new Set(ids.map(payloadOf)).size).toBe(2);
  });
});

describe('Python specifics', () => {
  const logs: string[] = [];
  const brokenDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portico-python-'));
  fs.writeFileSync(path.join(brokenDir, 'app.py'), 'import module_that_does_not_exist\n');
  const runtime = new LambdaRuntime(
    functionMap(
      lambdaFunction('proxy', 'app.proxy', PYTHON),
      lambdaFunction('no-layer', 'app.proxy', { ...PYTHON, layers: undefined }),
      lambdaFunction('marshal', 'app.not_json', PYTHON),
      lambdaFunction('missing-handler', 'app.nothing_here', PYTHON),
      lambdaFunction('import-error', 'app.handler', { ...PYTHON, codeDirectory: brokenDir }),
      lambdaFunction('future', 'app.proxy', { ...PYTHON, runtime: 'python3.99' }),
    ),
    { onLog: (fn, line) => logs.push(`${fn}|${line}`) },
  );
  afterAll(async () => {
    await runtime.close();
    fs.rmSync(brokenDir, { recursive: true, force: true });
  });

  test("a module from the function's layer is importable, as from /opt/python on Lambda", async () => {
    const response = payloadOf(await runtime.invoke(arnOf('proxy'), { path: '/orders' })) as { body: string };
    expect(JSON.parse(response.body)).toEqual({ path: '/orders', greeting: 'hello from the layer, python' });
    expect(await runtime.invoke(arnOf('no-layer'), { path: '/' })).toMatchObject({
      kind: 'error',
      errorType: 'Runtime.ImportModuleError',
      errorMessage: "Unable to import module 'app': No module named 'greeting'",
    });
  });

  test('init errors carry the runtime error types and messages, and every invocation retries init', async () => {
    for (let attempt = 0; attempt < 2; attempt++) {
      expect(await runtime.invoke(arnOf('import-error'), {})).toMatchObject({
        kind: 'error',
        errorType: 'Runtime.ImportModuleError',
        errorMessage: "Unable to import module 'app': No module named 'module_that_does_not_exist'",
      });
    }
    expect(await runtime.invoke(arnOf('missing-handler'), {})).toMatchObject({
      kind: 'error',
      errorType: 'Runtime.HandlerNotFound',
      errorMessage: "Handler 'nothing_here' missing on module 'app'",
    });
  });

  test('a result that is not JSON-serializable is a Runtime.MarshalError', async () => {
    expect(await runtime.invoke(arnOf('marshal'), {})).toMatchObject({
      kind: 'error',
      errorType: 'Runtime.MarshalError',
      errorMessage: expect.stringMatching(
        /^Unable to marshal response: Object of type object is not JSON serializable/,
      ),
    });
  });

  test('a Python version that is not installed runs on the python3 found, with a warning naming both', async () => {
    const found = findPython('3.11');
    expect(payloadOf(await runtime.invoke(arnOf('future'), { path: '/' }))).toMatchObject({ statusCode: 200 });
    expect(logs).toContainEqual(
      expect.stringMatching(
        new RegExp(`^future\\|portico: python3\\.99 is not installed here; running .* with python${found.version} `),
      ),
    );
  });

  test('without any python3 on PATH the function is unavailable, saying what was looked for', () => {
    const saved = process.env.PATH;
    process.env.PATH = fs.mkdtempSync(path.join(os.tmpdir(), 'portico-empty-path-'));
    try {
      const fn = lambdaFunction('nowhere', 'app.proxy', { ...PYTHON, runtime: 'python3.98' });
      expect(processRuntime(fn, HANDLERS, {})).toEqual({
        ok: false,
        reason: 'runtime python3.98 needs python3.98 or python3 on PATH; no python3 was found',
      });
    } finally {
      process.env.PATH = saved;
    }
  });
});

describe('custom runtimes (provided.al2023): the asset’s bootstrap', () => {
  const logs: string[] = [];
  const custom: Partial<FunctionModel> = { runtime: 'provided.al2023', codeDirectory: path.join(HANDLERS, 'custom') };
  const runtime = new LambdaRuntime(
    functionMap(
      lambdaFunction('custom', 'function.handler', custom),
      lambdaFunction('no-bootstrap', 'function.handler', { ...custom, codeDirectory: path.join(HANDLERS, 'node') }),
    ),
    { onLog: (fn, line) => logs.push(`${fn}|${line}`) },
  );
  afterAll(() => runtime.close());

  test('a script bootstrap answers through the Runtime API, with _HANDLER and its output logged', async () => {
    expect(payloadOf(await runtime.invoke(arnOf('custom'), {}))).toEqual({
      statusCode: 200,
      body: 'custom runtime says hi from function.handler',
    });
    await waitFor(() =>
      logs.some((line) => /^custom\|custom runtime handling [0-9a-f-]+ with function\.handler$/.test(line)),
    );
  });

  test('an error posted with only Lambda-Runtime-Function-Error-Type takes its type from the header', async () => {
    expect(await runtime.invoke(arnOf('custom'), { fail: true })).toMatchObject({
      kind: 'error',
      errorType: 'Custom.Failure',
      errorMessage: '',
    });
  });

  test('a function without a bootstrap fails as Lambda does (Runtime.InvalidEntrypoint)', async () => {
    expect(await runtime.invoke(arnOf('no-bootstrap'), {})).toMatchObject({
      kind: 'error',
      errorType: 'Runtime.InvalidEntrypoint',
      errorMessage: `Couldn't find valid bootstrap(s): [${path.join(HANDLERS, 'node', 'bootstrap')}]`,
    });
  });
});

/** Waits for a condition that another process makes true (log lines arrive through a pipe). */
async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}
