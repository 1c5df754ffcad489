/**
 * CORS on an HTTP API (`CorsConfiguration` / `x-amazon-apigateway-cors`, DG:http-api-cors): API Gateway
 * answers a preflight `OPTIONS` request itself when no route takes it, and adds the configured headers to
 * the answers to requests from an allowed origin, dropping any CORS headers the integration returned.
 */
import type { HttpCorsSpec } from '../../core/http-route-table';
import type { GatewayResponse } from '../request-context';
import type { HttpRequestContext } from './http-context';

function header(ctx: HttpRequestContext, name: string): string | undefined {
  let found: string | undefined;
  for (const [key, value] of ctx.request.headers) if (key.toLowerCase() === name) found = value;
  return found;
}

/** The `access-control-allow-origin` value for this origin, or undefined when it is not allowed. */
function allowedOrigin(cors: HttpCorsSpec, origin: string | undefined): string | undefined {
  if (origin === undefined) return undefined;
  if (cors.allowOrigins.includes(origin)) return origin;
  return cors.allowOrigins.includes('*') ? '*' : undefined;
}

/** A 204 answer to a preflight request (OPTIONS with Origin and Access-Control-Request-Method); else undefined. */
export function preflightResponse(cors: HttpCorsSpec, ctx: HttpRequestContext): GatewayResponse | undefined {
  const isPreflight = ctx.request.method.toUpperCase() === 'OPTIONS' && header(ctx, 'access-control-request-method');
  if (!isPreflight) return undefined;
  const origin = allowedOrigin(cors, header(ctx, 'origin'));
  const headers: [string, string][] = [];
  if (origin !== undefined) {
    headers.push(['access-control-allow-origin', origin]);
    if (cors.allowMethods.length > 0) headers.push(['access-control-allow-methods', cors.allowMethods.join(',')]);
    if (cors.allowHeaders.length > 0) headers.push(['access-control-allow-headers', cors.allowHeaders.join(',')]);
    if (cors.allowCredentials) headers.push(['access-control-allow-credentials', 'true']);
    if (cors.maxAgeSeconds !== undefined) headers.push(['access-control-max-age', String(cors.maxAgeSeconds)]);
  }
  return { statusCode: 204, headers, body: Buffer.alloc(0) };
}

/** Replaces the integration's CORS headers with the configured ones for an allowed origin. */
export function applyCors(cors: HttpCorsSpec, ctx: HttpRequestContext, response: GatewayResponse): GatewayResponse {
  const headers = response.headers.filter(([name]) => !name.toLowerCase().startsWith('access-control-'));
  const origin = allowedOrigin(cors, header(ctx, 'origin'));
  if (origin !== undefined) {
    headers.push(['access-control-allow-origin', origin]);
    if (cors.exposeHeaders.length > 0) headers.push(['access-control-expose-headers', cors.exposeHeaders.join(',')]);
    if (cors.allowCredentials) headers.push(['access-control-allow-credentials', 'true']);
  }
  return { ...response, headers };
}
