/**
 * Wraps the Lambda invoker the pipeline uses: each invocation is counted per function and, with the event
 * as sent and the handler's answer, handed to `attach`, which ties it to its request. Events carry the
 * request id (`requestContext.requestId`) except a TOKEN authorizer's, which the feed matches by its token.
 * No AsyncLocalStorage: on Node 20 it turns on promise hooks for the whole process, a cost every request
 * would pay.
 */
import type { InvokeOptions, InvokeResult, LambdaInvoker } from '../lambda/invoker';
import type { FunctionStats } from './function-stats';

/** One Lambda invocation made while answering a request. */
export interface ObservedInvocation {
  readonly functionName: string;
  readonly event: unknown;
  readonly result: InvokeResult;
  readonly cold: boolean;
}

export function observingInvoker(
  invoker: LambdaInvoker,
  stats: FunctionStats,
  functionNameOf: (arn: string) => string,
  attach: (invocation: ObservedInvocation) => void,
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
        if (result) attach({ functionName, event, result, cold });
      }
    },
    close: () => invoker.close(),
  };
}
