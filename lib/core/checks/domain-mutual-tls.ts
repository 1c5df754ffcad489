import type { DomainSpec } from '../domain-spec';
import type { Finding } from './finding';
import { type CheckRule, finding } from './rule';

export const domainMutualTls: CheckRule = {
  ruleId: 'domain-mutual-tls',
  level: 'error',
  description:
    'Mutual TLS on an edge-optimized domain or with an enhanced (`SecurityPolicy_…`) security policy; an HTTP API mapped to a domain whose policy is not TLS_1_2.',
};

/**
 * AWS docs: "How to turn on mutual TLS authentication for your REST APIs" (a Regional domain), "Choose a security
 * policy for your custom domain in API Gateway" (no mutual TLS with an enhanced policy; HTTP APIs support only
 * TLS_1_2 and cannot be mapped to a domain with an enhanced policy).
 */
export function checkDomainMutualTls(domain: DomainSpec): Finding[] {
  const findings: Finding[] = [];
  const enhanced = domain.securityPolicy.startsWith('SecurityPolicy_');
  if (domain.mutualTls && (domain.endpointType !== 'REGIONAL' || enhanced)) {
    findings.push(
      finding(
        domainMutualTls,
        `Custom domain "${domain.domainName}": mutual TLS needs a Regional domain with the TLS_1_2 (or TLS_1_0) ` +
          `policy; this one is ${domain.endpointType} with ${domain.securityPolicy}. Change the endpoint type or ` +
          'the policy, or drop mutualTls.',
      ),
    );
  }
  const http = domain.mappings.filter((mapping) => mapping.flavor === 'http');
  if (http.length > 0 && (domain.securityPolicy !== 'TLS_1_2' || domain.endpointType !== 'REGIONAL')) {
    findings.push(
      finding(
        domainMutualTls,
        `Custom domain "${domain.domainName}": HTTP APIs (${http.map((m) => m.target).join(', ')}) can only be ` +
          `mapped to a Regional domain with the TLS_1_2 policy; this one is ${domain.endpointType} with ` +
          `${domain.securityPolicy}. Use securityPolicy: 'TLS_1_2' and endpointType: 'REGIONAL'.`,
      ),
    );
  }
  return findings;
}
