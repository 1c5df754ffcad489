/**
 * The seam between `LambdaRuntime` and the process path: for a function that runs as a child process
 * (every non-Node.js runtime, and Node.js under `lambdaMode: 'process'`), the factory of its
 * execution environments, or why it cannot run here.
 */
import type { FunctionModel } from '../model';
import { FUNCTION_VERSION } from './function-environment';
import { ProcessEnvironment } from './process-environment';
import { processRuntime } from './process-runtimes';

/**
 * How Node.js functions run: worker threads (the default), `in-thread` (a `vm` context per environment on the
 * gateway's thread: fastest, CommonJS handlers only, see docs/decisions/0025-in-thread-environments.md), or child
 * processes behind a Runtime API.
 */
export type LambdaMode = 'worker' | 'in-thread' | 'process';

export function runsAsProcess(fn: FunctionModel, mode: LambdaMode = 'worker'): boolean {
  return mode === 'process' || !fn.runtime.startsWith('nodejs');
}

export interface ProcessPoolSpec {
  readonly fn: FunctionModel;
  readonly taskRoot: string;
  /** A fresh environment per execution environment (each has its own log stream). */
  readonly environment: (logStreamName: string) => Record<string, string>;
  readonly newLogStreamName: () => string;
  readonly onLog: (line: string) => void;
}

export type ProcessFactory = (onRetired: (environment: ProcessEnvironment) => void) => ProcessEnvironment;

export function processEnvironmentFactory(spec: ProcessPoolSpec): ProcessFactory | string {
  const { fn, taskRoot } = spec;
  const hostEnv = spec.environment('');
  const runtime = processRuntime(fn, taskRoot, hostEnv);
  if (!runtime.ok) {
    spec.onLog(`portico: ${runtime.reason}`);
    return `${fn.path}: ${runtime.reason}`;
  }
  if (runtime.warning) spec.onLog(`portico: ${runtime.warning}`);
  const { command } = runtime;
  return (onRetired) => {
    const env = { ...spec.environment(spec.newLogStreamName()), ...command.env };
    // What the Runtime API client reads besides the function's own variables (Lambda sets them for custom runtimes).
    env.AWS_LAMBDA_FUNCTION_VERSION = FUNCTION_VERSION;
    return new ProcessEnvironment(
      { command: command.command, args: command.args, cwd: taskRoot, env, onLog: spec.onLog },
      onRetired,
    );
  };
}
