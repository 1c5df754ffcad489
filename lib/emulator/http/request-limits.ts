/**
 * HTTP API request-size quota (AWS docs: "Amazon API Gateway quotas", HTTP APIs: "Total combined size of
 * request line and header values: 10240 bytes"). REST counts header values only (rest-pipeline.ts); an HTTP
 * API counts the request line too. AWS's exact answer is not documented: 413, as for REST (decision 0005).
 */
import type { GatewayRequest } from '../request-context';

export const MAX_HTTP_REQUEST_LINE_AND_HEADER_BYTES = 10_240;

/** Whether the request line (`GET /path HTTP/1.1`) and the header values together pass the quota. */
export function exceedsHttpHeaderQuota(request: GatewayRequest): boolean {
  let bytes = Buffer.byteLength(`${request.method} ${request.rawUrl} HTTP/1.1`);
  for (const [, value] of request.headers) bytes += Buffer.byteLength(value);
  return bytes > MAX_HTTP_REQUEST_LINE_AND_HEADER_BYTES;
}
