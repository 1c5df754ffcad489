import { checkDomainMutualTls } from '../../../lib/core/checks/domain-mutual-tls';
import { domain } from './domain-support';

describe('domain-mutual-tls', () => {
  it('accepts mutual TLS and HTTP APIs on a Regional TLS_1_2 domain', () => {
    expect(checkDomainMutualTls(domain({ mutualTls: true }, [{ flavor: 'http' }]))).toEqual([]);
  });

  it('rejects mutual TLS with an enhanced policy or on an edge domain', () => {
    const [enhanced] = checkDomainMutualTls(
      domain({ mutualTls: true, securityPolicy: 'SecurityPolicy_TLS13_1_3_2025_09' }),
    );
    expect(enhanced.message).toContain('mutual TLS needs a Regional domain with the TLS_1_2');
    expect(checkDomainMutualTls(domain({ mutualTls: true, endpointType: 'EDGE' }))).toHaveLength(1);
  });

  it('rejects an HTTP API on a domain whose policy is not TLS_1_2', () => {
    const [finding] = checkDomainMutualTls(
      domain({ securityPolicy: 'TLS_1_0' }, [{ flavor: 'http', target: 'Http $default' }]),
    );
    expect(finding.message).toContain(
      'HTTP APIs (Http $default) can only be mapped to a Regional domain with the TLS_1_2 policy',
    );
  });
});
