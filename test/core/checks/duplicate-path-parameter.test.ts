import { checkDuplicatePathParameters } from '../../../lib/core/checks/duplicate-path-parameter';
import { parseRouteKey } from '../../../lib/core/route-key';

describe('duplicate-path-parameter', () => {
  it('accepts distinct names, and one name in different routes', () => {
    expect(
      checkDuplicatePathParameters([parseRouteKey('GET /a/{id}/b/{bId}'), parseRouteKey('GET /c/{id}/{proxy+}')]),
    ).toEqual([]);
  });

  it('reports a name used twice in one path, greedy included, naming the route', () => {
    const findings = checkDuplicatePathParameters([
      parseRouteKey('GET /a/{id}/b/{id}'),
      parseRouteKey('ANY /x/{p}/{p+}'),
    ]);
    expect(findings.map((f) => [f.ruleId, f.route])).toEqual([
      ['duplicate-path-parameter', 'GET /a/{id}/b/{id}'],
      ['duplicate-path-parameter', 'ANY /x/{p}/{p+}'],
    ]);
    expect(findings[0].message).toContain('names path parameter {id} twice');
  });
});
