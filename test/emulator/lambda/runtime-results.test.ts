import type { LambdaMode } from '../../../lib/emulator/lambda/process-pool';
import { LambdaRuntime } from '../../../lib/emulator/lambda/runtime';
import { arnOf, functionMap, lambdaFunction, NODE_LAMBDA_MODES } from './functions';

const logs: string[] = [];
const createRuntime = (lambdaMode: LambdaMode) =>
  new LambdaRuntime(
    functionMap(
      lambdaFunction('echo', 'results.echo'),
      lambdaFunction('callback', 'results.callback'),
      lambdaFunction('legacy-succeed', 'results.legacySucceed'),
      lambdaFunction('sync-return', 'results.syncReturn'),
      lambdaFunction('not-json', 'results.notJson'),
      lambdaFunction('nothing', 'results.nothing'),
      lambdaFunction('circular', 'results.circular'),
      lambdaFunction('record', 'results.record', { timeoutSeconds: 5 }),
      lambdaFunction('logs', 'results.logs'),
      lambdaFunction('esm', 'esm.handler'),
      lambdaFunction('nested', 'nested/app.handler'),
      lambdaFunction('nested-export', 'nested/app.routes.users.get'),
      lambdaFunction('inline', 'index.handler', {
        codeDirectory: undefined,
        inlineCode: 'exports.handler = async (event) => ({ inline: event.value });',
      }),
    ),
    { lambdaMode, onLog: (functionName, line) => logs.push(`${functionName}|${line}`) },
  );

describe.each(NODE_LAMBDA_MODES)('LambdaRuntime results (%s)', (lambdaMode) => {
  let runtime: LambdaRuntime;
  beforeAll(() => {
    logs.length = 0;
    runtime = createRuntime(lambdaMode);
  });
  afterAll(() => runtime.close());

  test('an async handler returns its value as the payload', async () => {
    const result = await runtime.invoke(arnOf('echo'), { hello: 'world' });
    expect(result).toMatchObject({ kind: 'ok', payload: { event: { hello: 'world' } } });
  });

  test('the handler sees the event as JSON, as Lambda delivers it', async () => {
    const result = await runtime.invoke(arnOf('echo'), { when: new Date(0), missing: undefined, list: [undefined] });
    expect(result).toMatchObject({
      kind: 'ok',
      payload: { event: { when: '1970-01-01T00:00:00.000Z', list: [null] } },
    });
    expect(result.kind === 'ok' && Object.keys((result.payload as { event: object }).event)).toEqual(['when', 'list']);
  });

  test('a callback-style handler answers with what it calls back', async () => {
    const result = await runtime.invoke(arnOf('callback'), 7);
    expect(result).toMatchObject({ kind: 'ok', payload: { calledBack: 7 } });
  });

  test('context.succeed answers like the callback', async () => {
    expect(await runtime.invoke(arnOf('legacy-succeed'), {})).toMatchObject({ kind: 'ok', payload: 'succeeded' });
  });

  test('a synchronous handler without a callback answers null, whatever it returns', async () => {
    expect(await runtime.invoke(arnOf('sync-return'), {})).toMatchObject({ kind: 'ok', payload: null });
  });

  test('results are serialized with JSON.stringify: dates become strings, functions and undefined drop', async () => {
    const result = await runtime.invoke(arnOf('not-json'), {});
    expect(result).toMatchObject({ kind: 'ok', payload: { when: '1970-01-01T00:00:00.000Z', list: [null] } });
    expect(result.kind === 'ok' && Object.keys(result.payload as object)).toEqual(['when', 'list']);
  });

  test('an undefined result is null', async () => {
    expect(await runtime.invoke(arnOf('nothing'), {})).toMatchObject({ kind: 'ok', payload: null });
  });

  test('a result JSON cannot represent is an error', async () => {
    expect(await runtime.invoke(arnOf('circular'), {})).toMatchObject({
      kind: 'error',
      errorType: 'Error',
      errorMessage: 'Unable to stringify response body',
    });
  });

  test('module state survives between invocations of a warm environment', async () => {
    await runtime.invoke(arnOf('record'), { n: 1 });
    const second = await runtime.invoke(arnOf('record'), { n: 2 });
    expect(second).toMatchObject({ kind: 'ok', payload: { calls: [1, 2] } });
  });

  test('an ES module handler (.mjs) is imported, and keeps its state too', async () => {
    await runtime.invoke(arnOf('esm'), {});
    const result = await runtime.invoke(arnOf('esm'), { n: 2 });
    expect(result).toMatchObject({ kind: 'ok', payload: { format: 'esm', invocations: 2, event: { n: 2 } } });
  });

  test('a handler in a subdirectory and a nested export path resolve against the code directory', async () => {
    expect(await runtime.invoke(arnOf('nested'), {})).toMatchObject({ kind: 'ok', payload: 'nested' });
    expect(await runtime.invoke(arnOf('nested-export'), {})).toMatchObject({
      kind: 'ok',
      payload: 'nested export path',
    });
  });

  test('inline code runs as index.js', async () => {
    expect(await runtime.invoke(arnOf('inline'), { value: 5 })).toMatchObject({ kind: 'ok', payload: { inline: 5 } });
  });

  test("console output goes to onLog in Lambda's text format, tagged with the request id", async () => {
    const result = await runtime.invoke(arnOf('logs'), { name: 'portico' });
    const lines = logs.filter((line) => line.startsWith('logs|'));
    expect(lines[0]).toMatch(
      new RegExp(`^logs\\|\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z\\t${result.requestId}\\tINFO\\thello portico$`),
    );
    expect(lines[1]).toContain(`\t${result.requestId}\tERROR\tError: shown as text`);
  });
});
