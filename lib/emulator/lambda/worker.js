/**
 * One Lambda execution environment: a worker thread that loads the function's handler the way the
 * Node.js runtime interface client does and runs one invocation at a time.
 *
 * Plain CommonJS on purpose: it runs unchanged under node, tsx and jest, with no TypeScript loader
 * inside the thread. The parent side is `execution-environment.ts`; the messages are typed there too.
 */
const util = require('node:util');
const { parentPort, workerData } = require('node:worker_threads');
const { loadHandler } = require('./handler-loader.js');

/**
 * @typedef {object} WorkerSetup
 * @property {string} taskRoot            code directory (LAMBDA_TASK_ROOT)
 * @property {string} handler             `file.export`, as in the template
 * @property {string} functionName
 * @property {string} functionVersion
 * @property {string} memoryLimitInMB
 * @property {string} logGroupName
 * @property {string} logStreamName
 *
 * @typedef {object} InvokeMessage
 * @property {'invoke'} type
 * @property {string} requestId
 * @property {string} eventJson
 * @property {string} invokedFunctionArn
 * @property {number} deadlineAt          epoch milliseconds
 *
 * @typedef {{ kind: 'ok', payloadJson: string } | { kind: 'error', errorType: string, errorMessage: string }} Outcome
 */

/** @type {WorkerSetup} */
const setup = workerData;
/** @type {import('node:worker_threads').MessagePort} */
const port = /** @type {never} */ (parentPort);

/** Request id of the invocation in progress (or the last one), as Lambda prefixes log lines with it. */
let currentRequestId = 'undefined';

// Lambda honours NODE_OPTIONS=--enable-source-maps from the function's environment; a worker does not
// read NODE_OPTIONS, so apply the one flag that matters for stack traces.
if ((process.env.NODE_OPTIONS ?? '').includes('--enable-source-maps')) process.setSourceMapsEnabled(true);

// The runtime's text log format: `<time>\t<requestId>\t<LEVEL>\t<message>`.
for (const [method, level] of [
  ['log', 'INFO'],
  ['info', 'INFO'],
  ['warn', 'WARN'],
  ['error', 'ERROR'],
  ['debug', 'DEBUG'],
  ['trace', 'TRACE'],
]) {
  /** @type {Record<string, unknown>} */ (console)[method] = (/** @type {unknown[]} */ ...args) => {
    port.postMessage({
      type: 'log',
      line: `${new Date().toISOString()}\t${currentRequestId}\t${level}\t${util.format(...args)}`,
    });
  };
}

/** @type {Promise<Function> | undefined} */
let handlerLoading;

/** Init runs once per environment; a failed init is retried by the next invocation, as on Lambda. */
function initialize() {
  if (!handlerLoading) {
    handlerLoading = loadHandler(setup.taskRoot, setup.handler);
    handlerLoading.catch(() => {
      handlerLoading = undefined;
    });
  }
  return handlerLoading;
}

/**
 * What Lambda reports for a failure: `name`/`message` of an Error, else the value's type and text.
 * @param {unknown} error
 * @returns {Outcome}
 */
function errorOutcome(error) {
  const candidate = /** @type {Partial<Error>} */ (error);
  const errorLike =
    typeof candidate?.name === 'string' && typeof candidate.message === 'string' && typeof candidate.stack === 'string';
  if (util.types.isNativeError(error) || errorLike) {
    return { kind: 'error', errorType: String(candidate.name), errorMessage: String(candidate.message) };
  }
  return { kind: 'error', errorType: typeof error, errorMessage: String(error) };
}

/**
 * Posts the invocation's outcome; a failure is also logged as the runtime logs it, with its stack.
 * @param {string} requestId
 * @param {Outcome} outcome
 * @param {{ error?: unknown, label?: string, retire?: boolean }} [details]  `retire`: the environment is
 *   about to exit and must not take another invocation
 */
