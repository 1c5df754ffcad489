import type { RouteTable } from '../route-table';
import type { Finding } from './finding';
import { resourceTree } from './resource-tree';
import { type CheckRule, finding } from './rule';

/** API Gateway's default "Resources per API" quota for REST APIs (AWS docs: "Amazon API Gateway quotas"); it can be raised. */
export const DEFAULT_MAX_RESOURCES_PER_API = 300;

export const resourceQuota: CheckRule = {
  ruleId: 'resource-quota',
  level: 'warning',
  description: `More than ${DEFAULT_MAX_RESOURCES_PER_API} REST resources (distinct path prefixes), API Gateway's default per-API quota.`,
};

/** Every distinct path prefix is one REST resource; the root `/` exists in every API and does not count. */
export function checkResourceQuota(table: RouteTable): Finding[] {
  const count = resourceTree(table.routes).size;
  if (count <= DEFAULT_MAX_RESOURCES_PER_API) return [];
  return [
    finding(
      resourceQuota,
      `The API has ${count} REST resources (distinct path prefixes of its routes), above API Gateway's default quota of ` +
        `${DEFAULT_MAX_RESOURCES_PER_API} per API: the deployment will fail unless the quota is raised. Request an increase ` +
        'in Service Quotas (Amazon API Gateway, "Resources per API") before deploying, or split the routes across APIs.',
    ),
  ];
}
