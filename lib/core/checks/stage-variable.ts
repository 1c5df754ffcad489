import {
  MAX_STAGE_VARIABLE_NAME_LENGTH,
  MAX_STAGE_VARIABLE_VALUE_LENGTH,
  MAX_STAGE_VARIABLES,
  type StageSpec,
} from '../usage-plan-spec';
import type { Finding } from './finding';
import { type CheckRule, finding, isToken } from './rule';

export const stageVariable: CheckRule = {
  ruleId: 'stage-variable',
  level: 'error',
  description: `A stage variable name or value API Gateway rejects, or more than ${MAX_STAGE_VARIABLES} variables on a stage.`,
};

/** AWS API Reference "CreateStage" (`variables`) and AWS docs: "Amazon API Gateway quotas". */
const VARIABLE_NAME = /^[A-Za-z0-9_]+$/;
const VARIABLE_VALUE = /^[A-Za-z0-9\-._~:/?#&=,]+$/;

export function checkStageVariable(stages: readonly StageSpec[]): Finding[] {
  const findings: Finding[] = [];
  for (const stage of stages) {
    const entries = Object.entries(stage.variables);
    if (entries.length > MAX_STAGE_VARIABLES) {
      findings.push(
        finding(
          stageVariable,
          `Stage "${stage.name}" has ${entries.length} stage variables; API Gateway allows at most ` +
            `${MAX_STAGE_VARIABLES} per stage. Move configuration into the functions' environment instead.`,
        ),
      );
    }
    for (const [name, value] of entries) {
      const where = `Stage "${stage.name}": stage variable "${name}"`;
      if (!VARIABLE_NAME.test(name) || name.length > MAX_STAGE_VARIABLE_NAME_LENGTH) {
        findings.push(
          finding(
            stageVariable,
            `${where}: a name is 1 to ${MAX_STAGE_VARIABLE_NAME_LENGTH} characters of A-Z a-z 0-9 _. ` +
              `Rename it, e.g. "${name.replace(/[^A-Za-z0-9_]/g, '_').slice(0, MAX_STAGE_VARIABLE_NAME_LENGTH) || 'name'}".`,
          ),
        );
      }
      if (isToken(value)) continue;
      if (!VARIABLE_VALUE.test(value) || value.length > MAX_STAGE_VARIABLE_VALUE_LENGTH) {
        findings.push(
          finding(
            stageVariable,
            `${where}: the value "${value}" must be 1 to ${MAX_STAGE_VARIABLE_VALUE_LENGTH} characters of ` +
              'A-Z a-z 0-9 - . _ ~ : / ? # & = , (no spaces). Encode other characters, or pass the value another way.',
          ),
        );
      }
    }
  }
  return findings;
}
