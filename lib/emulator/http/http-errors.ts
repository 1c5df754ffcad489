/**
 * The answers an HTTP API gives on its own (AWS docs: "Create routes for HTTP APIs"; "Create AWS Lambda proxy integrations for HTTP APIs"; "Control access to HTTP APIs with AWS Lambda authorizers"; "Throttle requests to your HTTP APIs"): a status and
 * `{"message":"..."}`. HTTP APIs have no customisable gateway responses (AWS docs: "Gateway response types for API Gateway"), so one table decides. Errors
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
  // AWS docs: "Create routes for HTTP APIs": no stage or no route.
  RESOURCE_NOT_FOUND: { statusCode: 404, message: 'Not Found' },
  // AWS docs: "Control access to HTTP APIs with JWT authorizers"; "Control access to HTTP APIs with AWS Lambda authorizers": missing identity source, `Unauthorized` from a Lambda authorizer, a refused JWT.
  UNAUTHORIZED: { statusCode: 401, message: 'Unauthorized' },
  // AWS docs: "Control access to HTTP APIs with JWT authorizers"; "Control access to HTTP APIs with AWS Lambda authorizers": `isAuthorized: false`, a Deny, a JWT without a required scope (body text unknown, emulators use Forbidden).
  ACCESS_DENIED: { statusCode: 403, message: 'Forbidden' },
  // AWS docs: "Throttle requests to your HTTP APIs".
  THROTTLED: { statusCode: 429, message: 'Too Many Requests' },
  // AWS docs: "Create AWS Lambda proxy integrations for HTTP APIs"; "Troubleshooting issues with HTTP API Lambda integrations": the function failed or answered something unreadable.
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
