import { checkStageVariable } from '../../../lib/core/checks/stage-variable';

const stage = (variables: Record<string, string>) => ({ name: 'v1', variables });

describe('stage-variable', () => {
  it('accepts documented names and values, and skips CDK tokens', () => {
    const variables = {
      lambdaAlias: 'live',
      backend_url: 'https://example.com/a?b=c&d=e#f,g~h',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a CDK token as it renders at synth time
      functionArn: 'arn:aws:lambda:us-east-1:${Token[AWS.AccountId.7]}:function:users',
    };
    expect(checkStageVariable([stage(variables)])).toEqual([]);
  });

  it('reports a bad name and a bad value, naming stage and variable', () => {
    const findings = checkStageVariable([stage({ 'lambda-alias': 'live', note: 'two words' })]);
    expect(findings.every((f) => f.ruleId === 'stage-variable' && f.level === 'error')).toBe(true);
    expect(findings.map((f) => f.message)).toEqual([
      'Stage "v1": stage variable "lambda-alias": a name is 1 to 64 characters of A-Z a-z 0-9 _. Rename it, e.g. "lambda_alias".',
      expect.stringContaining('Stage "v1": stage variable "note": the value "two words" must be 1 to 512 characters'),
    ]);
  });

  it('reports more than 100 variables', () => {
    const variables = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`v${i}`, 'x']));
    expect(checkStageVariable([stage(variables)]).map((f) => f.message)).toEqual([
      expect.stringContaining('Stage "v1" has 101 stage variables; API Gateway allows at most 100 per stage.'),
    ]);
  });
});
