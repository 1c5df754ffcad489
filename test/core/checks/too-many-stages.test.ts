import { checkTooManyStages } from '../../../lib/core/checks/too-many-stages';

const stages = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `v${i}`, variables: {} }));

describe('too-many-stages', () => {
  it('accepts 10 stages', () => {
    expect(checkTooManyStages(stages(10))).toEqual([]);
  });

  it('reports 11 stages', () => {
    const findings = checkTooManyStages(stages(11));
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'too-many-stages', level: 'error' })]);
    expect(findings[0].message).toContain('The API declares 11 stages; API Gateway allows at most 10 per API.');
  });
});
