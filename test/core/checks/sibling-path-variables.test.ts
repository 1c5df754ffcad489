import { checkSiblingPathVariables } from '../../../lib/core/checks/sibling-path-variables';
import { table } from './support';

describe('sibling-path-variables', () => {
  it('accepts one variable name per level and literal siblings beside a variable', () => {
    const routes = ['GET /users/{id}', 'GET /users/{id}/orders', 'GET /users/me', 'GET /{proxy+}', 'GET /users'];
    expect(checkSiblingPathVariables(table(routes))).toEqual([]);
  });

  it('names both routes and quotes AWS when two variable names share a parent', () => {
    const findings = checkSiblingPathVariables(table(['GET /users/{id}', 'DELETE /users/{userId}/x']));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'sibling-path-variables',
      level: 'error',
      route: 'DELETE /users/{userId}/x',
    });
    expect(findings[0].message).toContain('Routes "GET /users/{id}" and "DELETE /users/{userId}/x"');
    expect(findings[0].message).toContain(
      'A sibling ({id}) of this resource already has a variable path part -- only one is allowed',
    );
    expect(findings[0].message).toContain('under "/users"');
  });

  it('reports a variable beside a greedy variable', () => {
    const findings = checkSiblingPathVariables(table(['ANY /{proxy+}', 'GET /{id}']));
    expect(findings.map((f) => f.message)).toEqual([expect.stringContaining('A sibling ({proxy+}) of this resource')]);
  });
});
