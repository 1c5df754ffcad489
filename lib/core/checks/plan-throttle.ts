import type { UsagePlanSpec } from '../usage-plan-spec';
import type { Finding } from './finding';
import { type CheckRule, finding } from './rule';
import { throttleProblems } from './throttle-problems';

export const planThrottle: CheckRule = {
  ruleId: 'plan-throttle',
  level: 'error',
  description:
    'A usage plan or per-method throttle with a negative rate or burst, a fractional burst, or a burst below the rate.',
};

export function checkPlanThrottle(plans: readonly UsagePlanSpec[]): Finding[] {
  const findings: Finding[] = [];
  for (const plan of plans) {
    if (plan.throttle) {
      for (const problem of throttleProblems(plan.throttle)) {
        findings.push(finding(planThrottle, `Usage plan "${plan.name}": throttle ${problem}`));
      }
    }
    for (const [routeKey, throttle] of Object.entries(plan.methodThrottles)) {
      for (const problem of throttleProblems(throttle)) {
        findings.push(
          finding(planThrottle, `Usage plan "${plan.name}": method throttle for "${routeKey}": ${problem}`, routeKey),
        );
      }
    }
  }
  return findings;
}
