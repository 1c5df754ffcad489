/**
 * The local Runtime API over real HTTP on 127.0.0.1, as a runtime sees it: the `next` long poll and its
 * headers, and the status codes and error bodies of the Runtime API's OpenAPI description.
 */
import {
  MAX_RESPONSE_BYTES,
  type RuntimeAnswer,
  RuntimeApiServer,
  type RuntimeError,
  type RuntimeInvocation,
} from '../../../lib/emulator/lambda/runtime-api-server';

const invocation = (requestId: string): RuntimeInvocation => ({
  requestId,
  eventJson: '{"hello":"world"}',
  invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:fn',
  deadlineAt: 1_900_000_000_000,
  traceId: 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=0',
});

let server: RuntimeApiServer;
let base: string;
const initErrors: RuntimeError[] = [];
let readyCount = 0;

beforeEach(async () => {
  initErrors.length = 0;
  readyCount = 0;
  server = new RuntimeApiServer({ onReady: () => readyCount++, onInitError: (error) => initErrors.push(error) });
  base = `http://${await server.listen()}/2018-06-01/runtime`;
});
afterEach(() => server.close());

async function call(path: string, init?: RequestInit): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${base}${path}`, init);
  return { status: response.status, body: await response.json() };
}

test('next waits for an event and hands it over with the documented headers; a response is accepted with 202', async () => {
  const next = fetch(`${base}/invocation/next`);
  const answer = server.invoke(invocation('req-1'));
  const event = await next;
  expect(event.status).toBe(200);
  expect(await event.json()).toEqual({ hello: 'world' });
  expect(Object.fromEntries([...event.headers].filter(([name]) => name.startsWith('lambda-runtime')))).toEqual({
    'lambda-runtime-aws-request-id': 'req-1',
    'lambda-runtime-deadline-ms': '1900000000000',
    'lambda-runtime-invoked-function-arn': 'arn:aws:lambda:eu-west-1:123456789012:function:fn',
    'lambda-runtime-trace-id': 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=0',
  });
  expect(readyCount).toBe(1);
  expect(await call('/invocation/req-1/response', { method: 'POST', body: '{"ok":true}' })).toEqual({
    status: 202,
    body: { status: 'OK' },
  });
  expect(await answer).toEqual<RuntimeAnswer>({ kind: 'response', payload: '{"ok":true}' });
});

test('client context and Cognito identity headers are sent only when the invocation has them', async () => {
  const answer = server.invoke({
    ...invocation('req-ctx'),
    clientContext: '{"custom":{"a":1}}',
    cognitoIdentity: '{}',
  });
  const event = await fetch(`${base}/invocation/next`);
  expect(event.headers.get('lambda-runtime-client-context')).toBe('{"custom":{"a":1}}');
  expect(event.headers.get('lambda-runtime-cognito-identity')).toBe('{}');
  await event.text();
  await call('/invocation/req-ctx/response', { method: 'POST', body: 'null' });
  await answer;
});

test('an error body in the documented shape is the invocation error; without one the header names the type', async () => {
  const first = server.invoke(invocation('req-e1'));
  await (await fetch(`${base}/invocation/next`)).text();
  const body = JSON.stringify({ errorMessage: 'boom', errorType: 'ValueError', stackTrace: ['at x'] });
  expect(
    await call('/invocation/req-e1/error', {
      method: 'POST',
      body,
      headers: { 'Lambda-Runtime-Function-Error-Type': 'Unhandled' },
    }),
  ).toEqual({ status: 202, body: { status: 'OK' } });
  expect(await first).toEqual({ kind: 'error', errorType: 'ValueError', errorMessage: 'boom' });

  const second = server.invoke(invocation('req-e2'));
  await (await fetch(`${base}/invocation/next`)).text();
  await call('/invocation/req-e2/error', {
    method: 'POST',
    headers: { 'Lambda-Runtime-Function-Error-Type': 'Runtime.Crash' },
  });
  expect(await second).toEqual({ kind: 'error', errorType: 'Runtime.Crash', errorMessage: '' });
});

test('an unknown request id is 400 InvalidRequestID; a second answer is 403 InvalidStateTransition', async () => {
  const answer = server.invoke(invocation('req-2'));
  await (await fetch(`${base}/invocation/next`)).text();
  expect(await call('/invocation/someone-else/response', { method: 'POST', body: '1' })).toEqual({
    status: 400,
    body: { errorMessage: 'Invalid request ID', errorType: 'InvalidRequestID' },
  });
  await call('/invocation/req-2/response', { method: 'POST', body: '1' });
  await answer;
  const again = await call('/invocation/req-2/response', { method: 'POST', body: '2' });
  expect(again).toMatchObject({ status: 403, body: { errorType: 'InvalidStateTransition' } });
});

test('init/error is accepted during init (202) and refused once an event was handed out (403)', async () => {
  const body = JSON.stringify({
    errorMessage: "Unable to import module 'app'",
    errorType: 'Runtime.ImportModuleError',
  });
  expect(await call('/init/error', { method: 'POST', body })).toEqual({ status: 202, body: { status: 'OK' } });
  expect(initErrors).toEqual([
    { errorType: 'Runtime.ImportModuleError', errorMessage: "Unable to import module 'app'" },
  ]);

  const answer = server.invoke(invocation('req-3'));
  await (await fetch(`${base}/invocation/next`)).text();
  expect(await call('/init/error', { method: 'POST', body })).toMatchObject({
    status: 403,
    body: { errorType: 'InvalidStateTransition' },
  });
  await call('/invocation/req-3/response', { method: 'POST', body: '{}' });
  await answer;
});

test('a response above 6 MB is 413 RequestEntityTooLarge and fails the invocation', async () => {
  const answer = server.invoke(invocation('req-big'));
  await (await fetch(`${base}/invocation/next`)).text();
  const big = `"${'x'.repeat(MAX_RESPONSE_BYTES)}"`;
  expect(await call('/invocation/req-big/response', { method: 'POST', body: big })).toEqual({
    status: 413,
    body: {
      errorMessage: `Exceeded maximum allowed payload size (${MAX_RESPONSE_BYTES} bytes).`,
      errorType: 'RequestEntityTooLarge',
    },
  });
  expect(await answer).toMatchObject({ kind: 'error', errorType: 'Function.ResponseSizeTooLarge' });
});

test('unknown paths are 404 and wrong methods 405, both as JSON errors', async () => {
  expect(await call('/invocation/latest')).toMatchObject({ status: 404, body: { errorType: 'NotFound' } });
  expect(await call('/invocation/next', { method: 'POST' })).toMatchObject({ status: 405 });
});
