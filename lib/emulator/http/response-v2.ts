/**
 * What a payload 2.0 Lambda integration returned, turned into the client's response (AWS docs: "Create AWS Lambda proxy integrations for HTTP APIs"):
 * - an object with `statusCode` is the custom form `{statusCode, headers, cookies, body, isBase64Encoded}`;
 *   each `cookies` item becomes one `set-cookie` header, a base64 body is decoded (HTTP APIs have no binary
 *   media types to negotiate);
 * - anything else that is valid JSON is the body of a 200 `application/json` answer: a string as is
 *   (`"Hello"` → `Hello`), any other value as its JSON text (`null` included, which is what a handler that
 *   returns nothing produces).
 * A custom form that cannot be a response (bad status, non-string body) is a malformed answer: 500.
 */
import type { GatewayResponse } from '../request-context';

export class MalformedResponseV2Error extends Error {
  constructor(readonly reason: string) {
    super(`Malformed Lambda proxy response: ${reason}`);
    this.name = 'MalformedResponseV2Error';
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Throws MalformedResponseV2Error when the custom form is broken. */
export function shapeResponseV2(payload: unknown): GatewayResponse {
  if (!isObject(payload) || !Object.hasOwn(payload, 'statusCode')) {
    const body = typeof payload === 'string' ? payload : JSON.stringify(payload ?? null);
    return { statusCode: 200, headers: [['content-type', 'application/json']], body: Buffer.from(body, 'utf8') };
  }
  const statusCode = statusCodeOf(payload.statusCode);
  const headers: [string, string][] = [];
  if (payload.headers !== undefined && payload.headers !== null) {
    if (!isObject(payload.headers)) throw new MalformedResponseV2Error('headers must be an object');
    for (const [name, value] of Object.entries(payload.headers)) {
      if (value === null || value === undefined) continue;
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
        throw new MalformedResponseV2Error(`headers.${name} must be a string, a number or a boolean`);
      }
      headers.push([name, String(value)]);
    }
  }
  if (payload.cookies !== undefined && payload.cookies !== null) {
    if (!Array.isArray(payload.cookies) || !payload.cookies.every((cookie) => typeof cookie === 'string')) {
      throw new MalformedResponseV2Error('cookies must be a list of strings');
    }
    for (const cookie of payload.cookies) headers.push(['set-cookie', cookie]);
  }
  const { body } = payload;
  if (body !== undefined && body !== null && typeof body !== 'string') {
    throw new MalformedResponseV2Error(`body must be a string, got ${Array.isArray(body) ? 'a list' : typeof body}`);
  }
  const base64 = payload.isBase64Encoded === true || payload.isBase64Encoded === 'true';
  return { statusCode, headers, body: Buffer.from(body ?? '', base64 ? 'base64' : 'utf8') };
}

function statusCodeOf(value: unknown): number {
  const status = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 599) {
    throw new MalformedResponseV2Error(`statusCode must be an integer HTTP status, got ${JSON.stringify(value)}`);
  }
  return status;
}
