/** MOCK integration (CORS preflights and fixed answers): the integration response as declared. */
import type { IntegrationSpec } from '../../../core/route-table';
import type { GatewayResponse, RequestContext } from '../../request-context';

export function integrateMock(
  ctx: RequestContext,
  integration: Extract<IntegrationSpec, { kind: 'mock' }>,
): GatewayResponse {
  ctx.integration = { latency: 0, status: integration.statusCode };
  return {
    statusCode: integration.statusCode,
    headers: Object.entries(integration.responseHeaders),
    body: Buffer.from(integration.responseBody ?? ''),
  };
}
