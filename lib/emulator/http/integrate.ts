/**
 * HTTP API integrations: a Lambda proxy (payload 1.0 or 2.0 as the integration says, AWS docs: "Create AWS Lambda proxy integrations for HTTP APIs",
 * AWS docs: "Create AWS Lambda proxy integrations for HTTP APIs") or an HTTP proxy. Failures become HTTP API answers: the function failed or answered something
 * unreadable → 500 Internal Server Error; no answer within the integration timeout → 503.
 */

import { GatewayError } from '../../core/gateway-responses';
import { type HttpIntegrationSpec, MAX_HTTP_INTEGRATION_TIMEOUT_MS } from '../../core/http-route-table';
import { NOT_FORWARDED, requestBackend } from '../backends/backend-request';
import { MalformedProxyResponseError } from '../backends/lambda-proxy-response';
import { substituteStageVariables } from '../backends/stage-variables';
import type { LambdaInvoker } from '../lambda/invoker';
import type { FunctionModel } from '../model';
import type { GatewayResponse } from '../request-context';
import { buildHttpProxyEventV1 } from './events-v1';
import { buildProxyEventV2 } from './events-v2';
import type { HttpRequestContext } from './http-context';
import { httpError } from './http-errors';
import { mapHttpRequest, mapHttpResponse } from './parameter-mapping';
import { shapeResponseV1 } from './response-v1';
import { MalformedResponseV2Error, shapeResponseV2 } from './response-v2';

export interface HttpIntegrationDeps {
  readonly invoker: LambdaInvoker;
  readonly accountId: string;
  /** Finds the function behind a (possibly qualified) ARN, to tell its own timeout from the gateway's. */
  readonly functionFor: (arn: string) => FunctionModel | undefined;
  /** `$context` lookup for parameter mappings. */
  readonly contextVariable: (ctx: HttpRequestContext) => (name: string) => string | undefined;
}

export function integrateHttpRoute(
  ctx: HttpRequestContext,
  integration: HttpIntegrationSpec,
  deps: HttpIntegrationDeps,
): Promise<GatewayResponse> {
  return integration.kind === 'lambda'
    ? integrateLambda(ctx, integration, deps)
    : integrateHttp(ctx, integration, deps);
}

async function integrateLambda(
  ctx: HttpRequestContext,
  integration: Extract<HttpIntegrationSpec, { kind: 'lambda' }>,
  deps: HttpIntegrationDeps,
): Promise<GatewayResponse> {
  const started = performance.now();
  const functionArn = substituteStageVariables(integration.functionArn, ctx.stageVariables);
  if (functionArn === undefined) {
    ctx.integration = { latency: 0, error: `A stage variable in ${integration.functionArn} is not set on the stage` };
    throw httpError('API_CONFIGURATION_ERROR');
  }
  const event =
    integration.payloadFormatVersion === '1.0'
      ? buildHttpProxyEventV1(ctx, { accountId: deps.accountId })
      : buildProxyEventV2(ctx, { accountId: deps.accountId });
  const deadlineMs = Math.min(integration.timeoutMs, MAX_HTTP_INTEGRATION_TIMEOUT_MS);
  const result = await deps.invoker.invoke(functionArn, event, { deadlineMs });
  const latency = Math.round(performance.now() - started);
  switch (result.kind) {
    case 'ok': {
      ctx.integration = { latency, status: 200, requestId: result.requestId };
      let response: GatewayResponse | GatewayError;
      try {
        response =
          integration.payloadFormatVersion === '1.0'
            ? shapeResponseV1(result.payload)
            : shapeResponseV2(result.payload);
      } catch (error) {
        if (!(error instanceof MalformedResponseV2Error)) throw error;
        response = new MalformedProxyResponseError(error.reason);
      }
      if (response instanceof GatewayError) {
        const reason = response instanceof MalformedProxyResponseError ? response.reason : response.gatewayMessage;
        ctx.integration = {
          ...ctx.integration,
          error: `The response from the Lambda function is malformed: ${reason}`,
        };
        throw httpError('INTEGRATION_FAILURE');
      }
      ctx.integrationResponseStatus = response.statusCode;
      return response;
    }
    case 'error':
      ctx.integration = {
        latency,
        status: 200,
        requestId: result.requestId,
        error: result.errorMessage,
        errorType: result.errorType,
      };
      throw httpError('INTEGRATION_FAILURE');
    case 'timeout': {
      // A function that hits its own timeout failed (500); the gateway giving up first is a 503.
      const ownTimeoutMs = (deps.functionFor(functionArn)?.timeoutSeconds ?? Number.POSITIVE_INFINITY) * 1000;
      ctx.integration = { latency, requestId: result.requestId, error: 'Execution timed out' };
      throw httpError(ownTimeoutMs < deadlineMs ? 'INTEGRATION_FAILURE' : 'INTEGRATION_TIMEOUT');
    }
    case 'unavailable':
      ctx.integration = { latency, error: result.reason };
      throw httpError('API_CONFIGURATION_ERROR');
  }
}

async function integrateHttp(
  ctx: HttpRequestContext,
  integration: Extract<HttpIntegrationSpec, { kind: 'http' }>,
  deps: HttpIntegrationDeps,
): Promise<GatewayResponse> {
  const template = substituteStageVariables(integration.url, ctx.stageVariables);
  if (template === undefined) {
    ctx.integration = { latency: 0, error: `A stage variable in ${integration.url} is not set on the stage` };
    throw httpError('API_CONFIGURATION_ERROR');
  }
  const url = new URL(template.replace(/\{([^}+]+)\+?\}/g, (_, name: string) => ctx.pathParameters[name] ?? ''));
  // The `$default` route sends the full request path on (AWS docs: "Create routes for HTTP APIs").
  const basePath = url.pathname.replace(/\/+$/, '');
  const initialPath = ctx.routeKey === '$default' && !/\{/.test(template) ? `${basePath}${ctx.path}` : url.pathname;
  const contextVariable = deps.contextVariable(ctx);
  const mapped = mapHttpRequest(
    integration.requestParameters,
    ctx,
    {
      headers: ctx.request.headers.filter(([name]) => !NOT_FORWARDED.has(name.toLowerCase())).map(([n, v]) => [n, v]),
      query: ctx.query.map(([name, value]) => [name, value]),
      path: initialPath,
    },
    contextVariable,
  );
  url.pathname = mapped.path;
  url.search = '';
  for (const [name, value] of mapped.query) url.searchParams.append(name, value);
  const headers = new Headers();
  for (const [name, value] of mapped.headers) headers.append(name, value);

  const method = integration.method === 'ANY' ? ctx.request.method : integration.method;
  const outcome = await requestBackend(
    url,
    method,
    headers,
    ctx.request.body,
    Math.min(integration.timeoutMs, MAX_HTTP_INTEGRATION_TIMEOUT_MS),
  );
  if (!outcome.ok) {
    ctx.integration = { latency: outcome.latency, error: outcome.error };
    throw httpError(outcome.timedOut ? 'INTEGRATION_TIMEOUT' : 'INTEGRATION_FAILURE');
  }
  ctx.integration = { latency: outcome.latency, status: outcome.status };
  ctx.integrationResponseStatus = outcome.status;
  const shaped = mapHttpResponse(integration.responseParameters, outcome.status, outcome.headers, contextVariable);
  return { statusCode: shaped.statusCode, headers: shaped.headers, body: outcome.body };
}
