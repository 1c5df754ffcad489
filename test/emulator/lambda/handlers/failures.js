/** Handlers that fail in each way Lambda distinguishes. */
// One id per execution environment (module state): a worker thread or an in-thread vm context.
const environmentId = require('node:crypto').randomUUID();

exports.throws = async () => {
  throw new TypeError('bad input');
};

exports.throwsSync = () => {
  throw new Error('sync failure');
};

exports.rejectsWithString = () => Promise.reject('Unauthorized');

exports.callbackError = (_event, _context, callback) => callback(new RangeError('out of range'));

/** Spins forever when asked; otherwise reports its thread, so a replacement environment is visible. */
exports.maybeSpin = async (event) => {
  if (event.spin) while (true) {}
  return environmentId;
};

exports.maybeExit = async (event) => {
  if (event.exit) process.exit(3);
  return environmentId;
};

exports.maybeThrowLater = (event) => {
  if (event.throwLater) {
    setTimeout(() => {
      throw new Error('escaped the handler');
    }, 0);
    return new Promise(() => {});
  }
  return Promise.resolve(environmentId);
};

exports.maybeRejectUnhandled = async (event) => {
  if (event.reject) {
    Promise.reject(new Error('nobody caught me'));
    return new Promise(() => {});
  }
  return environmentId;
};

exports.notAFunction = 42;
