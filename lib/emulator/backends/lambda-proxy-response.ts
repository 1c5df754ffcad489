/**
 * Turns what a Lambda proxy integration returned into the client's response, or into API Gateway's 502
 * `Internal server error` when the output is not a valid proxy response (AWS docs: "Lambda proxy integrations in API Gateway", docs/aws-behaviour.md, "Captured events", recorded on
 * AWS: fixtures/rest-v1-proxy-response-validation…json).
 */
import { GatewayError } from '../../core/gateway-responses';
import { binaryMediaTypeMatcher, firstAcceptedType } from './binary-media-types';

export interface ProxyResponseOptions {
  readonly binaryMediaTypes: readonly string[];
  /** The client's `Accept` header; its first media type decides, with the response Content-Type, on binary. */
  readonly accept?: string;
}

export interface ShapedProxyResponse {
  readonly statusCode: number;
  /** One pair per value: a multi-value header (`Set-Cookie`) is written as several header lines. */
  readonly headers: [string, string][];
  readonly body: Buffer;
}

/** Why an output was rejected, for the emulator's own log; the client sees only the 502. */
export class MalformedProxyResponseError extends GatewayError {
  constructor(readonly reason: string) {
    super('INTEGRATION_FAILURE');
  }
}

const PROXY_RESPONSE_KEYS: ReadonlySet<string> = new Set([
  'statusCode',
  'headers',
  'multiValueHeaders',
  'body',
  'isBase64Encoded',
]);

type Malformed = MalformedProxyResponseError;
const malformed = (reason: string): Malformed => new MalformedProxyResponseError(reason);

export function shapeProxyResponse(
  payload: unknown,
  options: ProxyResponseOptions,
): ShapedProxyResponse | GatewayError {
  if (!isObject(payload)) return malformed(`the function returned ${describe(payload)}, not an object`);
  const keys = Object.keys(payload);
  if (keys.length === 0) return malformed('the function returned an empty object');
  const unknown = keys.filter((key) => !PROXY_RESPONSE_KEYS.has(key));
  if (unknown.length > 0) return malformed(`unknown keys ${unknown.join(', ')}; allowed: ${[...PROXY_RESPONSE_KEYS]}`);

  const statusCode = statusCodeOf(payload.statusCode);
  if (statusCode instanceof MalformedProxyResponseError) return statusCode;
  const headers = mergeHeaders(payload.multiValueHeaders, payload.headers);
  if (headers instanceof MalformedProxyResponseError) return headers;

  const { body } = payload;
  if (body !== undefined && body !== null && typeof body !== 'string') {
    return malformed(`body must be a string, got ${describe(body)}`);
  }
  let contentType = headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1];
  if (contentType === undefined) {
    // API Gateway's default when the function names none (recorded: `{"statusCode":200}` → application/json).
    contentType = 'application/json';
    headers.push(['Content-Type', contentType]);
  }

  return { statusCode, headers, body: bodyOf(body ?? '', payload.isBase64Encoded, contentType, options) };
}

/** A numeric string is accepted (`"201"` → 201); a missing status means 200. */
function statusCodeOf(value: unknown): number | Malformed {
  if (value === undefined || value === null) return 200;
  const status = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  // 100–599 is what an HTTP response line can carry; AWS's own bound is not recorded.
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 599) {
    return malformed(`statusCode must be an integer HTTP status, got ${describe(value)}`);
  }
  return status;
}

/**
 * `multiValueHeaders` first, then `headers`. A single value for a name already present (in any casing) is
 * added to it, under the multi-value name's casing, unless that exact value is already there; so
 * `{"test-multi":["value-multi"]}` + `{"test-multi":"value-solo"}` reads `value-multi, value-solo` (AWS docs: "Lambda proxy integrations in API Gateway").
 */
function mergeHeaders(multiValueHeaders: unknown, headers: unknown): [string, string][] | Malformed {
  const merged: [string, string][] = [];
  const byName = new Map<string, { name: string; values: string[] }>();
  if (multiValueHeaders !== undefined && multiValueHeaders !== null) {
    if (!isObject(multiValueHeaders)) return malformed('multiValueHeaders must be an object of lists');
    for (const [name, values] of Object.entries(multiValueHeaders)) {
      if (!Array.isArray(values)) return malformed(`multiValueHeaders.${name} must be a list`);
      const entry = byName.get(name.toLowerCase()) ?? { name, values: [] };
      byName.set(name.toLowerCase(), entry);
      for (const value of values) {
        const text = headerText(value);
        if (text instanceof MalformedProxyResponseError) return text;
        if (text !== undefined) entry.values.push(text);
      }
    }
  }
  if (headers !== undefined && headers !== null) {
    if (!isObject(headers)) return malformed('headers must be an object');
    for (const [name, value] of Object.entries(headers)) {
      const text = headerText(value);
      if (text instanceof MalformedProxyResponseError) return text;
      if (text === undefined) continue;
      const entry = byName.get(name.toLowerCase());
      if (!entry) byName.set(name.toLowerCase(), { name, values: [text] });
      else if (!entry.values.includes(text)) entry.values.push(text);
    }
  }
  for (const { name, values } of byName.values()) for (const value of values) merged.push([name, value]);
  return merged;
}

/** Header values are stringified (`true` → `"true"`, recorded); null is dropped. */
function headerText(value: unknown): string | undefined | Malformed {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return malformed(`header values must be strings, numbers or booleans, got ${describe(value)}`);
}

/**
 * A base64 body is decoded only when the client's first accepted type or the response Content-Type is one
 * of the API's binaryMediaTypes; otherwise the text passes through as is (recorded: `dGVzdC1kYXRh` stays).
 */
function bodyOf(
  body: string,
  isBase64Encoded: unknown,
  contentType: string | undefined,
  options: ProxyResponseOptions,
) {
  if (isBase64Encoded === true || isBase64Encoded === 'true') {
    const isBinary = binaryMediaTypeMatcher(options.binaryMediaTypes);
    if (isBinary(firstAcceptedType(options.accept)) || isBinary(contentType)) return Buffer.from(body, 'base64');
  }
  return Buffer.from(body, 'utf8');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value)}`;
}
