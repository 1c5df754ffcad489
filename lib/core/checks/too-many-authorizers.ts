import type { RouteTable } from '../route-table';
import type { Finding } from './finding';
import { type CheckRule, finding, quoteList } from './rule';

/** Authorizers per API, REST (Lambda + Cognito) and HTTP: a default quota, raised on request (AWS docs: "Amazon API Gateway quotas"). */
export const MAX_AUTHORIZERS_PER_API = 10;

export const tooManyAuthorizers: CheckRule = {
  ruleId: 'too-many-authorizers',
  level: 'warning',
  description: `More than ${MAX_AUTHORIZERS_PER_API} authorizers on one API, API Gateway's default per-API quota.`,
};

/**
 * A warning, not an error: the quota can be raised for one API (through the AWS Support Center), and an
 * API whose quota was raised must still synthesize.
 */
export function checkTooManyAuthorizers(table: RouteTable): Finding[] {
  const count = table.authorizers.length;
  if (count <= MAX_AUTHORIZERS_PER_API) return [];
  return [
    finding(
      tooManyAuthorizers,
      `The API declares ${count} authorizers (${quoteList(table.authorizers.map((a) => a.name))}), above API Gateway's ` +
        `default quota of ${MAX_AUTHORIZERS_PER_API} per API ("Authorizers per API"): the deployment will fail unless the ` +
        'quota is raised for this API, which takes a request to the AWS Support Center. Or share one authorizer between ' +
        'routes (a REQUEST authorizer can read several identity sources), or split the routes across APIs.',
    ),
  ];
}
