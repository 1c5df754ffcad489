import { type HttpRouteTable, httpRouteKeyName } from '../http-route-table';
import type { ThrottleSettings } from '../throttle-settings';
import type { Finding } from './finding';
import { type CheckRule, finding, quoteList } from './rule';
import { throttleProblems } from './throttle-problems';

export const httpRouteThrottle: CheckRule = {
  ruleId: 'http-route-throttle',
  level: 'error',
  description:
    'A per-route throttle (stage RouteSettings) keyed by a route the HTTP API does not have, or with a negative rate ' +
    'or burst, a fractional burst, or a burst below the rate.',
};

/** Stage `RouteSettings` are keyed by route key; an unknown key fails the stage deployment (AWS docs: "Throttle requests to your HTTP APIs"). */
export function checkHttpRouteThrottles(
  throttles: Readonly<Record<string, ThrottleSettings>>,
  table: HttpRouteTable,
): Finding[] {
  const keys = table.routes.map((route) => httpRouteKeyName(route.key));
  const findings: Finding[] = [];
  for (const [key, throttle] of Object.entries(throttles)) {
    if (!keys.includes(key)) {
      findings.push(
        finding(
          httpRouteThrottle,
          `Route throttle "${key}" names no route of the HTTP API. Key route throttles by the route key as declared ` +
            `(declared: ${quoteList(keys)}).`,
          key,
        ),
      );
    }
    for (const problem of throttleProblems(throttle)) {
      findings.push(finding(httpRouteThrottle, `Route throttle "${key}": ${problem}`, key));
    }
  }
  return findings;
}
