import { type HttpRouteTable, httpRouteKeyName } from '../http-route-table';
import type { Finding } from './finding';
import { type CheckRule, finding } from './rule';

export const httpDuplicateRoute: CheckRule = {
  ruleId: 'http-duplicate-route',
  level: 'error',
  description:
    'The same HTTP API route key declared twice ("$default" included; GET beside ANY on one path is allowed).',
};

/** CreateRoute answers 409 ConflictException for an existing key (AWS docs: "Create routes for HTTP APIs", docs/aws-behaviour.md, "Deploy-time errors"). */
export function checkHttpDuplicateRoutes(table: HttpRouteTable): Finding[] {
  const counts = new Map<string, number>();
  for (const route of table.routes) {
    const key = httpRouteKeyName(route.key);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts]
    .filter(([, count]) => count > 1)
    .map(([key, count]) =>
      finding(
        httpDuplicateRoute,
        `Route "${key}" is declared ${count} times: Route with key ${key} already exists for this API. ` +
          'Keep one declaration (merge their settings), or change the method or path of the others.',
        key,
      ),
    );
}
