import { checkPlanThrottle } from '../../../lib/core/checks/plan-throttle';
import type { UsagePlanSpec } from '../../../lib/core/usage-plan-spec';

const plan = (overrides: Partial<UsagePlanSpec>): UsagePlanSpec => ({
  name: 'gold',
  methodThrottles: {},
  ...overrides,
});

describe('plan-throttle', () => {
  it('accepts a burst at or above the rate, and a fractional rate', () => {
    const gold = plan({
      throttle: { rateLimit: 10.5, burstLimit: 20 },
      methodThrottles: { 'GET /x': { rateLimit: 1, burstLimit: 1 } },
    });
    expect(checkPlanThrottle([gold])).toEqual([]);
  });

  it('reports a burst below the rate', () => {
    const findings = checkPlanThrottle([plan({ throttle: { rateLimit: 10, burstLimit: 5 } })]);
    expect(findings).toEqual([
      {
        ruleId: 'plan-throttle',
        level: 'error',
        message:
          'Usage plan "gold": throttle burstLimit 5 is below rateLimit 10: the bucket could not hold one second of ' +
          'refill, so the effective rate would be capped by the burst. Set burstLimit to at least 10.',
      },
    ]);
  });

  it('reports negative limits and a fractional burst, on method throttles too', () => {
    const findings = checkPlanThrottle([
      plan({
        throttle: { rateLimit: -1, burstLimit: 2.5 },
        methodThrottles: { 'GET /x': { rateLimit: 1, burstLimit: -3 } },
      }),
    ]);
    expect(findings.map((f) => f.message)).toEqual([
      'Usage plan "gold": throttle rateLimit -1 must be a non-negative number of requests per second.',
      expect.stringContaining('Usage plan "gold": throttle burstLimit 2.5 must be a non-negative whole number'),
      expect.stringContaining('Usage plan "gold": method throttle for "GET /x": burstLimit -3'),
    ]);
    expect(findings[2].route).toBe('GET /x');
  });
});
