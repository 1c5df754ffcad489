/**
 * Wraps the Lambda invoker the pipeline uses: each invocation is counted per function and, with the event
 * as sent and the handler's answer, attached to the request it ran for. The request is found through
 * AsyncLocalStorage (the feed runs each request inside `invocationScope`), so neither the wings nor the
 * runtime pass anything along, and authorizer invocations (a TOKEN event has no request id) are caught too.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { InvokeOptions, InvokeResult, LambdaInvoker } from '../lambda/invoker';
import type { FunctionStats } from './function-stats';

/** One Lambda invocation made while answering a request. */
export interface ObservedInvocation {
  readonly functionName: string;
  readonly event: unknown;
  readonly result: InvokeResult;
  readonly cold: boolean;
}

export const invocationScope = new AsyncLocalStorage<ObservedInvocation[]>();

export function observingInvoker(
  invoker: LambdaInvoker,
  stats: FunctionStats,
  functionNameOf: (arn: string) => string,
): LambdaInvoker {
  return {
    async invoke(functionArn: string, event: unknown, options?: InvokeOptions): Promise<InvokeResult> {
      const functionName = functionNameOf(functionArn);
      const cold = stats.start(functionName);
      let result: InvokeResult | undefined;
      try {
        result = await invoker.invoke(functionArn, event, options);
        return result;
      } finally {
        const outcome = result?.kind ?? 'error';
        stats.end(functionName, outcome, result && 'durationMs' in result ? result.durationMs : undefined, cold);
        if (result) invocationScope.getStore()?.push({ functionName, event, result, cold });
      }
    },
    close: () => invoker.close(),
  };
}
