import { checkStageName } from '../../../lib/core/checks/stage-name';

const stage = (name: string) => ({ name, variables: {} });

describe('stage-name', () => {
  it('accepts letters, digits, _ and - up to 128 characters', () => {
    expect(checkStageName([stage('v1'), stage('prod_eu-1'), stage('s'.repeat(128))])).toEqual([]);
  });

  it('reports bad characters, an empty name and a name over 128 characters', () => {
    const findings = checkStageName([stage('v1.0 beta'), stage(''), stage('s'.repeat(129))]);
    expect(findings.every((f) => f.ruleId === 'stage-name' && f.level === 'error')).toBe(true);
    expect(findings.map((f) => f.message)).toEqual([
      'Stage "v1.0 beta": the name contains "." " "; a stage name is 1 to 128 characters of A-Z a-z 0-9 _ -. ' +
        'Rename the stage, e.g. "v1" or "prod".',
      expect.stringContaining('Stage "": the name is empty'),
      expect.stringContaining('the name has 129 characters'),
    ]);
  });

  it('reports a repeated name', () => {
    expect(checkStageName([stage('v1'), stage('v1')]).map((f) => f.message)).toEqual([
      'Stage "v1" is declared twice; stage names must be unique within an API.',
    ]);
  });

  it('accepts $default only for an HTTP API', () => {
    expect(checkStageName([stage('$default')], { httpApi: true })).toEqual([]);
    expect(checkStageName([stage('$default')])).toHaveLength(1);
  });
});
