import { formatRouteKey } from '../route-key';
import type { RouteTable } from '../route-table';
import type { Finding } from './finding';
import { type CheckRule, finding } from './rule';

export const duplicateRoute: CheckRule = {
  ruleId: 'duplicate-route',
  level: 'error',
  description: 'The same method and path declared twice (ANY twice included; GET and ANY on one path is allowed).',
};

/**
 * One resource holds one method per HTTP verb, `ANY` being a verb of its own (AWS docs: "Set up a method request"), so
 * `GET /x` beside `ANY /x` is fine but a second `GET /x` is not (HTTP APIs: "Route with key … already exists").
 */
export function checkDuplicateRoutes(table: RouteTable): Finding[] {
  const counts = new Map<string, number>();
  for (const route of table.routes) {
    const key = formatRouteKey(route.key);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts]
    .filter(([, count]) => count > 1)
    .map(([key, count]) =>
      finding(
        duplicateRoute,
        `Route "${key}" is declared ${count} times; API Gateway rejects the second one ` +
          `(an HTTP API says: Route with key ${key} already exists for this API). ` +
          'Keep one declaration of this method and path (merge their settings), or change the method or path of the others.',
        key,
      ),
    );
}
