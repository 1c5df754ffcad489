/**
 * The caller's headers as the composite received them, and the subset each member request carries.
 * Members must be authorized as the caller, so everything that identifies the caller goes along
 * (`Authorization`, `x-api-key`, cookies, custom identity-source headers); what describes the hop from
 * the caller to API Gateway (Host, X-Forwarded-*, CloudFront-*, Via) is set anew for the member request.
 */
import type { APIGatewayProxyEvent } from 'aws-lambda';

/** Set on member requests; a composite that receives it refuses, so composites never call composites. */
export const COMPOSITE_MARKER_HEADER = 'x-portico-composite';

const NOT_FORWARDED = new Set([
  'host',
  'content-length',
  'content-type',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'expect',
  'te',
  'accept',
  'accept-encoding',
  'via',
  'forwarded',
  'x-amz-cf-id',
  'x-forwarded-for',
  'x-forwarded-port',
  'x-forwarded-proto',
]);

/** A header's value, looked up case-insensitively (REST keeps the client's casing, AWS docs: "Lambda proxy integrations in API Gateway"). */
export function headerOf(event: APIGatewayProxyEvent, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(event.headers ?? {})) {
    if (key.toLowerCase() === wanted && value !== undefined) return value;
  }
  return undefined;
}

/** Header pairs for a member request: the caller's identity, JSON wanted, and the composite marker. */
export function memberRequestHeaders(event: APIGatewayProxyEvent, compositeRoute: string): [string, string][] {
  const pairs: [string, string][] = [];
  const multi = event.multiValueHeaders ?? {};
  const names = new Set([...Object.keys(multi), ...Object.keys(event.headers ?? {})]);
  for (const name of names) {
    const lower = name.toLowerCase();
    if (NOT_FORWARDED.has(lower) || lower.startsWith('cloudfront-') || lower === COMPOSITE_MARKER_HEADER) continue;
    const values = multi[name] ?? [event.headers?.[name]];
    for (const value of values) if (value !== undefined) pairs.push([name, value]);
  }
  pairs.push(['accept', 'application/json'], [COMPOSITE_MARKER_HEADER, compositeRoute]);
  return pairs;
}
