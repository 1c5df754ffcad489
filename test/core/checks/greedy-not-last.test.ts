import { checkGreedyNotLast } from '../../../lib/core/checks/greedy-not-last';
import { table, unparsedRoute } from './support';

describe('greedy-not-last', () => {
  it('accepts literal siblings beside a greedy variable', () => {
    expect(checkGreedyNotLast(table(['ANY /a/{proxy+}', 'GET /a/b', 'GET /a/b/c']))).toEqual([]);
  });

  it("reports a route below another route's greedy variable, naming both", () => {
    const findings = checkGreedyNotLast(table(['ANY /a/{proxy+}', unparsedRoute('GET', '/a/{proxy+}/b')]));
    expect(findings).toEqual([
      expect.objectContaining({ ruleId: 'greedy-not-last', level: 'error', route: 'GET /a/{proxy+}/b' }),
    ]);
    expect(findings[0].message).toContain('lies below the greedy variable of "ANY /a/{proxy+}"');
    expect(findings[0].message).toContain('Cannot create a child of a resource with a greedy path variable: {proxy+}');
  });
});
