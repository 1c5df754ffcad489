import { MAX_STAGE_NAME_LENGTH, type StageSpec } from '../usage-plan-spec';
import type { Finding } from './finding';
import { type CheckRule, finding } from './rule';

export const stageName: CheckRule = {
  ruleId: 'stage-name',
  level: 'error',
  description: `A stage name that is empty, longer than ${MAX_STAGE_NAME_LENGTH} characters, uses characters outside [A-Za-z0-9_-], or is repeated.`,
};

const STAGE_NAME = /^[A-Za-z0-9_-]+$/;
/** HTTP APIs' stage served at the URL root (AWS docs: "Stages for HTTP APIs"); REST APIs have no such stage. */
const HTTP_DEFAULT_STAGE = '$default';

export interface StageCheckOptions {
  /**
   * The stages belong to an HTTP API, which may have a `$default` stage.
   * @default false - REST API
   */
  readonly httpApi?: boolean;
}

export function checkStageName(stages: readonly StageSpec[], options: StageCheckOptions = {}): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const { name } of stages) {
    if (seen.has(name)) {
      findings.push(finding(stageName, `Stage "${name}" is declared twice; stage names must be unique within an API.`));
    }
    seen.add(name);
    if (options.httpApi && name === HTTP_DEFAULT_STAGE) continue;
    const problem = nameProblem(name);
    if (problem) {
      findings.push(
        finding(
          stageName,
          `Stage "${name}": ${problem}; a stage name is 1 to ${MAX_STAGE_NAME_LENGTH} characters of A-Z a-z 0-9 _ -. ` +
            'Rename the stage, e.g. "v1" or "prod".',
        ),
      );
    }
  }
  return findings;
}

function nameProblem(name: string): string | undefined {
  if (name === '') return 'the name is empty';
  if (!STAGE_NAME.test(name)) {
    const bad = [...new Set(name.replace(/[A-Za-z0-9_-]/g, ''))].map((c) => `"${c}"`).join(' ');
    return `the name contains ${bad}`;
  }
  if (name.length > MAX_STAGE_NAME_LENGTH) return `the name has ${name.length} characters`;
  return undefined;
}
