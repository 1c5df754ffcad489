/**
 * One Lambda execution environment that runs the handler on the gateway's own thread, in a `vm` context of
 * its own (function-realm.ts): no thread hop per invocation, so it is the fast path for CommonJS Node.js
 * handlers under `lambdaMode: 'in-thread'`. What stays as in a worker thread: module state per environment,
 * one invocation at a time, the function's own `process.env`, its timeout (a handler that never yields is
 * stopped by main-thread-watchdog.ts), and failures that end the environment, never the gateway. Tradeoffs
 * in docs/decisions/0025-in-thread-environments.md.
 */
import { MessageChannel } from 'node:worker_threads';
import { type ErrorOwner, unwatchEscapedErrors, watchEscapedErrors } from './escaped-errors';
import type { EnvironmentSpec, InvocationRequest, RunOutcome } from './execution-environment';
import { type ConsoleLevel, FunctionRealm, ProcessExit } from './function-realm';
import { loadHandler } from './handler-loader.js';
import { errorOutcome, failureLogArgs, lambdaContext, settlement } from './invocation-settlement.js';
import type { LambdaEnvironment } from './lambda-environment';
import { MainThreadWatchdog } from './main-thread-watchdog';

type Handler = (...args: unknown[]) => unknown;
type Outcome = Extract<RunOutcome, { kind: 'ok' | 'error' }>;

interface Running {
  readonly request: InvocationRequest;
  readonly startedAt: number;
  readonly resolve: (outcome: RunOutcome) => void;
  readonly timer: NodeJS.Timeout;
  settled: boolean;
}

/** While a handler awaits the host's I/O, its realm's jobs are run this often (every loop turn at first). */
const PUMP_IMMEDIATE_MS = 10;
const PUMP_INTERVAL_MS = 1;

export class InThreadEnvironment implements LambdaEnvironment, ErrorOwner {
  private readonly realm: FunctionRealm;
  private readonly channel = new MessageChannel();
  private readonly tasks: Array<() => void> = [];
  private readonly watchdog = MainThreadWatchdog.acquire();
  private handler?: Handler;
  private handlerLoading?: Promise<Handler>;
  private initializing?: Promise<void>;
  private running?: Running;
  private pump?: NodeJS.Immediate | NodeJS.Timeout;
  private currentRequestId = 'undefined';
  private retired = false;

  constructor(
    private readonly spec: EnvironmentSpec,
    /** Called once when the environment can take no more invocations (crashed, timed out, closed). */
    private readonly onRetired: (environment: InThreadEnvironment) => void,
  ) {
    this.realm = new FunctionRealm({
      env: spec.env,
      onConsole: (level, text) => this.log(level, text),
      deliver: (task) => this.deliver(task),
      onExit: (code) => this.exited(code),
    });
    // Handler code runs from this port's messages: a stopped endless loop then unwinds one message callback,
    // which Node re-schedules cleanly, instead of a timer list or the host's microtask queue.
    this.channel.port2.on('message', () => this.runTask());
    this.channel.port2.unref();
    watchEscapedErrors(this);
  }

  get available(): boolean {
    return !this.retired && this.running === undefined;
  }

  initialize(): Promise<void> {
    if (this.retired) return Promise.resolve();
    // A caller awaiting the init keeps the process alive (an invocation's deadline timer does the same for it).
    this.channel.port2.ref();
    this.initializing ??= new Promise<void>((resolve) => {
      this.deliver(() => {
        this.loadHandler().then(
          () => resolve(),
          () => resolve(),
        );
      });
    }).finally(() => {
      this.initializing = undefined;
      this.channel.port2.unref();
    });
    return this.initializing;
  }

