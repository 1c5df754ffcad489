import { QUOTA_PERIODS, type QuotaSettings } from '../throttle-settings';
import type { UsagePlanSpec } from '../usage-plan-spec';
import type { Finding } from './finding';
import { type CheckRule, finding } from './rule';

export const planQuota: CheckRule = {
  ruleId: 'plan-quota',
  level: 'error',
  description:
    'A usage plan quota whose limit is not a positive integer, period not DAY/WEEK/MONTH, or offset not in 0..limit-1.',
};

export function checkPlanQuota(plans: readonly UsagePlanSpec[]): Finding[] {
  return plans.flatMap((plan) =>
    plan.quota ? quotaProblems(plan.quota).map((p) => finding(planQuota, `Usage plan "${plan.name}": quota ${p}`)) : [],
  );
}

/** AWS API Reference "QuotaSettings"; AWS docs: "Usage plans and API keys for REST APIs": `offset` is subtracted from the limit in the first period. */
function quotaProblems(quota: QuotaSettings): string[] {
  const problems: string[] = [];
  const limitValid = Number.isInteger(quota.limit) && quota.limit > 0;
  if (!limitValid) {
    problems.push(`limit ${quota.limit} must be a positive whole number of requests per period.`);
  }
  if (!QUOTA_PERIODS.includes(quota.period)) {
    problems.push(`period "${quota.period}" must be one of ${QUOTA_PERIODS.join(', ')}.`);
  }
  const offset = quota.offset;
  if (offset !== undefined && !(Number.isInteger(offset) && offset >= 0 && (!limitValid || offset < quota.limit))) {
    const range = limitValid ? `0..${quota.limit - 1}` : '0..limit-1';
    problems.push(
      `offset ${offset} must be a whole number in ${range}: it is the number of requests subtracted from the limit in ` +
        'the first period, so it must leave at least one request.',
    );
  }
  return problems;
}
