import { checkDomainBasePath } from '../../../lib/core/checks/domain-base-path';
import { domain } from './domain-support';

describe('domain-base-path', () => {
  it("accepts (none), single- and multi-level paths with AWS's characters", () => {
    const ok = domain({}, [{ basePath: '(none)' }, { basePath: 'v1' }, { basePath: "orders/v1.2_$-+!*'()" }]);
    expect(checkDomainBasePath(ok)).toEqual([]);
  });

  it('rejects other characters, empty parts and paths over 300 characters, naming the domain and target', () => {
    const findings = checkDomainBasePath(
      domain({}, [{ basePath: 'orders v1' }, { basePath: '/v1' }, { basePath: 'a//b' }, { basePath: 'x'.repeat(301) }]),
    );
    expect(findings.map((f) => f.ruleId)).toEqual(Array(4).fill('domain-base-path'));
    expect(findings[0].message).toContain(
      'Custom domain "api.example.com": base path "orders v1" of api0 may use only',
    );
    expect(findings[1].message).toContain('empty part');
    expect(findings[3].message).toContain('301 characters long');
  });
});
