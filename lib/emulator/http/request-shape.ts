/**
 * How an HTTP API hands the request to Lambda (AWS docs: "Create AWS Lambda proxy integrations for HTTP APIs"): header names lower-cased and duplicates
 * joined with commas, the `cookie` header moved to `cookies` (one item per cookie pair), duplicate query
 * values joined with commas, and the body base64-encoded unless its media type is text.
 */
import type { HttpRequestContext } from './http-context';

/**
 * Only these media types reach the function as UTF-8 text; every other type, a missing Content-Type and
 * `application/x-www-form-urlencoded` included, arrives base64-encoded (GH:ministackorg/ministack#766,
 * checked against AWS; GH:dherault/serverless-offline#1776 for multipart). docs/decisions/0010.
 */
const TEXT_MEDIA_TYPES = new Set(['application/json', 'application/xml', 'application/javascript']);

export function isTextMediaType(contentType: string | undefined): boolean {
  const mediaType = (contentType ?? '').split(';', 1)[0].trim().toLowerCase();
  return mediaType.startsWith('text/') || TEXT_MEDIA_TYPES.has(mediaType);
}

/**
 * The headers the integration sees, names lower-cased, in arrival order, with what API Gateway adds:
 * `x-amzn-trace-id`, `x-forwarded-for` (the client's list with the source IP appended), `x-forwarded-port`
 * and `x-forwarded-proto` (as the captures in fixtures/http-v2-event.* show them).
 */
export function integrationHeaderPairs(ctx: HttpRequestContext, traceId: string): [string, string][] {
  const pairs: [string, string][] = [];
  let forwardedFor: string | undefined;
  let host: string | undefined;
  for (const [name, value] of ctx.request.headers) {
    const lower = name.toLowerCase();
    if (lower === 'x-forwarded-for') forwardedFor = forwardedFor === undefined ? value : `${forwardedFor}, ${value}`;
    else if (lower !== 'x-forwarded-port' && lower !== 'x-forwarded-proto' && lower !== 'x-amzn-trace-id')
      pairs.push([lower, value]);
    if (lower === 'host') host = value;
  }
  const port = /:(\d+)$/.exec(host ?? '')?.[1] ?? '80';
  pairs.push(['x-amzn-trace-id', traceId]);
  pairs.push(['x-forwarded-for', forwardedFor ? `${forwardedFor}, ${ctx.request.sourceIp}` : ctx.request.sourceIp]);
  pairs.push(['x-forwarded-port', port]);
  pairs.push(['x-forwarded-proto', 'http']);
  return pairs;
}

/** Payload 2.0 `headers` and `cookies`: duplicates comma-joined, cookie pairs split out of `cookie`. */
export function headersAndCookies(pairs: readonly (readonly [string, string])[]): {
  headers: Record<string, string>;
  cookies: string[];
} {
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (const [name, value] of pairs) {
    if (name === 'cookie') {
      // Each pair is one item; nameless pairs are dropped (GH:aws/serverless-java-container#453).
      for (const part of value.split(';')) {
        const cookie = part.trim();
        if (cookie !== '' && !cookie.startsWith('=')) cookies.push(cookie);
      }
      continue;
    }
    headers[name] = Object.hasOwn(headers, name) ? `${headers[name]},${value}` : value;
  }
  return { headers, cookies };
}

/** Payload 2.0 `queryStringParameters`: decoded values, a repeated name's values joined with commas. */
export function joinedQuery(query: readonly (readonly [string, string])[]): Record<string, string> {
  const joined: Record<string, string> = {};
  for (const [name, value] of query) joined[name] = Object.hasOwn(joined, name) ? `${joined[name]},${value}` : value;
  return joined;
}

/** `body` and `isBase64Encoded` of an event; an empty body is left out. */
export function eventBody(ctx: HttpRequestContext): { body?: string; isBase64Encoded: boolean } {
  const { body, headers } = ctx.request;
  if (body.length === 0) return { isBase64Encoded: false };
  let contentType: string | undefined;
  for (const [name, value] of headers) if (name.toLowerCase() === 'content-type') contentType = value;
  return isTextMediaType(contentType)
    ? { body: body.toString('utf8'), isBase64Encoded: false }
    : { body: body.toString('base64'), isBase64Encoded: true };
}

/** `abc123.execute-api.eu-west-1.amazonaws.com` → `abc123`; a bare host is its own prefix. */
export function domainPrefixOf(domainName: string): string {
  const dot = domainName.indexOf('.');
  return dot === -1 ? domainName : domainName.slice(0, dot);
}
