/**
 * One Lambda execution environment as a child process that speaks the Lambda Runtime API, the way
 * Lambda runs every runtime ("Lambda execution environment lifecycle",
 * https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html): the runtime starts,
 * runs its init phase, then asks for events one at a time. A timeout or a crash ends the process; the
 * pool starts a fresh one for the next invocation, as Lambda does after a reset.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { Socket } from 'node:net';
import { createInterface } from 'node:readline';
import type { InvocationRequest, RunOutcome } from './execution-environment';
import type { LambdaEnvironment } from './lambda-environment';
import { type RuntimeAnswer, RuntimeApiServer, type RuntimeError } from './runtime-api-server';

export interface ProcessEnvironmentSpec {
  /** The runtime's executable: `python3`, the Node binary, or the asset's `bootstrap`. */
  readonly command: string;
  readonly args: readonly string[];
  /** Working directory: the task root, as on Lambda. */
  readonly cwd: string;
  /** The function's whole environment; `AWS_LAMBDA_RUNTIME_API` is added here. */
  readonly env: Readonly<Record<string, string>>;
  /** Each line the process writes to stdout or stderr. */
  readonly onLog: (line: string) => void;
}

interface Running {
  readonly request: InvocationRequest;
  readonly startedAt: number;
  readonly resolve: (outcome: RunOutcome) => void;
  readonly timer: NodeJS.Timeout;
}

export class ProcessEnvironment implements LambdaEnvironment {
  private readonly api: RuntimeApiServer;
  private readonly started: Promise<boolean>;
  private child?: ChildProcess;
  private exited?: Promise<void>;
  private running?: Running;
  private initWaiters: (() => void)[] = [];
  private initDone = false;
  private initError?: RuntimeError;
  private retired = false;
  private terminating = false;

  constructor(
    private readonly spec: ProcessEnvironmentSpec,
    /** Called once when the environment can take no more invocations (exited, crashed, timed out, closed). */
    private readonly onRetired: (environment: ProcessEnvironment) => void,
  ) {
    this.api = new RuntimeApiServer({
      onReady: () => this.finishInit(),
      onInitError: (error) => this.failInit(error),
    });
    this.started = this.start().catch((error: Error) => {
      this.failInit({
        errorType: 'Runtime.InvalidEntrypoint',
        errorMessage: `Couldn't start the runtime: ${error.message}`,
      });
      return false;
    });
  }

  get available(): boolean {
    return !this.retired && this.running === undefined;
  }

  initialize(): Promise<void> {
    if (this.initDone || this.retired) return Promise.resolve();
    return new Promise((resolve) => {
      this.initWaiters.push(resolve);
      this.refWhileBusy();
    });
  }

