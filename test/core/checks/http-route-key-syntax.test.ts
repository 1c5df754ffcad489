import { checkHttpRouteKeys } from '../../../lib/core/checks/http-route-key-syntax';

describe('http-route-key-syntax', () => {
  it('accepts $default and keys API Gateway accepts for HTTP APIs', () => {
    expect(
      checkHttpRouteKeys([
        '$default',
        'GET /',
        'GET /users/{id}',
        'ANY /{proxy+}',
        'post /a.b/c:d/e_f-g',
        'GET /v/{a.b:c-d}',
      ]),
    ).toEqual([]);
  });

  it("quotes AWS's path part pattern for a variable that is not a whole part", () => {
    const findings = checkHttpRouteKeys(['GET /e{id}', 'GET /users/{id}']);
    expect(findings.map((f) => f.route)).toEqual(['GET /e{id}']);
    expect(findings[0]).toMatchObject({ ruleId: 'http-route-key-syntax', level: 'error' });
    expect(findings[0].message).toContain(
      'One or more path parts appear to be invalid. Parts are validated against this regular expression: ' +
        '^(\\{[\\w.:-]+\\+?\\}|[a-zA-Z0-9.:_-]+)$ (invalid: "e{id}")',
    );
  });

  it('reports a trailing slash, a greedy variable that is not last, an empty part and an unknown method, each naming the key', () => {
    const findings = checkHttpRouteKeys(['GET /metrics/', 'GET /{proxy+}/x', 'GET /a//b', 'FETCH /a', 'users']);
    expect(findings.map((f) => f.route)).toEqual([
      'GET /metrics/',
      'GET /{proxy+}/x',
      'GET /a//b',
      'FETCH /a',
      'users',
    ]);
    expect(findings[0].message).toContain('must not end with "/"');
    expect(findings[0].message).toContain('Write "/metrics"');
    expect(findings[1].message).toContain('nothing may follow the greedy variable {proxy+}');
    expect(findings[2].message).toContain('empty part');
    expect(findings[3].message).toContain('method "FETCH" is not one of');
    expect(findings[4].message).toContain('"<METHOD> /path"');
  });

  it('answers an empty key with AWS\'s "Route key is required"', () => {
    expect(checkHttpRouteKeys([''])[0].message).toContain('Route key is required');
  });
});
