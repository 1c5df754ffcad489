import { formatRouteKey } from '../route-key';
import type { RouteTable } from '../route-table';
import type { Finding } from './finding';
import { type CheckRule, finding } from './rule';

export const selectionPatternRegex: CheckRule = {
  ruleId: 'selection-pattern-regex',
  level: 'error',
  description: 'An integration response selectionPattern that is not a valid regular expression.',
};

/** `selectionPattern` is a regular expression (AWS docs: "Handle Lambda errors in API Gateway"). */
export function checkSelectionPatternRegex(table: RouteTable): Finding[] {
  const findings: Finding[] = [];
  for (const route of table.routes) {
    const integration = route.integration;
    if (integration.kind === 'unsupported' || !integration.mapping) continue;
    const key = formatRouteKey(route.key);
    for (const response of integration.mapping.responses) {
      if (response.selectionPattern === undefined) continue;
      try {
        new RegExp(response.selectionPattern);
      } catch (error) {
        findings.push(
          finding(
            selectionPatternRegex,
            `Route "${key}": selectionPattern "${response.selectionPattern}" of the ${response.statusCode} integration ` +
              `response is not a valid regular expression (${error instanceof Error ? error.message : error}). ` +
              'Escape literal brackets and dots, e.g. ".*\\\\[NotFound\\\\].*".',
            key,
          ),
        );
      }
    }
  }
  return findings;
}
