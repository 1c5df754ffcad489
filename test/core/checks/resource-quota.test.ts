import { checkResourceQuota } from '../../../lib/core/checks/resource-quota';
import { table } from './support';

/** `/r{i}/x` is two resources each: `/r{i}` and `/r{i}/x`. */
const routes = (n: number) => Array.from({ length: n }, (_, i) => `GET /r${i}/x`);

describe('resource-quota', () => {
  it('stays quiet at 300 resources, counting path prefixes and not the root', () => {
    expect(checkResourceQuota(table([...routes(150), 'GET /', 'POST /r0/x']))).toEqual([]);
  });

  it('warns above 300 resources and says how to raise the quota', () => {
    const findings = checkResourceQuota(table(routes(151)));
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'resource-quota', level: 'warning' })]);
    expect(findings[0].message).toContain('The API has 302 REST resources');
    expect(findings[0].message).toContain('Service Quotas (Amazon API Gateway, "Resources per API")');
  });
});
