// How one invocation of a Node.js handler settles, as the runtime interface client settles it: the callback,
// `context.done/succeed/fail` and a returned promise all end the same invocation and only the first counts;
// failures are reported as Lambda reports them. Shared by the worker-thread environment (worker.js) and the
// in-thread environment (in-thread-environment.ts). Plain CommonJS: worker.js loads it uncompiled.

const util = require('node:util');

/**
 * @typedef {{ kind: 'ok', payloadJson: string } | { kind: 'error', errorType: string, errorMessage: string }} Outcome
 *
 * @typedef {object} ContextSetup  what the handler's `context` says about the function
 * @property {string} functionName
 * @property {string} functionVersion
 * @property {string} memoryLimitInMB
 * @property {string} logGroupName
 * @property {string} logStreamName
 */

/**
 * What Lambda reports for a failure: `name`/`message` of an Error (of any realm), else the value's type and text.
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
 * The runtime's log line for a failed invocation: a label and the error as JSON with its stack.
 * @param {string} label  `Invoke Error`, `Uncaught Exception`, ...
 * @param {Extract<Outcome, { kind: 'error' }>} outcome
 * @param {unknown} error
 */
function failureLogArgs(label, outcome, error) {
  const stack = util.types.isNativeError(error) && typeof error.stack === 'string' ? error.stack.split('\n') : [];
  const { errorType, errorMessage } = outcome;
  return [label, `\t${JSON.stringify({ errorType, errorMessage, stack })}`];
}

/**
 * `done(error, result)` for one invocation: the first call settles it with the result serialized as Lambda
 * serializes it (JSON; `undefined` answers `null`).
 * @param {(outcome: Outcome, error?: unknown) => void} onSettled
 */
function settlement(onSettled) {
  let settled = false;
  /**
   * @param {unknown} error
   * @param {unknown} [result]
   */
  const done = (error, result) => {
    if (settled) return;
    settled = true;
    if (error !== undefined && error !== null) {
      onSettled(errorOutcome(error), error);
      return;
    }
    let payloadJson;
    try {
      payloadJson = JSON.stringify(result === undefined ? null : result);
    } catch {
      const failure = new Error('Unable to stringify response body');
      onSettled(errorOutcome(failure), failure);
      return;
    }
    onSettled({ kind: 'ok', payloadJson });
  };
  return { done, isSettled: () => settled };
}

/**
 * The handler's `context` object.
 * @param {ContextSetup} setup
 * @param {{ requestId: string, invokedFunctionArn: string, deadlineAt: number }} invocation
 * @param {(error: unknown, result?: unknown) => void} done
 */
function lambdaContext(setup, invocation, done) {
  // Kept for handlers that set it; the answer never waits for the event loop to drain here.
  let waitsForEmptyEventLoop = true;
  return {
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
    invokedFunctionArn: invocation.invokedFunctionArn,
    memoryLimitInMB: setup.memoryLimitInMB,
    awsRequestId: invocation.requestId,
    logGroupName: setup.logGroupName,
    logStreamName: setup.logStreamName,
    identity: undefined,
    clientContext: undefined,
    getRemainingTimeInMillis: () => Math.max(0, invocation.deadlineAt - Date.now()),
  };
}

/** The runtime's text log levels per console method (`<time>\t<requestId>\t<LEVEL>\t<message>`). */
const CONSOLE_LEVELS = /** @type {const} */ ([
  ['log', 'INFO'],
  ['info', 'INFO'],
  ['warn', 'WARN'],
  ['error', 'ERROR'],
  ['debug', 'DEBUG'],
  ['trace', 'TRACE'],
]);

module.exports = { errorOutcome, failureLogArgs, settlement, lambdaContext, CONSOLE_LEVELS };
