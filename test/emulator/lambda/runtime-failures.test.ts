import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { InvokeResult } from '../../../lib/emulator/lambda/invoker';
import type { LambdaMode } from '../../../lib/emulator/lambda/process-pool';
import { LambdaRuntime } from '../../../lib/emulator/lambda/runtime';
import { arnOf, functionMap, lambdaFunction, NODE_LAMBDA_MODES } from './functions';

const brokenDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portico-lambda-test-'));
fs.writeFileSync(path.join(brokenDir, 'broken.js'), 'exports.handler = async () => {;\n');

const logs: string[] = [];
const createRuntime = (lambdaMode: LambdaMode) =>
  new LambdaRuntime(
    functionMap(
      lambdaFunction('throws', 'failures.throws'),
      lambdaFunction('throws-sync', 'failures.throwsSync'),
      lambdaFunction('rejects-string', 'failures.rejectsWithString'),
      lambdaFunction('callback-error', 'failures.callbackError'),
      lambdaFunction('spin', 'failures.maybeSpin', { timeoutSeconds: 1 }),
      lambdaFunction('spin-long', 'failures.maybeSpin', { timeoutSeconds: 60 }),
      lambdaFunction('exit', 'failures.maybeExit'),
      lambdaFunction('throw-later', 'failures.maybeThrowLater'),
      lambdaFunction('reject-unhandled', 'failures.maybeRejectUnhandled'),
      lambdaFunction('missing-export', 'failures.nothingHere'),
      lambdaFunction('not-a-function', 'failures.notAFunction'),
      lambdaFunction('missing-module', 'nowhere.handler'),
      lambdaFunction('syntax-error', 'broken.handler', { codeDirectory: brokenDir }),
      lambdaFunction('python', 'app.handler', {
        runtime: 'python3.12',
        unsupportedReason: 'runtime python3.12 is not Node.js',
      }),
      lambdaFunction('no-code', 'index.handler', { codeDirectory: undefined }),
    ),
    { lambdaMode, onLog: (functionName, line) => logs.push(`${functionName}|${line}`) },
  );

afterAll(() => fs.rmSync(brokenDir, { recursive: true, force: true }));

