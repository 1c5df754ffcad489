/**
 * A payload 1.0 answer on an HTTP API: the REST proxy response shape (AWS docs: "Create AWS Lambda proxy integrations for HTTP APIs"), read by the REST
 * shaper with two differences. Keys the format does not know are ignored rather than refused (SAM CLI's
 * reading of HTTP APIs, emulator-only), and a base64 body is always decoded: HTTP APIs have no binary
 * media types to negotiate.
 */
import type { GatewayError } from '../../core/gateway-responses';
import { shapeProxyResponse } from '../backends/lambda-proxy-response';
import type { GatewayResponse } from '../request-context';

const RESPONSE_V1_KEYS = ['statusCode', 'headers', 'multiValueHeaders', 'body', 'isBase64Encoded'];
const EVERY_TYPE = ['*/*'];

export function shapeResponseV1(payload: unknown): GatewayResponse | GatewayError {
  let known = payload;
  if (typeof payload === 'object' && payload !== null && !Array.isArray(payload)) {
    const record = payload as Record<string, unknown>;
    known = Object.fromEntries(RESPONSE_V1_KEYS.filter((key) => Object.hasOwn(record, key)).map((k) => [k, record[k]]));
  }
  return shapeProxyResponse(known, { binaryMediaTypes: EVERY_TYPE });
}
