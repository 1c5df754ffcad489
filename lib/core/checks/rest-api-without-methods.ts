import type { RouteTable } from '../route-table';
import type { Finding } from './finding';
import { type CheckRule, finding } from './rule';

export const restApiWithoutMethods: CheckRule = {
  ruleId: 'rest-api-without-methods',
  level: 'error',
  description: 'A REST API (one version) with no route: API Gateway refuses to deploy an API without methods.',
};

/** CreateDeployment answers 400 "The REST API doesn't contain any methods" (AWS: "Deploy a REST API"). */
export function checkRestApiWithoutMethods(table: RouteTable): Finding[] {
  if (table.routes.length > 0) return [];
  return [
    finding(
      restApiWithoutMethods,
      "The REST API has no route, and API Gateway refuses to deploy it: The REST API doesn't contain any methods. " +
        'Add a route (to this version), or leave the version out.',
    ),
  ];
}
