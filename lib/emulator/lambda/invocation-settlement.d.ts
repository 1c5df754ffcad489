// Types of invocation-settlement.js (plain CommonJS, shared with the worker thread).
export type Outcome =
  | { readonly kind: 'ok'; readonly payloadJson: string }
  | { readonly kind: 'error'; readonly errorType: string; readonly errorMessage: string };

export interface ContextSetup {
  readonly functionName: string;
  readonly functionVersion: string;
  readonly memoryLimitInMB: string;
  readonly logGroupName: string;
  readonly logStreamName: string;
}

export function errorOutcome(error: unknown): Outcome;
export function failureLogArgs(label: string, outcome: Extract<Outcome, { kind: 'error' }>, error: unknown): string[];
export function settlement(onSettled: (outcome: Outcome, error?: unknown) => void): {
  done: (error: unknown, result?: unknown) => void;
  isSettled: () => boolean;
};
export function lambdaContext(
  setup: ContextSetup,
  invocation: { readonly requestId: string; readonly invokedFunctionArn: string; readonly deadlineAt: number },
  done: (error: unknown, result?: unknown) => void,
): object;
export const CONSOLE_LEVELS: ReadonlyArray<readonly [string, string]>;
