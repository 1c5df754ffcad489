/** A synth-time check's identity (cdk-nag's shape): one id, one level, one line for the README table. */
import type { Finding } from './finding';

export interface CheckRule {
  readonly ruleId: string;
  readonly level: Finding['level'];
  /** What the rule catches, in one sentence (docs/checks.md). */
  readonly description: string;
}

export function finding(rule: CheckRule, message: string, route?: string): Finding {
  const base = { ruleId: rule.ruleId, level: rule.level, message };
  return route === undefined ? base : { ...base, route };
}

/** CDK tokens render as `${Token[...]}` at synth time; their real value is unknown, so checks skip them. */
export function isToken(value: string): boolean {
  return value.includes('${Token[');
}

export function quoteList(values: readonly string[]): string {
  return values.length === 0 ? '(none)' : values.map((v) => `"${v}"`).join(', ');
}
