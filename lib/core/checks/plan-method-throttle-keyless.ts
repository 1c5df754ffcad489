import type { RouteTable } from '../route-table';
import type { UsagePlanSpec } from '../usage-plan-spec';
import type { Finding } from './finding';
import { findThrottledRoute } from './plan-method-throttle';
import { type CheckRule, finding } from './rule';

export const planMethodThrottleKeyless: CheckRule = {
  ruleId: 'plan-method-throttle-keyless',
  level: 'warning',
  description: 'A usage plan method throttle on a route that does not require an API key, so it never applies.',
};

/** Usage-plan limits are only enforced on methods with `apiKeyRequired: true` (AWS docs: "Usage plans and API keys for REST APIs"). */
export function checkPlanMethodThrottleKeyless(plans: readonly UsagePlanSpec[], table: RouteTable): Finding[] {
  const findings: Finding[] = [];
  for (const plan of plans) {
    for (const key of Object.keys(plan.methodThrottles)) {
      const route = findThrottledRoute(key, table);
      if (!route || route.apiKeyRequired) continue;
      findings.push(
        finding(
          planMethodThrottleKeyless,
          `Usage plan "${plan.name}": the method throttle for "${key}" never applies, because the route does not ` +
            'require an API key and API Gateway only enforces usage plans on methods that do. Set apiKeyRequired ' +
            'on the route, or throttle it with a stage method setting instead.',
          key,
        ),
      );
    }
  }
  return findings;
}
