import type { DomainSpec } from '../domain-spec';
import { NONE_BASE_PATH } from '../domain-spec';
import type { Finding } from './finding';
import { type CheckRule, finding, isToken } from './rule';

export const domainBasePath: CheckRule = {
  ruleId: 'domain-base-path',
  level: 'error',
  description:
    "A custom domain base path with characters other than A-Z a-z 0-9 $ - _ . + ! * ' ( ) /, an empty part, or more than 300 characters.",
};

/** AWS docs: "API mappings for custom domain names" (`$-_.+!*'()/` besides letters and digits, at most 300). */
const CHARACTERS = /^[A-Za-z0-9$\-_.+!*'()/]+$/;
const MAX_LENGTH = 300;

export function checkDomainBasePath(domain: DomainSpec): Finding[] {
  const findings: Finding[] = [];
  for (const mapping of domain.mappings) {
    const path = mapping.basePath;
    if (path === NONE_BASE_PATH || isToken(path)) continue;
    const problem = !CHARACTERS.test(path)
      ? "may use only A-Z a-z 0-9 $ - _ . + ! * ' ( ) and / between parts"
      : path.length > MAX_LENGTH
        ? `is ${path.length} characters long; API Gateway allows at most ${MAX_LENGTH}`
        : path.split('/').some((part) => part === '')
          ? 'has an empty part (a leading, trailing or double /)'
          : undefined;
    if (problem) {
      findings.push(
        finding(
          domainBasePath,
          `Custom domain "${domain.domainName}": base path "${path}" of ${mapping.target} ${problem}. ` +
            "Write it like 'v1' or 'orders/v1', or use '(none)' for the domain root.",
        ),
      );
    }
  }
  return findings;
}
