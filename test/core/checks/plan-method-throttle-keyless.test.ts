import { checkPlanMethodThrottleKeyless } from '../../../lib/core/checks/plan-method-throttle-keyless';
import { route, table } from './support';

const plan = {
  name: 'gold',
  methodThrottles: { 'GET /keyed': { rateLimit: 1, burstLimit: 1 }, 'GET /open': { rateLimit: 1, burstLimit: 1 } },
};

describe('plan-method-throttle-keyless', () => {
  it('accepts throttles on routes that require an API key', () => {
    const t = table([route('GET /keyed', { apiKeyRequired: true }), route('GET /open', { apiKeyRequired: true })]);
    expect(checkPlanMethodThrottleKeyless([plan], t)).toEqual([]);
  });

  it('warns about a throttle on a route without apiKeyRequired', () => {
    const t = table([route('GET /keyed', { apiKeyRequired: true }), route('GET /open')]);
    const findings = checkPlanMethodThrottleKeyless([plan], t);
    expect(findings).toEqual([
      expect.objectContaining({ ruleId: 'plan-method-throttle-keyless', level: 'warning', route: 'GET /open' }),
    ]);
    expect(findings[0].message).toContain('the method throttle for "GET /open" never applies');
    expect(findings[0].message).toContain('Set apiKeyRequired on the route');
  });
});
