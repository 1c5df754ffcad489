import type { StageSpec } from '../usage-plan-spec';
import type { Finding } from './finding';
import { type CheckRule, finding } from './rule';
import { throttleProblems } from './throttle-problems';

export const stageThrottle: CheckRule = {
  ruleId: 'stage-throttle',
  level: 'error',
  description: 'A stage throttle with a negative rate or burst, a fractional burst, or a burst below the rate.',
};

export function checkStageThrottle(stages: readonly StageSpec[]): Finding[] {
  return stages.flatMap((stage) =>
    stage.throttle
      ? throttleProblems(stage.throttle).map((p) => finding(stageThrottle, `Stage "${stage.name}": throttle ${p}`))
      : [],
  );
}