function environmentOf(result: InvokeResult): string {
  if (result.kind !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(result)}`);
  return result.payload as string;
}

describe.each(NODE_LAMBDA_MODES)('LambdaRuntime failures (%s)', (lambdaMode) => {
  let runtime: LambdaRuntime;
  beforeAll(() => {
    runtime = createRuntime(lambdaMode);
  });
  afterAll(() => runtime.close());

  test('a thrown error reports its name and message', async () => {
    expect(await runtime.invoke(arnOf('throws'), {})).toMatchObject({
      kind: 'error',
      errorType: 'TypeError',
      errorMessage: 'bad input',
    });
    expect(await runtime.invoke(arnOf('throws-sync'), {})).toMatchObject({
      kind: 'error',
      errorType: 'Error',
      errorMessage: 'sync failure',
    });
  });

  test('a rejection with a string reports its type and text (what authorizers send as "Unauthorized")', async () => {
    expect(await runtime.invoke(arnOf('rejects-string'), {})).toMatchObject({
      kind: 'error',
      errorType: 'string',
      errorMessage: 'Unauthorized',
    });
  });

  test('callback(error) is an error result', async () => {
    expect(await runtime.invoke(arnOf('callback-error'), {})).toMatchObject({
      kind: 'error',
      errorType: 'RangeError',
      errorMessage: 'out of range',
    });
  });

  test('a failure is logged with its stack, as the runtime logs "Invoke Error"', async () => {
    const result = await runtime.invoke(arnOf('throws'), {});
    const line = logs.find((entry) => entry.includes(`\t${result.requestId}\tERROR\tInvoke Error`));
    expect(line).toContain('"errorType":"TypeError"');
    expect(line).toContain('failures.js');
  });

  test("a handler that never returns times out at the function's timeout, and a new environment takes over", async () => {
    const before = environmentOf(await runtime.invoke(arnOf('spin'), {}));
    const result = await runtime.invoke(arnOf('spin'), { spin: true });
    expect(result.kind).toBe('timeout');
    expect(logs.some((line) => line.includes(`${result.requestId} Task timed out after`))).toBe(true);
    const after = environmentOf(await runtime.invoke(arnOf('spin'), {}));
    expect(after).not.toBe(before);
  });

  test("the caller's deadline ends an invocation before the function's own timeout", async () => {
    const result = await runtime.invoke(arnOf('spin-long'), { spin: true }, { deadlineMs: 300 });
    expect(result.kind).toBe('timeout');
    expect(await runtime.invoke(arnOf('spin-long'), {})).toMatchObject({ kind: 'ok' });
  });

  test('process.exit in a handler is a Runtime.ExitError and the environment is replaced', async () => {
    const before = environmentOf(await runtime.invoke(arnOf('exit'), {}));
    const result = await runtime.invoke(arnOf('exit'), { exit: true });
    expect(result).toMatchObject({
      kind: 'error',
      errorType: 'Runtime.ExitError',
      errorMessage: `RequestId: ${result.requestId} Error: Runtime exited with error: exit status 3`,
    });
    expect(environmentOf(await runtime.invoke(arnOf('exit'), {}))).not.toBe(before);
  });

  test('an exception thrown outside the handler flow fails the invocation and resets the environment', async () => {
    const before = environmentOf(await runtime.invoke(arnOf('throw-later'), {}));
    expect(await runtime.invoke(arnOf('throw-later'), { throwLater: true })).toMatchObject({
      kind: 'error',
      errorType: 'Error',
      errorMessage: 'escaped the handler',
    });
    expect(environmentOf(await runtime.invoke(arnOf('throw-later'), {}))).not.toBe(before);
  });

  // In-thread, the rejection reaches jest's own handler too (it runs on jest's thread) and fails the test, so
  // in-thread-environment.test.ts proves this case in a plain Node process, as `portico serve` runs.
  const workerOnly = lambdaMode === 'worker' ? test : test.skip;
  workerOnly('an unhandled rejection is a Runtime.UnhandledPromiseRejection and resets the environment', async () => {
    const before = environmentOf(await runtime.invoke(arnOf('reject-unhandled'), {}));
    expect(await runtime.invoke(arnOf('reject-unhandled'), { reject: true })).toMatchObject({
      kind: 'error',
      errorType: 'Runtime.UnhandledPromiseRejection',
      errorMessage: 'Error: nobody caught me',
    });
    expect(environmentOf(await runtime.invoke(arnOf('reject-unhandled'), {}))).not.toBe(before);
  });

  test.each([
    ['missing-export', 'Runtime.HandlerNotFound', 'failures.nothingHere is undefined or not exported'],
    ['not-a-function', 'Runtime.HandlerNotFound', 'failures.notAFunction is not a function'],
    ['missing-module', 'Runtime.ImportModuleError', "Error: Cannot find module 'nowhere'"],
  ])('a handler that cannot be loaded (%s) reports the runtime error type', async (name, errorType, errorMessage) => {
    expect(await runtime.invoke(arnOf(name), {})).toMatchObject({ kind: 'error', errorType, errorMessage });
  });

  test('a syntax error in the code is a Runtime.UserCodeSyntaxError', async () => {
    const result = await runtime.invoke(arnOf('syntax-error'), {});
    expect(result).toMatchObject({ kind: 'error', errorType: 'Runtime.UserCodeSyntaxError' });
    expect(result.kind === 'error' && result.errorMessage).toMatch(/^SyntaxError: /);
  });

  test('an unknown function, an unsupported one and one without code are unavailable', async () => {
    expect(await runtime.invoke(arnOf('nobody'), {})).toMatchObject({
      kind: 'unavailable',
      reason: `Function not found: ${arnOf('nobody')}`,
    });
    expect(await runtime.invoke(arnOf('python'), {})).toMatchObject({
      kind: 'unavailable',
      reason: 'TestStack/python/Resource: runtime python3.12 is not Node.js',
    });
    const noCode = await runtime.invoke(arnOf('no-code'), {});
    expect(noCode.kind === 'unavailable' && noCode.reason).toContain('neither a code asset nor inline code');
  });
});
