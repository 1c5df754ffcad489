import { checkHttpConflictingVariables } from '../../../lib/core/checks/http-conflicting-variables';
import { httpTable } from './http-support';

describe('http-conflicting-variables', () => {
  it('accepts one variable name per level, literal siblings, and a variable beside a greedy variable', () => {
    const routes = ['GET /users/{id}', 'DELETE /users/{id}/orders', 'GET /users/me', 'ANY /users/{proxy+}', '$default'];
    expect(checkHttpConflictingVariables(httpTable(routes))).toEqual([]);
  });

  it("quotes AWS's conflict text, naming the new route and the one it conflicts with", () => {
    const findings = checkHttpConflictingVariables(
      httpTable([
        'GET /public/orgs/{orgId}/stages/{stageId}/questions',
        'GET /public/orgs/{orgId}/stages/{stage_id}/questions',
      ]),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'http-conflicting-variables',
      level: 'error',
      route: 'GET /public/orgs/{orgId}/stages/{stage_id}/questions',
    });
    expect(findings[0].message).toContain(
      'The provided route key "GET /public/orgs/{orgId}/stages/{stage_id}/questions" has a conflicting variable on ' +
        'the same hierarchical level as "GET /public/orgs/{orgId}/stages/{stageId}/questions"',
    );
  });

  it('reports conflicts across methods and between two greedy names, once per route at the highest level', () => {
    const findings = checkHttpConflictingVariables(
      httpTable(['GET /users/{id}', 'DELETE /users/{userId}/x/{a}', 'ANY /files/{path+}', 'GET /files/{rest+}']),
    );
    expect(findings.map((f) => f.route)).toEqual(['DELETE /users/{userId}/x/{a}', 'GET /files/{rest+}']);
    expect(findings[0].message).toContain('{userId} and {id} both follow "/users"');
  });
});
