/** HTTP_PROXY integration: forward the request to the backend URL, pass its answer through unchanged. */
import { GatewayError } from '../../../core/gateway-responses';
import { MAX_INTEGRATION_TIMEOUT_MS } from '../../../core/route-table';
import { NOT_FORWARDED, requestBackend } from '../../backends/backend-request';
import { substituteStageVariables } from '../../backends/stage-variables';
import type { GatewayResponse, RequestContext } from '../../request-context';
import { type ContextLookup, mapRequestParameters } from './parameter-mapping';

export async function integrateHttpProxy(
  ctx: RequestContext,
  integration: { url: string; method: string; timeoutMs: number },
  requestParameters: Readonly<Record<string, string>>,
  contextLookup: ContextLookup,
): Promise<GatewayResponse> {
  const mapped = mapRequestParameters(requestParameters, ctx, contextLookup);
  const withVariables = substituteStageVariables(integration.url, ctx.stageVariables);
  if (withVariables === undefined) throw new GatewayError('API_CONFIGURATION_ERROR');
  const url = new URL(
    withVariables.replace(/\{([^}+]+)\+?\}/g, (_, name: string) => mapped.path[name] ?? ctx.pathParameters[name] ?? ''),
  );
  // Recorded on AWS (LS-AWS:test_apigateway_http::test_http_proxy_integration_request_data_mappings): the URI's
  // own query comes first, then the client's, and a mapped value is added beside them, not instead; a mapped
  // header replaces the client's header of that name (docs/decisions/0008).
  for (const [name, value] of ctx.query) url.searchParams.append(name, value);
  for (const [name, value] of mapped.query) url.searchParams.append(name, value);

  const headers = new Headers();
  for (const [name, value] of ctx.request.headers) {
    if (!NOT_FORWARDED.has(name.toLowerCase())) headers.append(name, value);
  }
  for (const [name, value] of mapped.headers) headers.set(name, value);

  const method = integration.method === 'ANY' ? ctx.request.method : integration.method;
  const outcome = await requestBackend(
    url,
    method,
    headers,
    ctx.request.body,
    Math.min(integration.timeoutMs, MAX_INTEGRATION_TIMEOUT_MS),
  );
  if (!outcome.ok) {
    ctx.integration = { latency: outcome.latency, error: outcome.error };
    throw new GatewayError(outcome.timedOut ? 'INTEGRATION_TIMEOUT' : 'INTEGRATION_FAILURE');
  }
  ctx.integration = { latency: outcome.latency, status: outcome.status };
  return { statusCode: outcome.status, headers: outcome.headers, body: outcome.body };
}
