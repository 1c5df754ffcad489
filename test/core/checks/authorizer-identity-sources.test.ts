import { checkAuthorizerIdentitySources } from '../../../lib/core/checks/authorizer-identity-sources';
import { authorizer, table } from './support';

const check = (...authorizers: ReturnType<typeof authorizer>[]) =>
  checkAuthorizerIdentitySources(table([], { authorizers }));

describe('authorizer-identity-sources', () => {
  it('accepts a TOKEN authorizer on one header and REQUEST authorizers on any documented source', () => {
    const request = authorizer('req', {
      type: 'REQUEST',
      identitySources: [
        'method.request.header.X-Tenant',
        'method.request.querystring.token',
        'stageVariables.env',
        'context.sourceIp',
      ],
    });
    const uncached = authorizer('open', { type: 'REQUEST', identitySources: [], resultTtlSeconds: 0 });
    expect(check(authorizer('token'), request, uncached)).toEqual([]);
  });

  it('reports a caching REQUEST authorizer without identity sources', () => {
    const findings = check(authorizer('req', { type: 'REQUEST', identitySources: [], resultTtlSeconds: 300 }));
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'authorizer-identity-sources', level: 'error' })]);
    expect(findings[0].message).toContain(
      'Authorizer "req": a REQUEST authorizer that caches results (resultTtlSeconds 300) needs at least one identity source',
    );
    expect(findings[0].message).toContain('or set resultTtlSeconds to 0');
  });

  it('reports a TOKEN authorizer without exactly one header source', () => {
    const findings = check(
      authorizer('two', { identitySources: ['method.request.header.A', 'method.request.header.B'] }),
      authorizer('query', { identitySources: ['method.request.querystring.token'] }),
      authorizer('none', { identitySources: [] }),
    );
    expect(findings.map((f) => f.message.slice(0, f.message.indexOf(':')))).toEqual([
      'Authorizer "two"',
      'Authorizer "query"',
      'Authorizer "none"',
    ]);
    expect(findings[1].message).toContain(
      'a TOKEN authorizer reads its token from exactly one request header, but identitySources is ["method.request.querystring.token"]',
    );
  });

  it('reports a path parameter used as a REQUEST identity source', () => {
    const findings = check(authorizer('req', { type: 'REQUEST', identitySources: ['method.request.path.id'] }));
    expect(findings[0].message).toContain('identity source "method.request.path.id" is not one API Gateway accepts');
    expect(findings[0].message).toContain('path parameters cannot be identity sources');
  });
});
