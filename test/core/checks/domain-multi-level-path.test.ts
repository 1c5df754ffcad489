import { checkDomainMultiLevelPath } from '../../../lib/core/checks/domain-multi-level-path';
import { domain } from './domain-support';

describe('domain-multi-level-path', () => {
  it('accepts multi-level paths on a Regional TLS_1_2 domain, and single-level paths anywhere', () => {
    expect(checkDomainMultiLevelPath(domain({}, [{ basePath: 'orders/v1' }]))).toEqual([]);
    expect(
      checkDomainMultiLevelPath(domain({ endpointType: 'EDGE', securityPolicy: 'TLS_1_0' }, [{ basePath: 'v1' }])),
    ).toEqual([]);
  });

  it('rejects a multi-level path on an edge-optimized or TLS_1_0 domain', () => {
    const [edge] = checkDomainMultiLevelPath(domain({ endpointType: 'EDGE' }, [{ basePath: 'orders/v1' }]));
    expect(edge.message).toContain('multi-level base path "orders/v1" needs a Regional domain');
    expect(edge.message).toContain('edge-optimized endpoint');
    const [legacy] = checkDomainMultiLevelPath(domain({ securityPolicy: 'TLS_1_0' }, [{ basePath: 'orders/v1' }]));
    expect(legacy.message).toContain('TLS_1_0 security policy');
  });
});
