/** AWS_PROXY integration: payload 1.0 event in, Lambda proxy response out (AWS docs: "Lambda proxy integrations in API Gateway"). */
import { GatewayError } from '../../../core/gateway-responses';
import { MAX_INTEGRATION_TIMEOUT_MS } from '../../../core/route-table';
import { shapeProxyResponse } from '../../backends/lambda-proxy-response';
import { substituteStageVariables } from '../../backends/stage-variables';
import type { LambdaInvoker } from '../../lambda/invoker';
import type { FunctionModel } from '../../model';
import type { GatewayResponse, RequestContext } from '../../request-context';
import { headerValue } from '../../request-values';
import { buildProxyEventV1 } from '../events-v1';

export interface LambdaProxyDeps {
  readonly invoker: LambdaInvoker;
  readonly accountId: string;
  /** Finds the function behind a (possibly qualified) ARN, to tell its own timeout from the gateway's. */
  readonly functionFor: (arn: string) => FunctionModel | undefined;
}

export async function integrateLambdaProxy(
  ctx: RequestContext,
  functionArnTemplate: string,
  timeoutMs: number,
  deps: LambdaProxyDeps,
): Promise<GatewayResponse> {
  const started = performance.now();
  const functionArn = substituteStageVariables(functionArnTemplate, ctx.stageVariables);
  if (functionArn === undefined) {
    ctx.integration = { latency: 0, error: `Stage variable in ${functionArnTemplate} is not set on stage` };
    throw new GatewayError('API_CONFIGURATION_ERROR');
  }
  const event = buildProxyEventV1(ctx, { accountId: deps.accountId });
  const deadlineMs = Math.min(timeoutMs, MAX_INTEGRATION_TIMEOUT_MS);
  const result = await deps.invoker.invoke(functionArn, event, { deadlineMs });
  const latency = Math.round(performance.now() - started);
  switch (result.kind) {
    case 'ok': {
      const shaped = shapeProxyResponse(result.payload, {
        binaryMediaTypes: ctx.api?.table.binaryMediaTypes ?? [],
        accept: headerValue(ctx.request.headers, 'accept'),
      });
      if (shaped instanceof GatewayError) {
        ctx.integration = {
          latency,
          status: 200,
          requestId: result.requestId,
          error: 'Malformed Lambda proxy response',
        };
        throw shaped;
      }
      ctx.integration = { latency, status: 200, requestId: result.requestId };
      return shaped;
    }
    case 'error':
      ctx.integration = {
        latency,
        status: 200,
        requestId: result.requestId,
        error: result.errorMessage,
        errorType: result.errorType,
      };
      throw new GatewayError('INTEGRATION_FAILURE');
    case 'timeout': {
      // A function that hits its own timeout is a function error (502); the gateway's deadline is a 504.
      const fn = deps.functionFor(functionArn);
      const ownTimeoutMs = (fn?.timeoutSeconds ?? Number.POSITIVE_INFINITY) * 1000;
      ctx.integration = { latency, requestId: result.requestId, error: 'Execution timed out' };
      throw new GatewayError(ownTimeoutMs < deadlineMs ? 'INTEGRATION_FAILURE' : 'INTEGRATION_TIMEOUT');
    }
    case 'unavailable':
      ctx.integration = { latency, error: result.reason };
      throw new GatewayError('API_CONFIGURATION_ERROR');
  }
}
