/** Handlers for what only in-thread environments must get right (they share the gateway's thread). */
const fs = require('node:fs');

const environmentId = require('node:crypto').randomUUID();

/** An endless loop after an await: past the reach of `vm`'s timeout, stopped by the main-thread watchdog. */
exports.spinAfterAwait = async (event) => {
  await new Promise((resolve) => setTimeout(resolve, 5));
  if (event.spin) while (true) {}
  return environmentId;
};

/** A throw from a host I/O callback (not a timer the environment wraps): it surfaces as the host's uncaughtException. */
exports.throwInIoCallback = (event) =>
  new Promise((resolve) => {
    fs.stat(__filename, () => {
      if (event.throw) throw new Error('thrown in an fs callback');
      resolve(environmentId);
    });
  });

exports.rejectUnhandled = async (event) => {
  if (event.reject) {
    Promise.reject(new Error('nobody caught me'));
    return new Promise(() => {});
  }
  return environmentId;
};

/** What a handler can reach of the process it runs in. */
exports.processView = async () => {
  process.on('SIGTERM', () => {});
  return { table: process.env.TABLE_NAME ?? null, sigtermListeners: process.listenerCount('SIGTERM') };
};

/** Awaits the host's I/O (a real file read) several times: the environment's jobs must keep running. */
exports.awaitsIo = async () => {
  let size = 0;
  for (let i = 0; i < 3; i++) size += (await fs.promises.readFile(__filename)).length;
  return { size, environmentId };
};
