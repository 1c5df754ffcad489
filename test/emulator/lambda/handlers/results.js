/** Handlers that succeed, in each of the shapes the Node.js runtime accepts. */
// One id per execution environment (module state): a worker thread or an in-thread vm context.
const environmentId = require('node:crypto').randomUUID();

exports.echo = async (event) => ({ event });

exports.callback = (event, _context, callback) => {
  setImmediate(() => callback(null, { calledBack: event }));
};

exports.legacySucceed = (_event, context, _callback) => {
  context.succeed('succeeded');
};

/** A synchronous handler's return value is not the response: Lambda answers null. */
exports.syncReturn = (_event) => ({ ignored: true });

/** Values JSON cannot carry: Lambda serializes with JSON.stringify. */
exports.notJson = async () => ({ when: new Date(0), dropped: undefined, fn: () => 1, list: [undefined] });

exports.nothing = async () => undefined;

exports.circular = async () => {
  const value = {};
  value.self = value;
  return value;
};

exports.thread = async () => environmentId;

/** Keeps its environment busy until the event says how long, then reports which thread ran it. */
exports.busyThread = (event) => new Promise((resolve) => setTimeout(() => resolve(environmentId), event.ms));

const calls = [];
/** Module state: survives between invocations in one warm environment. */
exports.record = async (event) => {
  calls.push(event.n);
  return { calls, environmentId };
};

let inFlight = 0;
/** Counts the invocations its environment runs at once (Lambda: always one), yielding to the event loop meanwhile. */
exports.overlap = async () => {
  inFlight++;
  const seen = inFlight;
  await new Promise((resolve) => setImmediate(resolve));
  inFlight--;
  return { seen, environmentId };
};

exports.logs = async (event) => {
  console.log('hello %s', event.name);
  console.error(new Error('shown as text'));
  return 'logged';
};
