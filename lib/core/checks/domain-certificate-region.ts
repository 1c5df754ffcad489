import type { DomainSpec } from '../domain-spec';
import type { Finding } from './finding';
import { type CheckRule, finding } from './rule';

export const domainCertificateRegion: CheckRule = {
  ruleId: 'domain-certificate-region',
  level: 'error',
  description:
    "An edge-optimized domain whose ACM certificate is not in us-east-1, or a Regional one whose certificate is not in the stack's region.",
};

/**
 * AWS docs: "Set up an edge-optimized custom domain name" (the certificate must be in us-east-1) and "Set up a
 * Regional custom domain name" (the certificate must be in the API's Region). Skipped when a region is a token.
 */
export function checkDomainCertificateRegion(domain: DomainSpec): Finding[] {
  const region = domain.certificateRegion;
  if (region === undefined) return [];
  const expected = domain.endpointType === 'EDGE' ? 'us-east-1' : domain.stackRegion;
  if (expected === undefined || region === expected) return [];
  const why =
    domain.endpointType === 'EDGE'
      ? 'an edge-optimized domain needs its certificate in us-east-1 (CloudFront reads it there)'
      : `a Regional domain needs its certificate in the stack's region, ${expected}`;
  return [
    finding(
      domainCertificateRegion,
      `Custom domain "${domain.domainName}": the certificate is in ${region}, but ${why}. Request or import the ` +
        `certificate in ${expected} and pass that ARN.`,
    ),
  ];
}
