import { checkAuthorizerValidationExpression } from '../../../lib/core/checks/authorizer-validation-expression';
import { authorizer, table } from './support';

describe('authorizer-validation-expression', () => {
  it('accepts a compiling expression and no expression', () => {
    const authorizers = [authorizer('a', { validationExpression: '^Bearer [-0-9a-zA-Z._]+$' }), authorizer('b')];
    expect(checkAuthorizerValidationExpression(table([], { authorizers }))).toEqual([]);
  });

  it('reports an expression that does not compile', () => {
    const authorizers = [authorizer('jwt', { validationExpression: '^Bearer ([a-' })];
    const findings = checkAuthorizerValidationExpression(table([], { authorizers }));
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'authorizer-validation-expression', level: 'error' })]);
    expect(findings[0].message).toMatch(
      /^Authorizer "jwt": validationExpression "\^Bearer \(\[a-" is not a valid regular expression \(Invalid regular expression/,
    );
  });
});
