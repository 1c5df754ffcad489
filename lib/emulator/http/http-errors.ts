/**
 * The answers an HTTP API gives on its own (aws-reference §1.3, §3.4, §4.4, §5): a status and
 * `{"message":"..."}`. HTTP APIs have no customisable gateway responses (§8), so one table decides. Errors
 * are raised as the shared `GatewayError` (its type names the cause for logs and the CLI) with the HTTP
 * API's own wording, which differs from REST's (`Internal Server Error`, not `Internal server error`).
 */
import { GatewayError, type GatewayResponseType } from '../../core/gateway-responses';
import type { GatewayResponse } from '../request-context';

type RaisedType = Exclude<GatewayResponseType, 'DEFAULT_4XX' | 'DEFAULT_5XX'>;

interface HttpErrorDefault {
  readonly statusCode: number;
  readonly message: string;
}

const INTERNAL: HttpErrorDefault = { statusCode: 500, message: 'Internal Server Error' };

/** Types the HTTP pipeline raises; any other type renders as a 500. */
const HTTP_ERRORS: Partial<Record<RaisedType, HttpErrorDefault>> = {
  // §1.3: no stage or no route.
  RESOURCE_NOT_FOUND: { statusCode: 404, message: 'Not Found' },
  // §4.4: missing identity source, `Unauthorized` from a Lambda authorizer, a refused JWT.
  UNAUTHORIZED: { statusCode: 401, message: 'Unauthorized' },
  // §4.4: `isAuthorized: false`, a Deny, a JWT without a required scope (body text unknown, emulators use Forbidden).
  ACCESS_DENIED: { statusCode: 403, message: 'Forbidden' },
  // §5 (DG:http-api-throttling).
  THROTTLED: { statusCode: 429, message: 'Too Many Requests' },
  // §3.4 (DG:http-api-troubleshooting-lambda): the function failed or answered something unreadable.
  INTEGRATION_FAILURE: INTERNAL,
  API_CONFIGURATION_ERROR: INTERNAL,
  AUTHORIZER_FAILURE: INTERNAL,
  AUTHORIZER_CONFIGURATION_ERROR: INTERNAL,
  // The integration did not answer within its timeout: 503, as recorded on an HTTP API (GH:cortexlabs/cortex#1225).
  INTEGRATION_TIMEOUT: { statusCode: 503, message: 'Service Unavailable' },
  REQUEST_TOO_LARGE: { statusCode: 413, message: 'Request Entity Too Large' },
};

/** A GatewayError carrying the HTTP API's message for its type. */
export function httpError(type: RaisedType): GatewayError {
  return new GatewayError(type, (HTTP_ERRORS[type] ?? INTERNAL).message);
}

/** The client's answer to a raised error; `challenge` becomes `www-authenticate` (refused JWTs). */
export function renderHttpError(error: GatewayError, challenge?: string): GatewayResponse {
  const { statusCode, message } = HTTP_ERRORS[error.responseType] ?? INTERNAL;
  const headers: [string, string][] = [['content-type', 'application/json']];
  if (challenge !== undefined && (statusCode === 401 || statusCode === 403))
    headers.push(['www-authenticate', challenge]);
  return { statusCode, headers, body: Buffer.from(JSON.stringify({ message }), 'utf8') };
}
