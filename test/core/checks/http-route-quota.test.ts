import { checkHttpRouteQuota } from '../../../lib/core/checks/http-route-quota';
import { httpTable } from './http-support';

const routes = (count: number) => Array.from({ length: count }, (_, i) => `GET /r${i}`);

describe('http-route-quota', () => {
  it('accepts 300 routes', () => {
    expect(checkHttpRouteQuota(httpTable(routes(300)))).toEqual([]);
  });

  it('warns above 300 routes, naming the count and the quota to raise', () => {
    const findings = checkHttpRouteQuota(httpTable(routes(301)));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'http-route-quota', level: 'warning' });
    expect(findings[0].message).toContain('The HTTP API has 301 routes');
    expect(findings[0].message).toContain('"Routes per API"');
  });
});
