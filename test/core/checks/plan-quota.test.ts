import { checkPlanQuota } from '../../../lib/core/checks/plan-quota';
import type { QuotaSettings } from '../../../lib/core/throttle-settings';

const plan = (quota: QuotaSettings) => ({ name: 'gold', quota, methodThrottles: {} });

describe('plan-quota', () => {
  it('accepts a positive limit, a known period and an offset below the limit', () => {
    expect(
      checkPlanQuota([plan({ limit: 1000, period: 'MONTH', offset: 999 }), plan({ limit: 1, period: 'DAY' })]),
    ).toEqual([]);
  });

  it('reports a bad limit, period and offset', () => {
    const findings = checkPlanQuota([
      plan({ limit: 0, period: 'YEAR' as QuotaSettings['period'] }),
      plan({ limit: 100, period: 'WEEK', offset: 100 }),
    ]);
    expect(findings.every((f) => f.ruleId === 'plan-quota' && f.level === 'error')).toBe(true);
    expect(findings.map((f) => f.message)).toEqual([
      'Usage plan "gold": quota limit 0 must be a positive whole number of requests per period.',
      'Usage plan "gold": quota period "YEAR" must be one of DAY, WEEK, MONTH.',
      expect.stringContaining('Usage plan "gold": quota offset 100 must be a whole number in 0..99'),
    ]);
  });
});
