import { checkUnknownAuthorizer } from '../../../lib/core/checks/unknown-authorizer';
import { authorizer, route, table } from './support';

describe('unknown-authorizer', () => {
  it('accepts routes that use declared authorizers', () => {
    const t = table([route('GET /users', { authorization: { kind: 'authorizer', authorizer: 'jwt' } })], {
      authorizers: [authorizer('jwt')],
    });
    expect(checkUnknownAuthorizer(t)).toEqual([]);
  });

  it('reports a route naming an undeclared authorizer', () => {
    const t = table([route('GET /users', { authorization: { kind: 'authorizer', authorizer: 'jwtt' } })], {
      authorizers: [authorizer('jwt')],
    });
    const findings = checkUnknownAuthorizer(t);
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'unknown-authorizer', route: 'GET /users' })]);
    expect(findings[0].message).toContain('uses authorizer "jwtt", which the API does not declare (declared: "jwt")');
    expect(findings[0].message).toContain('Invalid authorizer ID specified.');
  });
});
