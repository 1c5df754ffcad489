import { checkStageThrottle } from '../../../lib/core/checks/stage-throttle';

describe('stage-throttle', () => {
  it('accepts a valid throttle and no throttle', () => {
    const stages = [
      { name: 'v1', throttle: { rateLimit: 100, burstLimit: 200 }, variables: {} },
      { name: 'v2', variables: {} },
    ];
    expect(checkStageThrottle(stages)).toEqual([]);
  });

  it('reports a burst below the rate, naming the stage', () => {
    const findings = checkStageThrottle([{ name: 'v1', throttle: { rateLimit: 100, burstLimit: 50 }, variables: {} }]);
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'stage-throttle', level: 'error' })]);
    expect(findings[0].message).toContain('Stage "v1": throttle burstLimit 50 is below rateLimit 100');
  });
});
