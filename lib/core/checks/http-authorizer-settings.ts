import {
  type HttpAuthorizerSpec,
  type HttpRouteTable,
  httpRouteKeyName,
  PAYLOAD_FORMAT_VERSIONS,
} from '../http-route-table';
import { MAX_AUTHORIZER_TTL_SECONDS } from '../route-table';
import type { Finding } from './finding';
import { type CheckRule, finding, isToken, quoteList } from './rule';
import { MAX_AUTHORIZERS_PER_API, tooManyAuthorizers } from './too-many-authorizers';

export const httpAuthorizerSettings: CheckRule = {
  ruleId: 'http-authorizer-settings',
  level: 'error',
  description:
    'An HTTP API authorizer AWS rejects or that cannot work: bad identity source, caching without one, simple ' +
    'responses on payload 1.0, TTL outside 0..3600, a JWT authorizer without one token source, an https issuer or an ' +
    'audience, a route naming an undeclared authorizer or scopes on a non-JWT authorizer.',
};

/** Lambda authorizer identity sources (AWS docs: "Control access to HTTP APIs with AWS Lambda authorizers"). */
const REQUEST_SOURCE =
  /^\$(request\.(header|querystring)\.[^\s,]+|context\.[A-Za-z0-9_.]+|stageVariables\.[A-Za-z0-9_]+)$/;
/** A JWT authorizer reads its token from one header or query string. */
const TOKEN_SOURCE = /^\$request\.(header|querystring)\.[^\s,]+$/;

export function checkHttpAuthorizerSettings(table: HttpRouteTable): Finding[] {
  const findings = table.authorizers.flatMap((authorizer) =>
    problems(authorizer).map((problem) =>
      finding(httpAuthorizerSettings, `Authorizer "${authorizer.name}": ${problem}`),
    ),
  );
  if (table.authorizers.length > MAX_AUTHORIZERS_PER_API) {
    // The same default quota as on REST APIs, and the same rule: a warning, since it can be raised per API.
    findings.push(
      finding(
        tooManyAuthorizers,
        `The HTTP API declares ${table.authorizers.length} authorizers (${quoteList(table.authorizers.map((a) => a.name))}), ` +
          `above API Gateway's default quota of ${MAX_AUTHORIZERS_PER_API} per API ("Authorizers per API"): the ` +
          'deployment will fail unless the quota is raised for this API. Or share authorizers between routes, or split the API.',
      ),
    );
  }
  return [...findings, ...routeProblems(table)];
}

function problems(authorizer: HttpAuthorizerSpec): string[] {
  const sources = authorizer.identitySources;
  if (authorizer.type === 'JWT') {
    const found: string[] = [];
    if (sources.length !== 1 || !TOKEN_SOURCE.test(sources[0])) {
      found.push(
        `a JWT authorizer reads the token from exactly one "$request.header.<Name>" or "$request.querystring.<name>", ` +
          `but identitySources is [${quoteList(sources)}]. Use e.g. "$request.header.Authorization".`,
      );
    }
    if (!isToken(authorizer.issuer) && !/^https:\/\/[^\s/]+/.test(authorizer.issuer)) {
      found.push(
        `issuer "${authorizer.issuer}" is not an https URL; API Gateway fetches the signing keys from ` +
          '"<issuer>/.well-known/openid-configuration". Use the issuer exactly as it appears in the tokens\' "iss" claim.',
      );
    }
    if (authorizer.audience.length === 0) {
      found.push('audience is empty, so no token is ever accepted. List the "aud" (or "client_id") values to accept.');
    }
    return found;
  }
  const found: string[] = [];
  if (!PAYLOAD_FORMAT_VERSIONS.includes(authorizer.payloadFormatVersion)) {
    found.push(`payloadFormatVersion "${authorizer.payloadFormatVersion}" is not "1.0" or "2.0".`);
  }
  if (authorizer.enableSimpleResponses && authorizer.payloadFormatVersion !== '2.0') {
    found.push(
      'simple responses ({isAuthorized, context}) need payload format 2.0; with 1.0 the function must return an IAM ' +
        'policy. Set payloadFormatVersion to "2.0" or turn simple responses off.',
    );
  }
  const ttl = authorizer.resultTtlSeconds;
  if (!Number.isInteger(ttl) || ttl < 0 || ttl > MAX_AUTHORIZER_TTL_SECONDS) {
    found.push(
      `resultTtlSeconds ${ttl} is outside API Gateway's range of whole seconds 0..${MAX_AUTHORIZER_TTL_SECONDS}. ` +
        'Use 0 to turn caching off.',
    );
  }
  if (sources.length === 0 && ttl > 0) {
    // The identity sources are the cache key (AWS docs: "Control access to HTTP APIs with AWS Lambda authorizers"): caching needs at least one.
    found.push(
      `caching results (resultTtlSeconds ${ttl}) needs at least one identity source, the cache key. Add one ` +
        '(e.g. "$request.header.Authorization") or set the TTL to 0.',
    );
  }
  for (const source of sources.filter((s) => !REQUEST_SOURCE.test(s))) {
    found.push(
      `identity source "${source}" is not one HTTP APIs accept: use $request.header.<Name>, ` +
        '$request.querystring.<name>, $context.<variable> or $stageVariables.<name>.',
    );
  }
  return found;
}

function routeProblems(table: HttpRouteTable): Finding[] {
  const byName = new Map(table.authorizers.map((authorizer) => [authorizer.name, authorizer]));
  const findings: Finding[] = [];
  for (const route of table.routes) {
    const authorization = route.authorization;
    if (authorization.kind !== 'authorizer') continue;
    const key = httpRouteKeyName(route.key);
    const authorizer = byName.get(authorization.authorizer);
    if (authorizer === undefined) {
      findings.push(
        finding(
          httpAuthorizerSettings,
          `Route "${key}" uses authorizer "${authorization.authorizer}", which the API does not declare (declared: ` +
            `${quoteList([...byName.keys()])}). Declare the authorizer or fix the name on the route.`,
          key,
        ),
      );
    } else if (authorizer.type !== 'JWT' && (authorization.scopes ?? []).length > 0) {
      findings.push(
        finding(
          httpAuthorizerSettings,
          `Route "${key}" requires scopes ${quoteList(authorization.scopes ?? [])} from Lambda authorizer ` +
            `"${authorizer.name}", but HTTP APIs check authorization scopes only for JWT authorizers. Check the ` +
            'scopes in the function, or use a JWT authorizer.',
          key,
        ),
      );
    }
  }
  return findings;
}
