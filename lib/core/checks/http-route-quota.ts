import type { HttpRouteTable } from '../http-route-table';
import type { Finding } from './finding';
import { type CheckRule, finding } from './rule';

/** API Gateway's default "Routes per API" quota for HTTP APIs (AWS docs: "Amazon API Gateway quotas"); it can be raised. */
export const DEFAULT_MAX_ROUTES_PER_HTTP_API = 300;

export const httpRouteQuota: CheckRule = {
  ruleId: 'http-route-quota',
  level: 'warning',
  description: `More than ${DEFAULT_MAX_ROUTES_PER_HTTP_API} routes on one HTTP API, API Gateway's default per-API quota.`,
};

export function checkHttpRouteQuota(table: HttpRouteTable): Finding[] {
  const count = table.routes.length;
  if (count <= DEFAULT_MAX_ROUTES_PER_HTTP_API) return [];
  return [
    finding(
      httpRouteQuota,
      `The HTTP API has ${count} routes, above API Gateway's default quota of ${DEFAULT_MAX_ROUTES_PER_HTTP_API} routes ` +
        'per API: the deployment will fail unless the quota is raised. Request an increase in Service Quotas ' +
        '(Amazon API Gateway, "Routes per API") before deploying, or split the routes across APIs.',
    ),
  ];
}
