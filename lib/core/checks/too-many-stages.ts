import { MAX_STAGES_PER_API, type StageSpec } from '../usage-plan-spec';
import type { Finding } from './finding';
import { type CheckRule, finding } from './rule';

export const tooManyStages: CheckRule = {
  ruleId: 'too-many-stages',
  level: 'warning',
  description: `More than ${MAX_STAGES_PER_API} stages on one API, API Gateway's default per-API quota.`,
};

/** A warning, not an error: "Stages per API" can be raised in Service Quotas (AWS docs: "Amazon API Gateway quotas"). */
export function checkTooManyStages(stages: readonly StageSpec[]): Finding[] {
  if (stages.length <= MAX_STAGES_PER_API) return [];
  return [
    finding(
      tooManyStages,
      `The API declares ${stages.length} stages, above API Gateway's default quota of ${MAX_STAGES_PER_API} per API: the ` +
        'deployment will fail unless the quota is raised. Request an increase in Service Quotas (Amazon API Gateway, ' +
        '"Stages per API") for this API before deploying, or retire old versions, or serve them from a second API ' +
        'behind the same custom domain (one API mapping per version).',
    ),
  ];
}
