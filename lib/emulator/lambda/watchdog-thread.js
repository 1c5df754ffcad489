// The main-thread watchdog's own thread (main-thread-watchdog.ts is its other half). In-thread environments
// run handlers on the gateway's thread, where nothing else can stop a handler that never yields: this thread
// watches the earliest deadline of the invocations in progress and the main thread's heartbeat, and when the
// deadline has passed and the heartbeat has stopped, it stops the JavaScript running on the main thread through
// the inspector protocol (`Runtime.terminateExecution`), as a debugger's "stop" button does. The main thread
// then runs its overdue deadline timer, which retires the environment. Plain CommonJS: loaded by path.

const fs = require('node:fs');
const inspector = require('node:inspector');
const { workerData } = require('node:worker_threads');

/** @type {{ state: SharedArrayBuffer, epoch: number, graceMs: number }} */
const { state, epoch, graceMs } = workerData;
// [0]: earliest deadline in progress (ms since `epoch`, 0 when none); [1]: heartbeat count; [2]: terminations;
// [3]: 1 while promise hooks are on in the main thread.
const cells = new Int32Array(state);

const session = new inspector.Session();
session.connectToMainThread();

let lastBeat = Atomics.load(cells, 1);
let lastBeatSeenAt = Date.now();
let lastTerminationAt = 0;

setInterval(
  () => {
    const now = Date.now();
    const beat = Atomics.load(cells, 1);
    if (beat !== lastBeat) {
      lastBeat = beat;
      lastBeatSeenAt = now;
      return;
    }
    const deadline = Atomics.load(cells, 0);
    if (deadline === 0 || now - epoch < deadline + graceMs) return;
    // Still beating recently: the main thread is slow, not stuck; its own deadline timer will act.
    if (now - lastBeatSeenAt < graceMs || now - lastTerminationAt < graceMs) return;
    lastTerminationAt = now;
    Atomics.add(cells, 2, 1);
    if (Atomics.load(cells, 3) === 1) {
      // Written directly: the main thread, which carries a worker's stderr, is the one that is stuck.
      fs.writeSync(
        2,
        'portico: an in-thread Lambda handler ran past its timeout without yielding. Promise hooks are on in this ' +
          'process (jest, AsyncLocalStorage), so if it is stuck inside a promise job, stopping it ends the process ' +
          '(Node: "async hook stack has become corrupted"). lambdaMode \'worker\' stops such handlers without that risk.\n',
      );
    }
    session.post('Runtime.terminateExecution');
  },
  Math.max(10, Math.floor(graceMs / 4)),
);
