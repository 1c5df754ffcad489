import { checkApiKeyValue } from '../../../lib/core/checks/api-key-value';

const value = (n: number, c = 'k') => c.repeat(n);

describe('api-key-value', () => {
  it('accepts 20..128 characters, a generated value and a CDK token', () => {
    const keys = [
      { name: 'a', value: value(20), plan: 'gold' },
      { name: 'b', value: value(128, 'm'), plan: 'gold' },
      { name: 'c', plan: 'gold' },
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a CDK token as it renders at synth time
      { name: 'd', value: '${Token[TOKEN.12]}', plan: 'gold' },
    ];
    expect(checkApiKeyValue(keys)).toEqual([]);
  });

  it("reports a value too short or too long with AWS's text, without echoing it", () => {
    const findings = checkApiKeyValue([
      { name: 'short', value: 'secret-value', plan: 'gold' },
      { name: 'long', value: value(129), plan: 'gold' },
    ]);
    expect(findings.every((f) => f.ruleId === 'api-key-value' && f.level === 'error')).toBe(true);
    expect(findings[0].message).toContain(
      'API key "short": its value has 12 characters: API Key value should be at least 20 characters.',
    );
    expect(findings[0].message).not.toContain('secret-value');
    expect(findings[1].message).toContain('API Key value exceeds maximum size of 128 characters');
  });

  it('reports two keys with the same value', () => {
    const findings = checkApiKeyValue([
      { name: 'a', value: value(30), plan: 'gold' },
      { name: 'b', value: value(30), plan: 'silver' },
    ]);
    expect(findings.map((f) => f.message)).toEqual([
      expect.stringContaining('API key "b" has the same value as API key "a"'),
    ]);
  });
});
