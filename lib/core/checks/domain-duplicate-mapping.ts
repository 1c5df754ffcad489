import type { DomainSpec } from '../domain-spec';
import type { Finding } from './finding';
import { type CheckRule, finding } from './rule';

export const domainDuplicateMapping: CheckRule = {
  ruleId: 'domain-duplicate-mapping',
  level: 'error',
  description: 'Two API mappings with the same base path on one custom domain (`(none)` twice included).',
};

/** AWS docs: "API mappings for custom domain names": one mapping per base path; the second fails at deploy (409). */
export function checkDomainDuplicateMapping(domain: DomainSpec): Finding[] {
  const seen = new Map<string, string>();
  const findings: Finding[] = [];
  for (const mapping of domain.mappings) {
    const key = mapping.basePath.toLowerCase() === '(none)' ? '(none)' : mapping.basePath;
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, mapping.target);
      continue;
    }
    findings.push(
      finding(
        domainDuplicateMapping,
        `Custom domain "${domain.domainName}": base path "${mapping.basePath}" is mapped twice (${first} and ` +
          `${mapping.target}). Give one of them another base path.`,
      ),
    );
  }
  return findings;
}
