import { checkHttpRouteThrottles } from '../../../lib/core/checks/http-route-throttle';
import { httpTable } from './http-support';

describe('http-route-throttle', () => {
  const table = httpTable(['GET /users', 'POST /orders', '$default']);

  it('accepts sound throttles on declared routes, $default included', () => {
    expect(
      checkHttpRouteThrottles(
        { 'POST /orders': { rateLimit: 1.5, burstLimit: 2 }, $default: { rateLimit: 10, burstLimit: 10 } },
        table,
      ),
    ).toEqual([]);
  });

  it('rejects a throttle on an undeclared route and a burst below the rate', () => {
    const findings = checkHttpRouteThrottles(
      { 'GET /orders': { rateLimit: 1, burstLimit: 1 }, 'GET /users': { rateLimit: 10, burstLimit: 5 } },
      table,
    );
    expect(findings.map((f) => f.route)).toEqual(['GET /orders', 'GET /users']);
    expect(findings[0].message).toContain('Route throttle "GET /orders" names no route of the HTTP API');
    expect(findings[0].message).toContain('"GET /users", "POST /orders", "$default"');
    expect(findings[1].message).toContain('Route throttle "GET /users": burstLimit 5 is below rateLimit 10');
  });
});
