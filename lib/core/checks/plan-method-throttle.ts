import { formatRouteKey, parseRouteKey, RouteKeyError } from '../route-key';
import type { RouteSpec, RouteTable } from '../route-table';
import { MAX_METHOD_THROTTLES_PER_STAGE, type UsagePlanSpec } from '../usage-plan-spec';
import type { Finding } from './finding';
import { type CheckRule, finding } from './rule';

export const planMethodThrottle: CheckRule = {
  ruleId: 'plan-method-throttle',
  level: 'error',
  description: `A usage plan method throttle naming a route the API does not have, or more than ${MAX_METHOD_THROTTLES_PER_STAGE} of them.`,
};

export function checkPlanMethodThrottle(plans: readonly UsagePlanSpec[], table: RouteTable): Finding[] {
  const findings: Finding[] = [];
  for (const plan of plans) {
    const keys = Object.keys(plan.methodThrottles);
    if (keys.length > MAX_METHOD_THROTTLES_PER_STAGE) {
      // The overrides apply to every stage of the plan, so the per-stage quota (AWS docs: "Amazon API Gateway quotas") bounds them all.
      findings.push(
        finding(
          planMethodThrottle,
          `Usage plan "${plan.name}" has ${keys.length} method throttles; API Gateway allows at most ` +
            `${MAX_METHOD_THROTTLES_PER_STAGE} per stage in a usage plan. Keep the overrides for the routes that need ` +
            'them and let the plan throttle cover the rest.',
        ),
      );
    }
    for (const key of keys) {
      const problem = unknownRouteProblem(key, table);
      if (problem) findings.push(finding(planMethodThrottle, `Usage plan "${plan.name}": ${problem}`, key));
    }
  }
  return findings;
}

/** The table's route for a method-throttle key, matched on method and path exactly (`ANY` is a method of its own). */
export function findThrottledRoute(key: string, table: RouteTable): RouteSpec | undefined {
  try {
    const wanted = formatRouteKey(parseRouteKey(key));
    return table.routes.find((route) => formatRouteKey(route.key) === wanted);
  } catch (error) {
    if (error instanceof RouteKeyError) return undefined;
    throw error;
  }
}

function unknownRouteProblem(key: string, table: RouteTable): string | undefined {
  try {
    parseRouteKey(key);
  } catch (error) {
    if (!(error instanceof RouteKeyError)) throw error;
    return `method throttle key "${key}" is not a route key: ${error.message}`;
  }
  if (findThrottledRoute(key, table)) return undefined;
  return (
    `method throttle for "${key}" names a route the API does not have. Use the route key exactly as declared ` +
    '(method and path; an "ANY" route is throttled as "ANY <path>").'
  );
}