function report(requestId, outcome, { error, label = 'Invoke Error', retire = false } = {}) {
  if (outcome.kind === 'error') {
    const stack = error instanceof Error && typeof error.stack === 'string' ? error.stack.split('\n') : [];
    const { errorType, errorMessage } = outcome;
    console.error(label, `\t${JSON.stringify({ errorType, errorMessage, stack })}`);
  }
  port.postMessage({ type: 'result', requestId, outcome, retire });
}

/**
 * The callback, `context.done/succeed/fail` and a returned promise all settle the same invocation;
 * only the first one counts (as in the runtime's CallbackContext).
 * @param {InvokeMessage} message
 */
function settlement(message) {
  let settled = false;
  /**
   * @param {unknown} error
   * @param {unknown} [result]
   */
  const done = (error, result) => {
    if (settled) return;
    settled = true;
    if (error !== undefined && error !== null) {
      report(message.requestId, errorOutcome(error), { error });
      return;
    }
    let payloadJson;
    try {
      payloadJson = JSON.stringify(result === undefined ? null : result);
    } catch {
      const failure = new Error('Unable to stringify response body');
      report(message.requestId, errorOutcome(failure), { error: failure });
      return;
    }
    report(message.requestId, { kind: 'ok', payloadJson });
  };
  return { done, isSettled: () => settled };
}

/** @param {InvokeMessage} message */
async function invoke(message) {
  currentRequestId = message.requestId;
  const { done, isSettled } = settlement(message);
  let handler;
  try {
    handler = await initialize();
  } catch (error) {
    done(error);
    return;
  }
  // Kept for handlers that set it; the answer never waits for the event loop to drain here (see below).
  let waitsForEmptyEventLoop = true;
  const context = {
    get callbackWaitsForEmptyEventLoop() {
      return waitsForEmptyEventLoop;
    },
    set callbackWaitsForEmptyEventLoop(value) {
      waitsForEmptyEventLoop = value;
    },
    succeed: (/** @type {unknown} */ result) => done(null, result),
    fail: (/** @type {unknown} */ error) => done(error ?? 'handled'),
    done,
    functionName: setup.functionName,
    functionVersion: setup.functionVersion,
    invokedFunctionArn: message.invokedFunctionArn,
    memoryLimitInMB: setup.memoryLimitInMB,
    awsRequestId: message.requestId,
    logGroupName: setup.logGroupName,
    logStreamName: setup.logStreamName,
    identity: undefined,
    clientContext: undefined,
    getRemainingTimeInMillis: () => Math.max(0, message.deadlineAt - Date.now()),
  };
  try {
    const returned = handler(JSON.parse(message.eventJson), context, done);
    if (returned && typeof returned.then === 'function') {
      returned.then(
        (/** @type {unknown} */ result) => done(null, result),
        (/** @type {unknown} */ error) => done(error ?? 'handled'),
      );
    } else if (handler.length < 3 && !isSettled()) {
      // A synchronous handler without a callback: Lambda answers `null` once the event loop drains.
      // A worker's loop never drains (the parent port keeps it open), so answer now.
      done(null, null);
    }
  } catch (error) {
    done(error);
  }
}

// An error escaping the handler's own flow ends the environment, as the runtime does (exit 129/128);
// the parent replaces it before the next invocation.
process.on('uncaughtException', (error) => {
  report(currentRequestId, errorOutcome(error), { error, label: 'Uncaught Exception', retire: true });
  process.exit(129);
});
process.on('unhandledRejection', (reason) => {
  /** @type {Outcome} */
  const outcome = { kind: 'error', errorType: 'Runtime.UnhandledPromiseRejection', errorMessage: String(reason) };
  report(currentRequestId, outcome, { error: reason, label: 'Unhandled Promise Rejection', retire: true });
  process.exit(128);
});

port.on('message', (/** @type {InvokeMessage | { type: 'init' }} */ message) => {
  if (message.type === 'invoke') {
    void invoke(message);
    return;
  }
  initialize().then(
    () => port.postMessage({ type: 'initialized' }),
    () => port.postMessage({ type: 'initialized' }),
  );
});
