/**
 * Stops a handler that never yields while it runs on the gateway's own thread (in-thread environments). A
 * `vm` `timeout` would do it per call but starts a thread each time (~80 µs, more than the whole in-thread
 * invocation); this watchdog is one thread for the process, told only the earliest deadline in progress and
 * fed a heartbeat while one is. The thread's side is `watchdog-thread.js`; the tradeoff is in
 * docs/decisions/0025-in-thread-environments.md.
 */
import { executionAsyncResource } from 'node:async_hooks';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';

const WATCHDOG_SCRIPT = path.join(__dirname, 'watchdog-thread.js');
/** How long past a deadline, with no heartbeat, before the watchdog stops the main thread's JavaScript. */
const GRACE_MS = 100;
const HEARTBEAT_MS = 25;

export class MainThreadWatchdog {
  private static shared?: MainThreadWatchdog;
  private static users = 0;

  /** The process's watchdog, started on first use; `release()` once per `acquire()`. */
  static acquire(): MainThreadWatchdog {
    MainThreadWatchdog.users++;
    MainThreadWatchdog.shared ??= new MainThreadWatchdog();
    return MainThreadWatchdog.shared;
  }

  static release(): void {
    MainThreadWatchdog.users = Math.max(0, MainThreadWatchdog.users - 1);
    if (MainThreadWatchdog.users > 0 || !MainThreadWatchdog.shared) return;
    MainThreadWatchdog.shared.stop();
    MainThreadWatchdog.shared = undefined;
  }

  private readonly cells = new Int32Array(new SharedArrayBuffer(4 * Int32Array.BYTES_PER_ELEMENT));
  private readonly epoch = Date.now();
  private readonly deadlines = new Map<object, number>();
  private readonly worker: Worker;
  private heartbeat?: NodeJS.Timeout;
  private beats = 0;

  private constructor() {
    this.worker = new Worker(WATCHDOG_SCRIPT, {
      workerData: { state: this.cells.buffer, epoch: this.epoch, graceMs: GRACE_MS },
      execArgv: [],
    });
    this.worker.unref();
    // Without the inspector (a Node built without it) the watchdog cannot act; the deadline timers still do.
    this.worker.on('error', () => undefined);
    this.probeAsyncHooks();
  }

  /** How many times the watchdog has stopped the main thread's JavaScript (for tests and `--trace`). */
  get terminations(): number {
    return Atomics.load(this.cells, 2);
  }

  /** `owner` runs an invocation due at `deadlineAt` (epoch ms) until `disarm(owner)`. */
  arm(owner: object, deadlineAt: number): void {
    this.deadlines.set(owner, deadlineAt);
    this.publish();
    // The heartbeat stops itself once nothing is armed, rather than per disarm: sequential invocations
    // would otherwise start and clear an interval each.
    this.heartbeat ??= setInterval(() => this.beat(), HEARTBEAT_MS).unref();
  }

  disarm(owner: object): void {
    if (!this.deadlines.delete(owner)) return;
    this.publish();
  }

  private beat(): void {
    Atomics.add(this.cells, 1, 1);
    if (++this.beats % 40 === 0) this.probeAsyncHooks();
    if (this.deadlines.size > 0) return;
    clearInterval(this.heartbeat);
    this.heartbeat = undefined;
  }

  /**
   * Whether promise hooks are on (jest-circus and AsyncLocalStorage turn them on): a promise job then runs
   * inside a promise's async context, and stopping it mid-job leaves Node's async-context stack unbalanced,
   * which Node treats as fatal. The watchdog says so before it acts (watchdog-thread.js).
   */
  private probeAsyncHooks(): void {
    Promise.resolve().then(() => Atomics.store(this.cells, 3, executionAsyncResource() instanceof Promise ? 1 : 0));
  }

  private publish(): void {
    let earliest = 0;
    for (const deadlineAt of this.deadlines.values()) {
      // Stored relative to the epoch so that it fits an Int32 cell (Atomics has no Float64 view); 1 ms floor keeps 0 meaning "none".
      const relative = Math.max(1, deadlineAt - this.epoch);
      if (earliest === 0 || relative < earliest) earliest = relative;
    }
    Atomics.store(this.cells, 0, earliest);
  }

  private stop(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    void this.worker.terminate();
  }
}