  run(request: InvocationRequest): Promise<RunOutcome> {
    if (!this.available) throw new Error('An execution environment runs one invocation at a time');
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.timeOut(), Math.max(0, request.deadlineAt - Date.now()));
      timer.unref();
      this.running = { request, startedAt: Date.now(), resolve, timer };
      this.refWhileBusy();
      void this.started.then((ok) => {
        if (!ok || this.running?.request !== request) return;
        this.api
          .invoke({
            requestId: request.requestId,
            eventJson: request.eventJson,
            invokedFunctionArn: request.invokedFunctionArn,
            deadlineAt: request.deadlineAt,
            traceId: newTraceId(),
          })
          .then((answer) => this.settle(toOutcome(answer)));
      });
    });
  }

  async terminate(
    outcome: RunOutcome = { kind: 'unavailable', reason: 'The Lambda runtime was closed' },
  ): Promise<void> {
    this.retire();
    this.settle(outcome);
    // The caller awaits the exit: keep the host alive until the process is gone.
    this.terminating = true;
    this.refWhileBusy();
    this.kill();
    await this.exited;
    await this.api.close();
  }

  private async start(): Promise<boolean> {
    const address = await this.api.listen();
    if (this.retired) return false;
    const child = spawn(this.spec.command, [...this.spec.args], {
      cwd: this.spec.cwd,
      env: { ...this.spec.env, AWS_LAMBDA_RUNTIME_API: address },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so a timeout also ends whatever a script bootstrap started.
      detached: true,
    });
    this.child = child;
    this.exited = new Promise((resolve) => {
      child.once('close', () => resolve());
      // A process that never started emits no 'close' on every platform.
      child.once('error', () => {
        if (child.pid === undefined) resolve();
      });
    });
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY }).on('line', (line) =>
        this.spec.onLog(line),
      );
    }
    child.once('error', (error: NodeJS.ErrnoException) => {
      // Lambda's answer when the runtime cannot be started ("Couldn't find valid bootstrap(s)" for a custom runtime).
      const reason =
        error.code === 'ENOENT'
          ? `Couldn't find valid bootstrap(s): [${this.spec.command}]`
          : `Couldn't start ${this.spec.command}: ${error.message}`;
      this.failInit({ errorType: 'Runtime.InvalidEntrypoint', errorMessage: reason });
    });
    child.once('exit', (code, signal) => this.onExit(code, signal));
    this.refWhileBusy();
    return true;
  }

  private timeOut(): void {
    const running = this.running;
    if (!running) return;
    const seconds = ((Date.now() - running.startedAt) / 1000).toFixed(2);
    this.spec.onLog(`${new Date().toISOString()} ${running.request.requestId} Task timed out after ${seconds} seconds`);
    void this.terminate({ kind: 'timeout' });
  }

  private failInit(error: RuntimeError): void {
    this.initError = error;
    this.retire();
    this.settle({ kind: 'error', errorType: error.errorType, errorMessage: error.errorMessage });
    this.finishInit();
    // After a failed init Lambda resets the environment; the next invocation runs init again in a new one.
    this.kill();
    void this.api.close();
  }

  private onExit(code: number | null, signal: NodeJS.Signals | null): void {
    this.retire();
    this.finishInit();
    void this.api.close();
    const running = this.running;
    if (!running) return;
    const { requestId } = running.request;
    // What Lambda reports when the runtime process exits during an invocation.
    const reason =
      signal !== null
        ? `Runtime exited with error: signal: ${signal === 'SIGKILL' ? 'killed' : signal}`
        : code === 0
          ? 'Runtime exited without providing a reason'
          : `Runtime exited with error: exit status ${code}`;
    this.settle({
      kind: 'error',
      errorType: this.initError?.errorType ?? 'Runtime.ExitError',
      errorMessage: this.initError?.errorMessage ?? `RequestId: ${requestId} Error: ${reason}`,
    });
  }

  private kill(): void {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
  }

  private settle(outcome: RunOutcome): void {
    const running = this.running;
    if (!running) return;
    this.running = undefined;
    clearTimeout(running.timer);
    this.refWhileBusy();
    running.resolve(outcome);
  }

  private finishInit(): void {
    this.initDone = true;
    const waiters = this.initWaiters.splice(0);
    this.refWhileBusy();
    for (const resolve of waiters) resolve();
  }

  /** An idle environment must not keep the host process alive; a busy one must (its caller awaits it). */
  private refWhileBusy(): void {
    const busy = this.running !== undefined || this.initWaiters.length > 0 || this.terminating;
    this.api.ref(busy);
    const child = this.child;
    if (!child) return;
    for (const handle of [child, child.stdout as Socket | null, child.stderr as Socket | null]) {
      if (busy) handle?.ref();
      else handle?.unref();
    }
  }

  private retire(): void {
    if (this.retired) return;
    this.retired = true;
    this.onRetired(this);
  }
}

/**
 * Lambda hands API Gateway the payload bytes as they are; the emulator's callers take JSON, so a
 * payload that is not JSON travels as a JSON string (which API Gateway then rejects as malformed).
 */
function toOutcome(answer: RuntimeAnswer): RunOutcome {
  if (answer.kind === 'error') return answer;
  if (answer.payload === '') return { kind: 'ok', payloadJson: 'null' };
  try {
    JSON.parse(answer.payload);
    return { kind: 'ok', payloadJson: answer.payload };
  } catch {
    return { kind: 'ok', payloadJson: JSON.stringify(answer.payload) };
  }
}

/** An X-Ray trace header as Lambda passes it (`Root=1-<epoch hex>-<24 hex>;Parent=<16 hex>;Sampled=0`). */
function newTraceId(): string {
  const epoch = Math.floor(Date.now() / 1000).toString(16);
  return `Root=1-${epoch}-${randomBytes(12).toString('hex')};Parent=${randomBytes(8).toString('hex')};Sampled=0`;
}
