/**
 * Runs the assembly's Lambda functions locally the way Lambda does: each function gets its own
 * execution environments (worker threads, started on first use), its own process environment, its
 * timeout, and events and results that cross the boundary as JSON.
 */
import { randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import type { FunctionModel } from '../model';
import { endpointVariables, type FunctionAwsEnvironment } from './aws-credentials';
import type { EnvOverrides } from './env-file';
import { EnvironmentPool } from './environment-pool';
import { ExecutionEnvironment, type RunOutcome } from './execution-environment';
import { FunctionDirectory } from './function-directory';
import { FUNCTION_VERSION, functionEnvironment, logGroupName, newLogStreamName } from './function-environment';
import { isEsmHandler } from './handler-loader.js';
import { InThreadEnvironment } from './in-thread-environment';
import { InlineCodeDirectory } from './inline-code';
import type { InvokeOptions, InvokeResult, LambdaInvoker } from './invoker';
import { type LambdaMode, processEnvironmentFactory, runsAsProcess } from './process-pool';
import { sdkModulesFor } from './sdk-resolution';

export interface LambdaRuntimeOptions {
  /**
   * Region the functions run in (`AWS_REGION`, and the ARN a function invoked by name sees).
   * @default - the region in each function's ARN
   */
  readonly region?: string;
  /**
   * Account of the ARN a function invoked by name sees (`context.invokedFunctionArn`).
   * @default - the account in each function's ARN
   */
  readonly accountId?: string;
  /**
   * Local values for variables the template declares (SAM `--env-vars` format, see `loadEnvOverrides`).
   * @default - the template's values
   */
  readonly envOverrides?: EnvOverrides;
  /**
   * Execution environments per function; further invocations wait for one to be free.
   * @default - `defaultPoolSize()`: the machine's cores, at least 2 and at most 8
   */
  readonly poolSize?: number;
  /**
   * Receives each line a function logs, in Lambda's text format (`<time>\t<requestId>\t<LEVEL>\t<message>`).
   * @default - written to stderr, each line prefixed with `[functionName]`
   */
  readonly onLog?: (functionName: string, line: string) => void;
  /**
   * How Node.js functions run: `worker` threads; `in-thread`: a `vm` context per execution environment on the
   * caller's own thread, several times faster, for CommonJS handlers (ES module handlers keep worker threads;
   * see docs/decisions/0025-in-thread-environments.md); or `process`: a child process behind a local Lambda
   * Runtime API, as every other runtime runs (see docs/decisions/0017-lambda-runtime-api.md).
   * @default 'worker'
   */
  readonly lambdaMode?: LambdaMode;
  /**
   * Credentials and endpoints functions call AWS with (see `resolveAwsEnvironment`).
   * @default - no credentials; AWS_ENDPOINT_URL* of the host environment
   */
  readonly aws?: FunctionAwsEnvironment;
  /**
   * The user's app (directory of `cdk.json`), where handlers find the SDK their runtime provides on AWS.
   * @default - the nearest directory with a cdk.json at or above the working directory
   */
  readonly appDirectory?: string;
}

/**
 * Environments per function when the caller does not say: one per core, since an environment is a thread and
 * more threads than cores only take turns; at least 2 so that concurrency is visible even on one core, and at
 * most 8 so that many hot functions on a large machine do not start hundreds of threads.
 */
export function defaultPoolSize(): number {
  return Math.min(8, Math.max(2, availableParallelism()));
}
const DEFAULT_REGION = 'us-east-1';

export class LambdaRuntime implements LambdaInvoker {
  private readonly directory: FunctionDirectory;
  private readonly pools = new Map<string, EnvironmentPool>();
  private readonly inlineCode = new InlineCodeDirectory();
  private readonly poolSize: number;
  private readonly onLog: (functionName: string, line: string) => void;
  private closed = false;

  constructor(
    private readonly functions: ReadonlyMap<string, FunctionModel>,
    private readonly options: LambdaRuntimeOptions = {},
  ) {
    this.poolSize = options.poolSize ?? defaultPoolSize();
    if (!Number.isInteger(this.poolSize) || this.poolSize < 1) {
      throw new Error(`LambdaRuntime: poolSize must be a whole number of at least 1, got ${options.poolSize}`);
    }
    this.directory = new FunctionDirectory(functions, options);
    this.onLog = options.onLog ?? writeToStderr;
    // Process-path functions are checked at load, so a missing interpreter or version warning shows up front.
    for (const fn of functions.values()) if (runsAsProcess(fn, options.lambdaMode)) this.poolFor(fn);
  }

  async invoke(functionArn: string, event: unknown, options: InvokeOptions = {}): Promise<InvokeResult> {
    const requestId = randomUUID();
    const startedAt = Date.now();
    if (this.closed) return { kind: 'unavailable', reason: 'The Lambda runtime was closed', requestId };
    const lookup = this.directory.lookup(functionArn);
    if (!lookup.found) return { kind: 'unavailable', reason: lookup.reason, requestId };
    const pool = this.poolFor(lookup.fn);
    if (typeof pool === 'string') return { kind: 'unavailable', reason: pool, requestId };

    // Lambda hands the function JSON, not a live object: whatever JSON drops, the handler never sees.
    let eventJson: string;
    try {
      eventJson = JSON.stringify(event) ?? '{}';
    } catch (error) {
      const errorMessage = `Could not serialize the event as JSON: ${(error as Error).message}`;
      return { kind: 'error', errorType: 'InvalidRequestContentException', errorMessage, durationMs: 0, requestId };
    }
    const outcome = await pool.run({
      requestId,
      eventJson,
      invokedFunctionArn: lookup.invokedFunctionArn,
      timeoutMs: lookup.fn.timeoutSeconds * 1000,
      callerDeadlineAt: options.deadlineMs === undefined ? undefined : startedAt + options.deadlineMs,
    });
    return toInvokeResult(outcome, requestId, Date.now() - startedAt);
  }

  /**
   * Starts every execution environment of one function (or of all that can run) and loads their
   * handlers, so the first requests do not pay for cold starts.
   */
  async warm(functionArn?: string): Promise<void> {
    const targets: FunctionModel[] = [];
    if (functionArn === undefined) targets.push(...this.functions.values());
    else {
      const lookup = this.directory.lookup(functionArn);
      if (!lookup.found) throw new Error(`LambdaRuntime.warm: ${lookup.reason}`);
      targets.push(lookup.fn);
    }
    await Promise.all(
      targets.map((fn) => {
        const pool = this.poolFor(fn);
        return typeof pool === 'string' ? undefined : pool.warm();
      }),
    );
  }

  /** Terminates every worker; invocations still running or waiting end as `unavailable`. */
  async close(): Promise<void> {
    this.closed = true;
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(pools.map((pool) => pool.close()));
    this.inlineCode.dispose();
  }

  /** The function's pool, or why it cannot run here. */
  private poolFor(fn: FunctionModel): EnvironmentPool | string {
    if (fn.unsupportedReason) return `${fn.path}: ${fn.unsupportedReason}`;
    if (this.closed) return 'The Lambda runtime was closed';
    const existing = this.pools.get(fn.arn);
    if (existing) return existing;
    const taskRoot = this.taskRoot(fn);
    if (taskRoot === undefined) return `${fn.path}: the function has neither a code asset nor inline code`;
    const region = this.options.region ?? (fn.arn.split(':')[3] || DEFAULT_REGION);
    const runtimeNodePath = sdkModulesFor(fn.runtime, { appDirectory: this.options.appDirectory })?.nodePath;
    const aws = this.options.aws ?? { endpoints: endpointVariables() };
    // Reserved concurrency caps the environments Lambda runs at once (and so the local scale-out).
    if (fn.reservedConcurrency === 0)
      return `${fn.path}: its reserved concurrency is 0, so Lambda throttles every invocation`;
    const size = fn.reservedConcurrency ?? this.poolSize;
    if (runsAsProcess(fn, this.options.lambdaMode)) {
      const factory = processEnvironmentFactory({
        fn,
        taskRoot,
        environment: (logStreamName) =>
          functionEnvironment(fn, {
            region,
            taskRoot,
            logStreamName,
            overrides: this.options.envOverrides,
            aws,
            runtimeNodePath,
          }),
        newLogStreamName,
        onLog: (line) => this.onLog(fn.functionName, line),
      });
      if (typeof factory === 'string') return factory;
      const pool = new EnvironmentPool(factory, size);
      this.pools.set(fn.arn, pool);
      return pool;
    }
    const inThread = this.options.lambdaMode === 'in-thread' && !isEsmHandler(taskRoot, fn.handler);
    if (this.options.lambdaMode === 'in-thread' && !inThread) {
      this.onLog(
        fn.functionName,
        `portico: ${fn.path}: an ES module handler runs in worker threads (in-thread runs CommonJS)`,
      );
    }
    const pool = new EnvironmentPool((onRetired) => {
      const logStreamName = newLogStreamName();
      const overrides = this.options.envOverrides;
      const env = functionEnvironment(fn, { region, taskRoot, logStreamName, overrides, aws, runtimeNodePath });
      const setup = {
        taskRoot,
        handler: fn.handler,
        functionName: fn.functionName,
        functionVersion: FUNCTION_VERSION,
        memoryLimitInMB: String(fn.memorySize),
        logGroupName: logGroupName(fn),
        logStreamName,
      };
      const onLog = (line: string) => this.onLog(fn.functionName, line);
      return inThread
        ? new InThreadEnvironment({ setup, env, onLog }, onRetired)
        : new ExecutionEnvironment({ setup, env, onLog }, onRetired);
    }, size);
    this.pools.set(fn.arn, pool);
    return pool;
  }

  private taskRoot(fn: FunctionModel): string | undefined {
    if (fn.codeDirectory !== undefined) return fn.codeDirectory;
    if (fn.inlineCode !== undefined) {
      const fileName = fn.runtime.startsWith('python') ? 'index.py' : 'index.js';
      return this.inlineCode.directoryFor(fn.arn, fn.inlineCode, fileName);
    }
    return undefined;
  }
}

function toInvokeResult(outcome: RunOutcome, requestId: string, durationMs: number): InvokeResult {
  switch (outcome.kind) {
    case 'ok':
      return { kind: 'ok', payload: JSON.parse(outcome.payloadJson), durationMs, requestId };
    case 'error':
      return { kind: 'error', errorType: outcome.errorType, errorMessage: outcome.errorMessage, durationMs, requestId };
    case 'timeout':
      return { kind: 'timeout', durationMs, requestId };
    case 'unavailable':
      return { kind: 'unavailable', reason: outcome.reason, requestId };
  }
}

function writeToStderr(functionName: string, line: string): void {
  process.stderr.write(`${line.replace(/^/gm, `[${functionName}] `)}\n`);
}
