/**
 * What an environment pool needs from one Lambda execution environment, whichever way it runs the
 * code: a worker thread (`execution-environment.ts`, the fast Node.js path) or a child process that
 * speaks the Lambda Runtime API (`process-environment.ts`, every runtime).
 */
import type { InvocationRequest, RunOutcome } from './execution-environment';

export interface LambdaEnvironment {
  /** True while it can take another invocation. */
  readonly available: boolean;
  /** Runs Lambda's init phase ahead of the first invocation; resolves even when init fails. */
  initialize(): Promise<void>;
  /** One invocation at a time; the outcome once the function answers, fails, times out or crashes. */
  run(request: InvocationRequest): Promise<RunOutcome>;
  /** Ends the environment; an invocation in progress gets `outcome`. */
  terminate(outcome?: RunOutcome): Promise<void>;
}
