import type { HttpRouteTable } from '../http-route-table';
import type { Finding } from './finding';
import { type CheckRule, finding } from './rule';

export const httpCors: CheckRule = {
  ruleId: 'http-cors',
  level: 'error',
  description:
    'A CORS configuration that cannot work: no allowed origin, credentials allowed for the wildcard origin "*", or a ' +
    'maxAge outside -1..86400 seconds.',
};

/** Upper bound of `x-amazon-apigateway-cors` `maxAge` (API:apigatewayv2 Cors.MaxAge: -1 to 86400). */
export const MAX_CORS_MAX_AGE_SECONDS = 86_400;

export function checkHttpCors(table: HttpRouteTable): Finding[] {
  const cors = table.cors;
  if (cors === undefined) return [];
  const problems: string[] = [];
  if (cors.allowOrigins.length === 0) {
    problems.push(
      'allowOrigins is empty, so browsers are never allowed; list the origins (e.g. "https://app.example.com").',
    );
  }
  if (cors.allowCredentials && cors.allowOrigins.includes('*')) {
    problems.push(
      'allowCredentials is true with the wildcard origin "*": browsers ignore credentialed responses for "*". ' +
        'List the allowed origins explicitly.',
    );
  }
  const maxAge = cors.maxAgeSeconds;
  if (maxAge !== undefined && (!Number.isInteger(maxAge) || maxAge < -1 || maxAge > MAX_CORS_MAX_AGE_SECONDS)) {
    problems.push(
      `maxAge ${maxAge} is outside -1..${MAX_CORS_MAX_AGE_SECONDS} whole seconds (-1 turns preflight caching off).`,
    );
  }
  return problems.map((problem) => finding(httpCors, `CORS: ${problem}`));
}
