import { formatRouteKey } from '../route-key';
import type { RouteTable } from '../route-table';
import type { Finding } from './finding';
import { type CheckRule, finding, quoteList } from './rule';

export const unknownAuthorizer: CheckRule = {
  ruleId: 'unknown-authorizer',
  level: 'error',
  description: 'A route that names an authorizer the API does not declare.',
};

export function checkUnknownAuthorizer(table: RouteTable): Finding[] {
  const declared = table.authorizers.map((a) => a.name);
  const findings: Finding[] = [];
  for (const route of table.routes) {
    const auth = route.authorization;
    if (auth.kind !== 'authorizer' || declared.includes(auth.authorizer)) continue;
    const key = formatRouteKey(route.key);
    findings.push(
      finding(
        unknownAuthorizer,
        `Route "${key}" uses authorizer "${auth.authorizer}", which the API does not declare (declared: ` +
          `${quoteList(declared)}): Invalid authorizer ID specified. Setting the authorization type to CUSTOM or ` +
          'COGNITO_USER_POOLS requires a valid authorizer. Declare the authorizer or fix the name on the route.',
        key,
      ),
    );
  }
  return findings;
}
