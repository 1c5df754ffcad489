/**
 * API Gateway's gateway response types (AWS docs: "Gateway response types for API Gateway"): one table that the emulator raises by name
 * and renders in one place, with `AWS::ApiGateway::GatewayResponse` overrides applied on top.
 */

export type GatewayResponseType =
  | 'ACCESS_DENIED'
  | 'API_CONFIGURATION_ERROR'
  | 'AUTHORIZER_CONFIGURATION_ERROR'
  | 'AUTHORIZER_FAILURE'
  | 'BAD_REQUEST_PARAMETERS'
  | 'BAD_REQUEST_BODY'
  | 'DEFAULT_4XX'
  | 'DEFAULT_5XX'
  | 'EXPIRED_TOKEN'
  | 'INTEGRATION_FAILURE'
  | 'INTEGRATION_TIMEOUT'
  | 'INVALID_API_KEY'
  | 'INVALID_SIGNATURE'
  | 'MISSING_AUTHENTICATION_TOKEN'
  | 'QUOTA_EXCEEDED'
  | 'REQUEST_TOO_LARGE'
  | 'RESOURCE_NOT_FOUND'
  | 'THROTTLED'
  | 'UNAUTHORIZED'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'WAF_FILTERED';

export interface GatewayResponseDefault {
  readonly statusCode: number;
  /** `$context.error.message`; `null` renders as JSON null (AUTHORIZER_CONFIGURATION_ERROR). */
  readonly message: string | null;
  /** `x-amzn-ErrorType` header value, where AWS (or a recording of it) shows one. */
  readonly errorType?: string;
}

export const GATEWAY_RESPONSE_DEFAULTS: Readonly<
  Record<Exclude<GatewayResponseType, 'DEFAULT_4XX' | 'DEFAULT_5XX'>, GatewayResponseDefault>
> = {
  ACCESS_DENIED: {
    statusCode: 403,
    message: 'User is not authorized to access this resource',
    errorType: 'AccessDeniedException',
  },
  API_CONFIGURATION_ERROR: {
    statusCode: 500,
    message: 'Internal server error',
    errorType: 'InternalServerErrorException',
  },
  AUTHORIZER_CONFIGURATION_ERROR: { statusCode: 500, message: null, errorType: 'AuthorizerConfigurationException' },
  AUTHORIZER_FAILURE: { statusCode: 500, message: null, errorType: 'AuthorizerFailureException' },
  BAD_REQUEST_PARAMETERS: {
    statusCode: 400,
    message: 'Missing required request parameters',
    errorType: 'BadRequestException',
  },
  BAD_REQUEST_BODY: { statusCode: 400, message: 'Invalid request body', errorType: 'BadRequestException' },
  EXPIRED_TOKEN: { statusCode: 403, message: 'Token expired', errorType: 'ExpiredTokenException' },
  // A failed Lambda proxy integration answers 502 on AWS (AWS docs: "Lambda proxy integrations in API Gateway"), not the documented 504.
  INTEGRATION_FAILURE: { statusCode: 502, message: 'Internal server error', errorType: 'InternalServerErrorException' },
  INTEGRATION_TIMEOUT: {
    statusCode: 504,
    message: 'Endpoint request timed out',
    errorType: 'InternalServerErrorException',
  },
  INVALID_API_KEY: { statusCode: 403, message: 'Forbidden', errorType: 'ForbiddenException' },
  INVALID_SIGNATURE: { statusCode: 403, message: 'Invalid signature', errorType: 'InvalidSignatureException' },
  MISSING_AUTHENTICATION_TOKEN: {
    statusCode: 403,
    message: 'Missing Authentication Token',
    errorType: 'MissingAuthenticationTokenException',
  },
  QUOTA_EXCEEDED: { statusCode: 429, message: 'Limit Exceeded', errorType: 'LimitExceededException' },
  REQUEST_TOO_LARGE: { statusCode: 413, message: 'Request Too Long', errorType: 'RequestTooLargeException' },
  RESOURCE_NOT_FOUND: { statusCode: 404, message: 'Not Found', errorType: 'NotFoundException' },
  THROTTLED: { statusCode: 429, message: 'Too Many Requests', errorType: 'TooManyRequestsException' },
  UNAUTHORIZED: { statusCode: 401, message: 'Unauthorized', errorType: 'UnauthorizedException' },
  UNSUPPORTED_MEDIA_TYPE: {
    statusCode: 415,
    message: 'Unsupported Media Type',
    errorType: 'UnsupportedMediaTypeException',
  },
  WAF_FILTERED: { statusCode: 403, message: 'Forbidden', errorType: 'WafFilteredException' },
};

/** API Gateway's default body template for every gateway response. */
export const DEFAULT_GATEWAY_RESPONSE_TEMPLATE = '{"message":$context.error.messageString}';

/** A gateway response raised by name; the message may be more specific than the type's default. */
export class GatewayError extends Error {
  constructor(
    readonly responseType: Exclude<GatewayResponseType, 'DEFAULT_4XX' | 'DEFAULT_5XX'>,
    readonly messageOverride?: string | null,
  ) {
    const message = messageOverride === undefined ? GATEWAY_RESPONSE_DEFAULTS[responseType].message : messageOverride;
    super(`${responseType}: ${message}`);
    this.name = 'GatewayError';
  }

  get gatewayMessage(): string | null {
    return this.messageOverride === undefined
      ? GATEWAY_RESPONSE_DEFAULTS[this.responseType].message
      : this.messageOverride;
  }
}
