import { checkDomainCertificateRegion } from '../../../lib/core/checks/domain-certificate-region';
import { certificateRegionOf } from '../../../lib/core/domain-spec';
import { domain } from './domain-support';

describe('domain-certificate-region', () => {
  it("accepts a Regional certificate in the stack's region, an edge one in us-east-1, and unknown regions", () => {
    expect(checkDomainCertificateRegion(domain())).toEqual([]);
    expect(checkDomainCertificateRegion(domain({ endpointType: 'EDGE', certificateRegion: 'us-east-1' }))).toEqual([]);
    expect(checkDomainCertificateRegion(domain({ stackRegion: undefined, certificateRegion: 'us-west-2' }))).toEqual(
      [],
    );
  });

  it('rejects an edge certificate outside us-east-1 and a Regional one outside the stack region', () => {
    const [edge] = checkDomainCertificateRegion(domain({ endpointType: 'EDGE' }));
    expect(edge.message).toContain(
      'the certificate is in eu-west-1, but an edge-optimized domain needs its certificate in us-east-1',
    );
    const [regional] = checkDomainCertificateRegion(domain({ certificateRegion: 'us-east-1' }));
    expect(regional.message).toContain("needs its certificate in the stack's region, eu-west-1");
  });

  it('reads the region from an ACM ARN', () => {
    expect(certificateRegionOf('arn:aws:acm:eu-west-1:123456789012:certificate/abc')).toBe('eu-west-1');
    expect(certificateRegionOf('not-an-arn')).toBeUndefined();
  });
});
