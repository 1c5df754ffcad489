import { checkDomainDuplicateMapping } from '../../../lib/core/checks/domain-duplicate-mapping';
import { domain } from './domain-support';

describe('domain-duplicate-mapping', () => {
  it('accepts distinct base paths, including a path that prefixes another', () => {
    expect(
      checkDomainDuplicateMapping(
        domain({}, [{ basePath: '(none)' }, { basePath: 'orders' }, { basePath: 'orders/v1' }]),
      ),
    ).toEqual([]);
  });

  it('rejects the same base path twice, naming both targets', () => {
    const findings = checkDomainDuplicateMapping(
      domain({}, [
        { basePath: '(none)', target: 'v2' },
        { basePath: 'v1', target: 'v1' },
        { basePath: '(none)', target: 'Orders' },
      ]),
    );
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'domain-duplicate-mapping', level: 'error' })]);
    expect(findings[0].message).toContain('base path "(none)" is mapped twice (v2 and Orders)');
  });
});
