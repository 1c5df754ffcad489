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
const {
  errorOutcome,
  failureLogArgs,
  settlement,
  lambdaContext,
  CONSOLE_LEVELS,
} = require('./invocation-settlement.js');

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
 * @typedef {import('./invocation-settlement.js').Outcome} Outcome
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
for (const [method, level] of CONSOLE_LEVELS) {
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
 * Posts the invocation's outcome; a failure is also logged as the runtime logs it, with its stack.
 * @param {string} requestId
 * @param {Outcome} outcome
 * @param {{ error?: unknown, label?: string, retire?: boolean }} [details]  `retire`: the environment is
 *   about to exit and must not take another invocation
 */
function report(requestId, outcome, { error, label = 'Invoke Error', retire = false } = {}) {
  if (outcome.kind === 'error') console.error(...failureLogArgs(label, outcome, error));
  port.postMessage({ type: 'result', requestId, outcome, retire });
}

/** @param {InvokeMessage} message */
async function invoke(message) {
  currentRequestId = message.requestId;
  const { done, isSettled } = settlement((outcome, error) => report(message.requestId, outcome, { error }));
  let handler;
  try {
    handler = await initialize();
  } catch (error) {
    done(error);
    return;
  }
  const context = lambdaContext(setup, message, done);
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
