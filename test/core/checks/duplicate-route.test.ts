import { checkDuplicateRoutes } from '../../../lib/core/checks/duplicate-route';
import { table } from './support';

describe('duplicate-route', () => {
  it('allows GET and ANY on one path', () => {
    expect(checkDuplicateRoutes(table(['GET /users', 'ANY /users', 'POST /users']))).toEqual([]);
  });

  it('reports the same method and path declared twice, ANY included', () => {
    const findings = checkDuplicateRoutes(table(['GET /users', 'ANY /x', 'get /users', 'ANY /x']));
    expect(findings).toEqual([
      expect.objectContaining({ ruleId: 'duplicate-route', level: 'error', route: 'GET /users' }),
      expect.objectContaining({ route: 'ANY /x' }),
    ]);
    expect(findings[0].message).toContain('Route "GET /users" is declared 2 times');
    expect(findings[0].message).toContain('Route with key GET /users already exists for this API');
  });
});
