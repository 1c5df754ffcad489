import { checkRouteKeys } from '../../../lib/core/checks/route-key-syntax';

describe('route-key-syntax', () => {
  it('accepts valid route keys', () => {
    expect(checkRouteKeys(['GET /users/{id}', 'ANY /{proxy+}', 'post /orders', 'GET /'])).toEqual([]);
  });

  it('reports every invalid key at once, naming each', () => {
    const findings = checkRouteKeys([
      'FETCH /users',
      'GET /users/',
      'GET /a/{proxy+}/b',
      'GET /users/{id}',
      'GET /a b',
    ]);
    expect(findings.map((f) => f.route)).toEqual(['FETCH /users', 'GET /users/', 'GET /a/{proxy+}/b', 'GET /a b']);
    expect(findings.every((f) => f.ruleId === 'route-key-syntax' && f.level === 'error')).toBe(true);
    expect(findings[0].message).toContain('method "FETCH" is not one of GET, POST');
    expect(findings[1].message).toContain('must not end with "/": write "/users"');
    expect(findings[2].message).toContain('nothing may follow the greedy variable {proxy+}');
  });
});
