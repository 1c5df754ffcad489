import type { RouteTable } from '../route-table';
import type { Finding } from './finding';
import { type CheckRule, finding, quoteList } from './rule';

/** Authorizers per API, REST (Lambda + Cognito) and HTTP (aws-reference §9). */
export const MAX_AUTHORIZERS_PER_API = 10;

export const tooManyAuthorizers: CheckRule = {
  ruleId: 'too-many-authorizers',
  level: 'error',
  description: `More than ${MAX_AUTHORIZERS_PER_API} authorizers on one API (AWS quota).`,
};

export function checkTooManyAuthorizers(table: RouteTable): Finding[] {
  const count = table.authorizers.length;
  if (count <= MAX_AUTHORIZERS_PER_API) return [];
  return [
    finding(
      tooManyAuthorizers,
      `The API declares ${count} authorizers (${quoteList(table.authorizers.map((a) => a.name))}); API Gateway allows at ` +
        `most ${MAX_AUTHORIZERS_PER_API} per API. Share one authorizer between routes (a REQUEST authorizer can read ` +
        'several identity sources) or split the routes across APIs.',
    ),
  ];
}
