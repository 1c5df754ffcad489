import type { AuthorizerSpec, RouteTable } from '../route-table';
import type { Finding } from './finding';
import { type CheckRule, finding, quoteList } from './rule';

export const authorizerIdentitySources: CheckRule = {
  ruleId: 'authorizer-identity-sources',
  level: 'error',
  description:
    'A TOKEN or Cognito authorizer without exactly one header identity source, a caching REQUEST authorizer without ' +
    'any, or an identity source API Gateway does not accept.',
};

const HEADER_SOURCE = /^method\.request\.header\.[^\s.,]+$/;
/** REQUEST identity sources: header, query string, stage variable or context variable (AWS docs: "Input to an API Gateway Lambda authorizer"). */
const REQUEST_SOURCE =
  /^(method\.request\.(header|querystring)\.[^\s,]+|stageVariables\.[A-Za-z0-9_]+|context\.[A-Za-z0-9_.]+)$/;

export function checkAuthorizerIdentitySources(table: RouteTable): Finding[] {
  return table.authorizers.flatMap((authorizer) =>
    problems(authorizer).map((problem) =>
      finding(authorizerIdentitySources, `Authorizer "${authorizer.name}": ${problem}`),
    ),
  );
}

function problems(authorizer: AuthorizerSpec): string[] {
  const sources = authorizer.identitySources;
  if (authorizer.type !== 'REQUEST') {
    // TOKEN and COGNITO_USER_POOLS read the token from one request header (API:CreateAuthorizer.identitySource).
    if (sources.length === 1 && HEADER_SOURCE.test(sources[0])) return [];
    return [
      `a ${authorizer.type} authorizer reads its token from exactly one request header, but identitySources is ` +
        `[${quoteList(sources)}]. Use a single "method.request.header.<Name>" (e.g. "method.request.header.Authorization"), ` +
        'or a REQUEST authorizer to read several sources.',
    ];
  }
  const found: string[] = [];
  if (sources.length === 0 && authorizer.resultTtlSeconds > 0) {
    // The identity sources are the cache key (AWS docs: "Configure an API Gateway Lambda authorizer"): caching needs at least one.
    found.push(
      `a REQUEST authorizer that caches results (resultTtlSeconds ${authorizer.resultTtlSeconds}) needs at least one ` +
        'identity source, which API Gateway uses as the cache key. Add one (e.g. "method.request.header.Authorization") ' +
        'or set resultTtlSeconds to 0.',
    );
  }
  for (const source of sources) {
    if (REQUEST_SOURCE.test(source)) continue;
    const hint = source.startsWith('method.request.path.')
      ? 'path parameters cannot be identity sources (they are still passed to the authorizer in pathParameters)'
      : 'use method.request.header.<Name>, method.request.querystring.<name>, stageVariables.<name> or context.<variable>';
    found.push(`identity source "${source}" is not one API Gateway accepts: ${hint}.`);
  }
  return found;
}
