import { checkPlanMethodThrottle } from '../../../lib/core/checks/plan-method-throttle';
import type { ThrottleSettings } from '../../../lib/core/throttle-settings';
import { table } from './support';

const t = table(['GET /users/{id}', 'ANY /orders']);
const limit: ThrottleSettings = { rateLimit: 5, burstLimit: 10 };
const plan = (methodThrottles: Record<string, ThrottleSettings>) => ({ name: 'gold', methodThrottles });

describe('plan-method-throttle', () => {
  it('accepts overrides that name declared routes, method case aside', () => {
    expect(checkPlanMethodThrottle([plan({ 'get /users/{id}': limit, 'ANY /orders': limit })], t)).toEqual([]);
  });

  it('reports an override for a route the API does not have', () => {
    const findings = checkPlanMethodThrottle([plan({ 'GET /orders': limit, 'GET /users/{userId}': limit })], t);
    expect(findings.map((f) => f.route)).toEqual(['GET /orders', 'GET /users/{userId}']);
    expect(findings[0]).toMatchObject({ ruleId: 'plan-method-throttle', level: 'error' });
    expect(findings[0].message).toContain(
      'Usage plan "gold": method throttle for "GET /orders" names a route the API does not have',
    );
  });

  it('reports a key that is not a route key', () => {
    const findings = checkPlanMethodThrottle([plan({ '/users/GET': limit })], t);
    expect(findings[0].message).toContain('method throttle key "/users/GET" is not a route key');
  });

  it('reports more than 20 overrides', () => {
    const many = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`GET /r${i}`, limit]));
    const routes = table(Object.keys(many));
    expect(checkPlanMethodThrottle([plan(Object.fromEntries(Object.entries(many).slice(0, 20)))], routes)).toEqual([]);
    const findings = checkPlanMethodThrottle([plan(many)], routes);
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain(
      'Usage plan "gold" has 21 method throttles; API Gateway allows at most 20 per stage in a usage plan',
    );
  });
});