  run(request: InvocationRequest): Promise<RunOutcome> {
    if (!this.available) throw new Error('An execution environment runs one invocation at a time');
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.timeOut(), Math.max(0, request.deadlineAt - Date.now()));
      this.running = { request, startedAt: Date.now(), resolve, timer, settled: false };
      this.watchdog.arm(this, request.deadlineAt);
      this.deliver(() => this.invoke(request));
    });
  }

  async terminate(
    outcome: RunOutcome = { kind: 'unavailable', reason: 'The Lambda runtime was closed' },
  ): Promise<void> {
    this.retire();
    this.settle(outcome);
  }

  owns(value: unknown): boolean {
    return !this.retired && this.realm.owns(value);
  }

  escaped(error: unknown, kind: 'uncaughtException' | 'unhandledRejection'): void {
    if (kind === 'uncaughtException') {
      this.fail(errorOutcome(error), error, 'Uncaught Exception');
      return;
    }
    const outcome: Outcome = {
      kind: 'error',
      errorType: 'Runtime.UnhandledPromiseRejection',
      errorMessage: String(error),
    };
    this.fail(outcome, error, 'Unhandled Promise Rejection');
  }

  private invoke(request: InvocationRequest): void {
    if (this.running?.request !== request) return;
    this.currentRequestId = request.requestId;
    const { done, isSettled } = settlement((outcome: Outcome, error?: unknown) => this.report(request, outcome, error));
    const handler = this.handler;
    if (!handler) {
      // The first invocation of a cold environment loads the handler (Lambda's init phase), then runs.
      this.loadHandler().then(
        () => this.deliver(() => this.invoke(request)),
        (error: unknown) => done(error),
      );
      return;
    }
    const context = lambdaContext(this.spec.setup, request, done);
    this.guarded(() =>
      this.realm.evaluate(() => this.realm.drive(handler, request.eventJson, context, done, isSettled)),
    );
    if (!isSettled()) this.schedulePump();
  }

  private loadHandler(): Promise<Handler> {
    if (this.handler) return Promise.resolve(this.handler);
    if (!this.handlerLoading) {
      let loading: Promise<Handler> | undefined;
      const { taskRoot, handler } = this.spec.setup;
      const loader = {
        require: (file: string) => this.realm.modules.load(file),
        importFile: () => Promise.reject(new Error('ES modules run in worker threads, not in-thread')),
      };
      // The module's top-level code runs inside `evaluate`, like any other code of the handler's.
      this.guarded(() => this.realm.evaluate(() => (loading = loadHandler(taskRoot, handler, loader))));
      this.handlerLoading = (loading ?? Promise.reject(new Error('The handler did not load'))).then((loaded) => {
        this.handler = loaded;
        return loaded;
      });
      // A failed init is retried by the next invocation, as on Lambda.
      this.handlerLoading.catch(() => {
        this.handlerLoading = undefined;
      });
    }
    return this.handlerLoading;
  }

  /** Runs handler code; what it throws out of its own flow ends the environment. */
  private guarded(run: () => void): void {
    try {
      run();
    } catch (error) {
      if (error instanceof ProcessExit) return;
      this.fail(errorOutcome(error), error, 'Uncaught Exception');
    }
  }

  private deliver(task: () => void): void {
    if (this.retired) return;
    this.tasks.push(task);
    this.channel.port1.postMessage(0);
  }

  private runTask(): void {
    const task = this.tasks.shift();
    if (task && !this.retired) this.guarded(task);
  }

  /** While the handler awaits something of the host's (I/O, a timer), its realm's jobs wait for a pump. */
  private schedulePump(): void {
    const running = this.running;
    if (this.pump || !running || running.settled || this.retired) return;
    const drain = () => {
      this.pump = undefined;
      this.deliver(() => {
        this.realm.evaluate(() => undefined);
        this.schedulePump();
      });
    };
    this.pump =
      Date.now() - running.startedAt < PUMP_IMMEDIATE_MS ? setImmediate(drain) : setTimeout(drain, PUMP_INTERVAL_MS);
    this.pump.unref();
  }

  private report(request: InvocationRequest, outcome: Outcome, error: unknown): void {
    // An invocation already ended (timed out, exited) logs nothing more, as its runtime process is gone.
    if (this.running?.request !== request) return;
    if (outcome.kind === 'error') this.log('ERROR', failureLogArgs('Invoke Error', outcome, error).join(' '));
    this.settle(outcome);
  }

  /** The environment ends with this failure (the runtime process would exit). */
  private fail(outcome: Outcome, error: unknown, label: string): void {
    if (this.retired) return;
    if (outcome.kind === 'error') this.log('ERROR', failureLogArgs(label, outcome, error).join(' '));
    this.retire();
    this.settle(outcome);
  }

  private exited(code: number): void {
    const requestId = this.running?.request.requestId ?? this.currentRequestId;
    const reason =
      code === 0 ? 'Runtime exited without providing a reason' : `Runtime exited with error: exit status ${code}`;
    this.retire();
    this.settle({
      kind: 'error',
      errorType: 'Runtime.ExitError',
      errorMessage: `RequestId: ${requestId} Error: ${reason}`,
    });
  }

  private timeOut(): void {
    const running = this.running;
    if (!running) return;
    const seconds = ((Date.now() - running.startedAt) / 1000).toFixed(2);
    // Lambda's own line for a timed-out invocation.
    this.spec.onLog(`${new Date().toISOString()} ${running.request.requestId} Task timed out after ${seconds} seconds`);
    void this.terminate({ kind: 'timeout' });
  }

  private settle(outcome: RunOutcome): void {
    const running = this.running;
    if (!running) return;
    running.settled = true;
    this.running = undefined;
    clearTimeout(running.timer);
    this.watchdog.disarm(this);
    running.resolve(outcome);
  }

  private log(level: ConsoleLevel, text: string): void {
    this.spec.onLog(`${new Date().toISOString()}\t${this.currentRequestId}\t${level}\t${text}`);
  }

  private retire(): void {
    if (this.retired) return;
    this.retired = true;
    this.tasks.length = 0;
    if (this.pump) {
      clearTimeout(this.pump as NodeJS.Timeout);
      clearImmediate(this.pump as NodeJS.Immediate);
    }
    this.realm.dispose();
    this.channel.port1.close();
    unwatchEscapedErrors(this);
    this.watchdog.disarm(this);
    MainThreadWatchdog.release();
    this.onRetired(this);
  }
}
