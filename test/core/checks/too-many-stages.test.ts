import { checkTooManyStages } from '../../../lib/core/checks/too-many-stages';

const stages = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `v${i}`, variables: {} }));

describe('too-many-stages', () => {
  it('accepts 10 stages', () => {
    expect(checkTooManyStages(stages(10))).toEqual([]);
  });

  it('warns about 11 stages, naming the quota and how to raise it', () => {
    const findings = checkTooManyStages(stages(11));
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'too-many-stages', level: 'warning' })]);
    expect(findings[0].message).toContain(
      "The API declares 11 stages, above API Gateway's default quota of 10 per API",
    );
    expect(findings[0].message).toContain('Service Quotas (Amazon API Gateway, "Stages per API")');
  });
});
