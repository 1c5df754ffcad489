/**
 * The parent side of one Lambda execution environment (`worker.js` in a worker thread): posts one
 * invocation at a time, enforces its deadline, and reports how the environment ended.
 */
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';

/** Plain JavaScript so it runs the same under node, tsx and jest (no TypeScript loader in the thread). */
const WORKER_SCRIPT = path.join(__dirname, 'worker.js');

/** What `worker.js` needs to load the handler and build the context object. */
export interface WorkerSetup {
  readonly taskRoot: string;
  readonly handler: string;
  readonly functionName: string;
  readonly functionVersion: string;
  readonly memoryLimitInMB: string;
  readonly logGroupName: string;
  readonly logStreamName: string;
}

export interface EnvironmentSpec {
  readonly setup: WorkerSetup;
  /** The whole `process.env` of the function; nothing is inherited from the host. */
  readonly env: Readonly<Record<string, string>>;
  readonly onLog: (line: string) => void;
}

export interface InvocationRequest {
  readonly requestId: string;
  readonly eventJson: string;
  readonly invokedFunctionArn: string;
  /** Epoch milliseconds: the sooner of the function's timeout and the caller's deadline. */
  readonly deadlineAt: number;
}

export type RunOutcome =
  | { readonly kind: 'ok'; readonly payloadJson: string }
  | { readonly kind: 'error'; readonly errorType: string; readonly errorMessage: string }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'unavailable'; readonly reason: string };

type WorkerOutcome = Extract<RunOutcome, { kind: 'ok' | 'error' }>;

type WorkerMessage =
  | { readonly type: 'log'; readonly line: string }
  | { readonly type: 'initialized' }
  | { readonly type: 'result'; readonly requestId: string; readonly outcome: WorkerOutcome; readonly retire: boolean };

interface Running {
  readonly request: InvocationRequest;
  readonly startedAt: number;
  readonly resolve: (outcome: RunOutcome) => void;
  readonly timer: NodeJS.Timeout;
}

export class ExecutionEnvironment {
  private readonly worker: Worker;
  private running?: Running;
  private initializing?: () => void;
  private crash?: Error;
  private retired = false;

  constructor(
    private readonly spec: EnvironmentSpec,
    /** Called once when the environment can take no more invocations (exited, crashed, timed out, closed). */
    private readonly onRetired: (environment: ExecutionEnvironment) => void,
  ) {
    this.worker = new Worker(WORKER_SCRIPT, {
      workerData: spec.setup,
      env: { ...spec.env },
      // The host's flags (tsx or jest loaders, inspector) stay out of the function's environment.
      execArgv: [],
    });
    this.worker.on('message', (message: WorkerMessage) => this.onMessage(message));
    this.worker.on('error', (error) => {
      this.crash = error;
    });
    this.worker.on('exit', (code) => this.onExit(code));
    this.refWhileBusy();
  }

  get threadId(): number {
    return this.worker.threadId;
  }

  /** True while it can take another invocation. */
  get available(): boolean {
    return !this.retired && this.running === undefined;
  }

  /** Loads the handler ahead of the first invocation (Lambda's init phase); resolves even when init fails. */
  initialize(): Promise<void> {
    if (this.retired) return Promise.resolve();
    return new Promise((resolve) => {
      const previous = this.initializing;
      this.initializing = () => {
        previous?.();
        resolve();
      };
      this.refWhileBusy();
      this.worker.postMessage({ type: 'init' });
    });
  }

  run(request: InvocationRequest): Promise<RunOutcome> {
    if (!this.available) throw new Error('An execution environment runs one invocation at a time');
    return new Promise((resolve) => {
      // The deadline timer stays referenced: while an invocation runs, it keeps the host process alive for
      // the caller awaiting it, so the worker itself can stay unreferenced instead of being ref'd and
      // unref'd around every invocation (two native calls per request on the hot path).
      const timer = setTimeout(() => this.timeOut(), Math.max(0, request.deadlineAt - Date.now()));
      this.running = { request, startedAt: Date.now(), resolve, timer };
      this.worker.postMessage({
        type: 'invoke',
        requestId: request.requestId,
        eventJson: request.eventJson,
        invokedFunctionArn: request.invokedFunctionArn,
        deadlineAt: request.deadlineAt,
      });
    });
  }

  /** Ends the environment; an invocation in progress gets `outcome`. */
  async terminate(
    outcome: RunOutcome = { kind: 'unavailable', reason: 'The Lambda runtime was closed' },
  ): Promise<void> {
    this.retire();
    this.settle(outcome);
    await this.worker.terminate();
  }

  private onMessage(message: WorkerMessage): void {
    switch (message.type) {
      case 'log':
        this.spec.onLog(message.line);
        return;
      case 'initialized':
        this.finishInitializing();
        return;
      case 'result':
        if (message.retire) this.retire();
        if (this.running?.request.requestId === message.requestId) this.settle(message.outcome);
        if (message.retire) void this.worker.terminate();
        return;
    }
  }

  private timeOut(): void {
    const running = this.running;
    if (!running) return;
    const seconds = ((Date.now() - running.startedAt) / 1000).toFixed(2);
    // Lambda's own line for a timed-out invocation.
    this.spec.onLog(`${new Date().toISOString()} ${running.request.requestId} Task timed out after ${seconds} seconds`);
    // Terminating is the only way to stop a handler that never yields (`while (true) {}`).
    void this.terminate({ kind: 'timeout' });
  }

  private onExit(code: number): void {
    this.retire();
    this.finishInitializing();
    const running = this.running;
    if (!running) return;
    const { requestId } = running.request;
    if (this.crash) {
      this.settle({ kind: 'error', errorType: this.crash.name, errorMessage: this.crash.message });
      return;
    }
    // What Lambda reports when the runtime process exits during an invocation (`process.exit()` in a handler).
    const reason =
      code === 0 ? 'Runtime exited without providing a reason' : `Runtime exited with error: exit status ${code}`;
    this.settle({
      kind: 'error',
      errorType: 'Runtime.ExitError',
      errorMessage: `RequestId: ${requestId} Error: ${reason}`,
    });
  }

  private settle(outcome: RunOutcome): void {
    const running = this.running;
    if (!running) return;
    this.running = undefined;
    clearTimeout(running.timer);
    running.resolve(outcome);
  }

  private finishInitializing(): void {
    const done = this.initializing;
    this.initializing = undefined;
    this.refWhileBusy();
    done?.();
  }

  /**
   * An idle environment must not keep the host process alive; one loading its handler must (its caller
   * awaits it). A running invocation is kept alive by its deadline timer instead.
   */
  private refWhileBusy(): void {
    if (this.initializing) this.worker.ref();
    else this.worker.unref();
  }

  private retire(): void {
    if (this.retired) return;
    this.retired = true;
    this.onRetired(this);
  }
}
