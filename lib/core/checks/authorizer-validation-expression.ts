import type { RouteTable } from '../route-table';
import type { Finding } from './finding';
import { type CheckRule, finding } from './rule';

export const authorizerValidationExpression: CheckRule = {
  ruleId: 'authorizer-validation-expression',
  level: 'error',
  description: "An authorizer's token validation expression that is not a valid regular expression.",
};

/**
 * API Gateway applies the expression itself (a mismatch is a 401 without invoking, AWS docs: "Input to an API Gateway Lambda authorizer"); the
 * emulator compiles it as a JavaScript RegExp, so an expression must compile here to behave the same in both.
 */
export function checkAuthorizerValidationExpression(table: RouteTable): Finding[] {
  const findings: Finding[] = [];
  for (const authorizer of table.authorizers) {
    const expression = authorizer.validationExpression;
    if (expression === undefined) continue;
    try {
      new RegExp(expression);
    } catch (error) {
      findings.push(
        finding(
          authorizerValidationExpression,
          `Authorizer "${authorizer.name}": validationExpression "${expression}" is not a valid regular expression ` +
            `(${(error as Error).message}). Fix the pattern, e.g. "^Bearer [-0-9a-zA-Z._]+$", or leave it out.`,
        ),
      );
    }
  }
  return findings;
}
