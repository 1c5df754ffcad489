/**
 * Where the aggregator finds its own gateway: learned from each request, so the function never
 * references the API it serves (no dependency cycle, docs/decisions/0007).
 *
 * - Host: the `Host` header (the execute-api or custom domain name; in the emulator the loopback address
 *   with its port), else `requestContext.domainName`.
 * - Scheme: `X-Forwarded-Proto`, which API Gateway always sets (`https`, AWS docs: "Lambda proxy integrations in API Gateway", docs/aws-behaviour.md, "Captured events" captures);
 *   without it, `http` for a loopback host (the emulator) and `https` otherwise.
 * - Prefix: the stage on the execute-api host (`/v2`) or the custom domain's base path: `requestContext.path`
 *   (`/v2/users/u-1/overview`) without the part the route matched (`/users/u-1/overview`, the resource
 *   template filled with the path parameters). Through a custom domain `path` keeps the base path too (AWS docs: "Lambda proxy integrations in API Gateway"),
 *   which is why the resource, not `path`, tells where the prefix ends.
 */
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { headerOf } from './event-headers';

const LOOPBACK_HOST = /^(localhost|[^.]+\.localhost|127(\.\d{1,3}){3}|\[::1\])(:\d+)?$/i;
const TEMPLATE_VARIABLE = /\{([^}]+?)\+?\}/g;

/** `https://abc123.execute-api.eu-west-1.amazonaws.com/v2`, without a trailing slash. */
export function gatewayBaseUrl(event: APIGatewayProxyEvent): string {
  const host = headerOf(event, 'host') ?? event.requestContext?.domainName;
  if (!host) throw new Error('The request names no Host and no requestContext.domainName');
  const forwardedProto = headerOf(event, 'x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  const scheme = forwardedProto || (LOOPBACK_HOST.test(host) ? 'http' : 'https');
  return `${scheme}://${host}${stagePrefix(event)}`;
}

/** `/v2` on the execute-api host, the base path on a custom domain, `''` for a `(none)` mapping. */
export function stagePrefix(event: APIGatewayProxyEvent): string {
  const contextPath = trimTrailingSlashes(event.requestContext?.path ?? event.path ?? '');
  const matched = trimTrailingSlashes(filledResource(event));
  if (matched !== '' && contextPath.endsWith(matched)) return contextPath.slice(0, contextPath.length - matched.length);
  const path = trimTrailingSlashes(event.path ?? '');
  if (path !== '' && contextPath.endsWith(path)) return contextPath.slice(0, contextPath.length - path.length);
  return '';
}

function filledResource(event: APIGatewayProxyEvent): string {
  const parameters = event.pathParameters ?? {};
  return (event.resource ?? '').replace(TEMPLATE_VARIABLE, (whole, name: string) => parameters[name] ?? whole);
}

const trimTrailingSlashes = (path: string): string => path.replace(/\/+$/, '');
