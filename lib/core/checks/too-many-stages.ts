import { MAX_STAGES_PER_API, type StageSpec } from '../usage-plan-spec';
import type { Finding } from './finding';
import { type CheckRule, finding } from './rule';

export const tooManyStages: CheckRule = {
  ruleId: 'too-many-stages',
  level: 'error',
  description: `More than ${MAX_STAGES_PER_API} stages on one API (AWS quota).`,
};

export function checkTooManyStages(stages: readonly StageSpec[]): Finding[] {
  if (stages.length <= MAX_STAGES_PER_API) return [];
  return [
    finding(
      tooManyStages,
      `The API declares ${stages.length} stages; API Gateway allows at most ${MAX_STAGES_PER_API} per API. Retire old ` +
        'versions, or serve them from a second API behind the same custom domain (one API mapping per version).',
    ),
  ];
}
