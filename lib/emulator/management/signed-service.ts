/**
 * Tells management calls apart from gateway traffic: an AWS SDK signs every API Gateway management call with
 * SigV4 for the service `apigateway` (both the v1 and the v2 client), while a caller of an `AWS_IAM` route
 * signs for `execute-api`. The signature itself is not checked: there are no credentials locally.
 */
import { headerValue } from '../request-values';

const CREDENTIAL_SCOPE = /Credential=[^/,\s]+\/\d{8}\/[^/,\s]+\/([^/,\s]+)\/aws4_request/;

/** The service named in the request's SigV4 credential scope, or undefined for an unsigned request. */
export function signedService(headers: readonly (readonly [string, string])[]): string | undefined {
  const authorization = headerValue(headers, 'authorization');
  if (!authorization?.startsWith('AWS4-HMAC-SHA256')) return undefined;
  return CREDENTIAL_SCOPE.exec(authorization)?.[1];
}

/** The service name API Gateway's management API is signed for (`apigateway` and `apigatewayv2` clients alike). */
export const MANAGEMENT_SERVICE = 'apigateway';
