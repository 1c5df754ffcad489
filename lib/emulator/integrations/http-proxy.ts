/** HTTP_PROXY integration: forward the request to the backend URL, pass its answer through unchanged. */
import { GatewayError } from '../../core/gateway-responses';
import { MAX_INTEGRATION_TIMEOUT_MS } from '../../core/route-table';
import type { GatewayResponse, RequestContext } from '../request-context';
import { type ContextLookup, mapRequestParameters } from './parameter-mapping';
import { substituteStageVariables } from './stage-variables';

/** Hop-by-hop headers (RFC 9110 §7.6.1) and ones the client library sets itself. */
const NOT_FORWARDED = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'host', 'content-length']);

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
  const started = performance.now();
  try {
    const response = await fetch(url, {
      method,
      headers,
      body: method === 'GET' || method === 'HEAD' ? undefined : new Uint8Array(ctx.request.body),
      redirect: 'manual',
      signal: AbortSignal.timeout(Math.min(integration.timeoutMs, MAX_INTEGRATION_TIMEOUT_MS)),
    });
    const body = Buffer.from(await response.arrayBuffer());
    ctx.integration = { latency: Math.round(performance.now() - started), status: response.status };
    const responseHeaders: [string, string][] = [];
    response.headers.forEach((value, name) => {
      if (!NOT_FORWARDED.has(name) && name !== 'content-encoding') responseHeaders.push([name, value]);
    });
    return { statusCode: response.status, headers: responseHeaders, body };
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    ctx.integration = {
      latency: Math.round(performance.now() - started),
      error: error instanceof Error ? error.message : String(error),
    };
    throw new GatewayError(timedOut ? 'INTEGRATION_TIMEOUT' : 'INTEGRATION_FAILURE');
  }
}
