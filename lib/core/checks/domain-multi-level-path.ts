import { type DomainSpec, isMultiLevel } from '../domain-spec';
import type { Finding } from './finding';
import { type CheckRule, finding } from './rule';

export const domainMultiLevelPath: CheckRule = {
  ruleId: 'domain-multi-level-path',
  level: 'error',
  description: 'A multi-level base path (`orders/v1`) on an edge-optimized domain or one with the TLS_1_0 policy.',
};

/**
 * AWS docs: "API mappings for custom domain names": multi-level base paths need a Regional custom domain with a
 * TLS 1.2 (or enhanced) security policy; API Gateway refuses the mapping at deploy time otherwise.
 */
export function checkDomainMultiLevelPath(domain: DomainSpec): Finding[] {
  const multi = domain.mappings.filter((mapping) => isMultiLevel(mapping.basePath));
  if (multi.length === 0) return [];
  const problems: string[] = [];
  if (domain.endpointType !== 'REGIONAL') problems.push('an edge-optimized endpoint (needs REGIONAL)');
  if (domain.securityPolicy === 'TLS_1_0') problems.push('the TLS_1_0 security policy (needs TLS_1_2)');
  if (problems.length === 0) return [];
  const paths = multi.map((mapping) => `"${mapping.basePath}"`).join(', ');
  return [
    finding(
      domainMultiLevelPath,
      `Custom domain "${domain.domainName}": multi-level base path ${paths} needs a Regional domain with a TLS 1.2 ` +
        `security policy, but the domain has ${problems.join(' and ')}. Set endpointType: 'REGIONAL' and ` +
        "securityPolicy: 'TLS_1_2', or use single-level base paths such as 'orders-v1'.",
    ),
  ];
}
