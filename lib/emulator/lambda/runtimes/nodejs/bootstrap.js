/**
 * Portico's Node.js runtime for the process path (`lambdaMode: 'process'`): a Lambda Runtime API
 * client in one file, doing what the Node.js runtime interface client does ("Using the Lambda runtime
 * API for custom runtimes", https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html): load the
 * handler during init, then ask for events one at a time and post each result or error.
 *
 * The default path is the worker thread (`../../worker.js`); this one exists so that a Node.js
 * function can run exactly as Python and custom runtimes do, and the two paths can be compared.
 * Plain CommonJS, no dependencies.
 */
const http = require('node:http');
const util = require('node:util');
const { loadHandler } = require('../../handler-loader.js');

const [host, port] = String(process.env.AWS_LAMBDA_RUNTIME_API).split(':');
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const PREFIX = '/2018-06-01/runtime';
const taskRoot = process.env.LAMBDA_TASK_ROOT || process.cwd();
const fullHandler = process.env._HANDLER || '';

let currentRequestId = 'undefined';

/**
 * @param {string} method
 * @param {string} urlPath
 * @param {string} [body]
 * @param {Record<string, string>} [headers]
 * @returns {Promise<{ headers: import('node:http').IncomingHttpHeaders, body: string }>}
 */
function call(method, urlPath, body, headers = {}) {
  return new Promise((resolve, reject) => {
    const request = http.request({ host, port, method, path: PREFIX + urlPath, agent, headers }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    request.on('error', reject);
    request.end(body);
  });
}

// The runtime's text log format on stdout: `<time>\t<requestId>\t<LEVEL>\t<message>`.
for (const [method, level] of [
  ['log', 'INFO'],
  ['info', 'INFO'],
  ['warn', 'WARN'],
  ['error', 'ERROR'],
  ['debug', 'DEBUG'],
  ['trace', 'TRACE'],
]) {
  console[method] = (...args) => {
    const text = `${new Date().toISOString()}\t${currentRequestId}\t${level}\t${util.format(...args)}`;
    process.stdout.write(`${text.replace(/\n/g, '\r')}\n`);
  };
}

/** @param {unknown} error */
function errorBody(error) {
  const isError = error instanceof Error || (error && typeof error === 'object' && 'message' in error);
  const errorType = isError ? String(error.name) : typeof error;
  const errorMessage = isError ? String(error.message) : String(error);
  const trace = isError && typeof error.stack === 'string' ? error.stack.split('\n') : [];
  return { errorType, errorMessage, trace };
}

/**
 * @param {string} urlPath
 * @param {unknown} error
 * @param {string} label
 */
function postError(urlPath, error, label = 'Invoke Error') {
  const body = errorBody(error);
  console.error(label, `\t${JSON.stringify(body)}`);
  return call('POST', urlPath, JSON.stringify(body), {
    'Content-Type': 'application/json',
    'Lambda-Runtime-Function-Error-Type': body.errorType,
  });
}

/** Runs one invocation; resolves with `[error]` or `[null, result]` from whichever way the handler settles. */
function runHandler(handler, event, context) {
  return new Promise((resolve) => {
    let settled = false;
    const done = (error, result) => {
      if (settled) return;
      settled = true;
      resolve(error !== undefined && error !== null ? [error] : [null, result]);
    };
    context.succeed = (result) => done(null, result);
    context.fail = (error) => done(error ?? 'handled');
    context.done = done;
    try {
      const returned = handler(event, context, done);
      if (returned && typeof returned.then === 'function') {
        returned.then(
          (result) => done(null, result),
          (error) => done(error ?? 'handled'),
        );
      } else if (handler.length < 3) {
        done(null, null);
      }
    } catch (error) {
      done(error);
    }
  });
}

async function main() {
  let handler;
  try {
    handler = await loadHandler(taskRoot, fullHandler);
  } catch (error) {
    await postError('/init/error', error, 'Init Error');
    process.exit(1);
  }
  for (;;) {
    const next = await call('GET', '/invocation/next');
    const requestId = String(next.headers['lambda-runtime-aws-request-id']);
    currentRequestId = requestId;
    const traceId = next.headers['lambda-runtime-trace-id'];
    if (traceId) process.env._X_AMZN_TRACE_ID = String(traceId);
    const deadline = Number(next.headers['lambda-runtime-deadline-ms']);
    let waitsForEmptyEventLoop = true;
    const context = {
      get callbackWaitsForEmptyEventLoop() {
        return waitsForEmptyEventLoop;
      },
      set callbackWaitsForEmptyEventLoop(value) {
        waitsForEmptyEventLoop = value;
      },
      functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
      functionVersion: process.env.AWS_LAMBDA_FUNCTION_VERSION,
      invokedFunctionArn: String(next.headers['lambda-runtime-invoked-function-arn']),
      memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
      awsRequestId: requestId,
      logGroupName: process.env.AWS_LAMBDA_LOG_GROUP_NAME,
      logStreamName: process.env.AWS_LAMBDA_LOG_STREAM_NAME,
      identity: undefined,
      clientContext: undefined,
      getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    };
    const [error, result] = await runHandler(handler, JSON.parse(next.body || 'null'), context);
    if (error !== null) {
      await postError(`/invocation/${requestId}/error`, error);
      continue;
    }
    let payload;
    try {
      payload = JSON.stringify(result === undefined ? null : result);
    } catch {
      await postError(`/invocation/${requestId}/error`, new Error('Unable to stringify response body'));
      continue;
    }
    await call('POST', `/invocation/${requestId}/response`, payload, { 'Content-Type': 'application/json' });
  }
}

// An error escaping the handler's own flow ends the environment, as the runtime does (exit 129/128).
process.on('uncaughtException', (error) => {
  postError(`/invocation/${currentRequestId}/error`, error, 'Uncaught Exception').finally(() => process.exit(129));
});
process.on('unhandledRejection', (reason) => {
  const error = reason instanceof Error ? reason : new Error(String(reason));
  error.name = 'Runtime.UnhandledPromiseRejection';
  postError(`/invocation/${currentRequestId}/error`, error, 'Unhandled Promise Rejection').finally(() =>
    process.exit(128),
  );
});

main().catch(() => process.exit(0)); // the Runtime API went away: the environment is being shut down
