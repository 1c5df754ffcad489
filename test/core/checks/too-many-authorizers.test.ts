import { checkTooManyAuthorizers } from '../../../lib/core/checks/too-many-authorizers';
import { authorizer, table } from './support';

const authorizers = (n: number) => Array.from({ length: n }, (_, i) => authorizer(`a${i}`));

describe('too-many-authorizers', () => {
  it('accepts 10 authorizers', () => {
    expect(checkTooManyAuthorizers(table([], { authorizers: authorizers(10) }))).toEqual([]);
  });

  it('warns about 11 authorizers, naming the quota and how to raise it', () => {
    const findings = checkTooManyAuthorizers(table([], { authorizers: authorizers(11) }));
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'too-many-authorizers', level: 'warning' })]);
    expect(findings[0].message).toContain('The API declares 11 authorizers');
    expect(findings[0].message).toContain('default quota of 10 per API ("Authorizers per API")');
    expect(findings[0].message).toContain('AWS Support Center');
  });
});
