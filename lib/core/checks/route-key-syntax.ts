import { parseRouteKey, RouteKeyError } from '../route-key';
import type { Finding } from './finding';
import { type CheckRule, finding } from './rule';

export const routeKeySyntax: CheckRule = {
  ruleId: 'route-key-syntax',
  level: 'error',
  description:
    'A route key that API Gateway would reject: unknown method, bad path characters, empty part, trailing "/", greedy variable not last.',
};

/** Parses every key so that all bad keys are reported at once, not just the first one `parseRouteKey` throws on. */
export function checkRouteKeys(keys: readonly string[]): Finding[] {
  const findings: Finding[] = [];
  for (const key of keys) {
    try {
      parseRouteKey(key);
    } catch (error) {
      if (!(error instanceof RouteKeyError)) throw error;
      findings.push(finding(routeKeySyntax, error.message, key));
    }
  }
  return findings;
}
