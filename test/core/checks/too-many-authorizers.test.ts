import { checkTooManyAuthorizers } from '../../../lib/core/checks/too-many-authorizers';
import { authorizer, table } from './support';

const authorizers = (n: number) => Array.from({ length: n }, (_, i) => authorizer(`a${i}`));

describe('too-many-authorizers', () => {
  it('accepts 10 authorizers', () => {
    expect(checkTooManyAuthorizers(table([], { authorizers: authorizers(10) }))).toEqual([]);
  });

  it('reports 11 authorizers as an error', () => {
    const findings = checkTooManyAuthorizers(table([], { authorizers: authorizers(11) }));
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'too-many-authorizers', level: 'error' })]);
    expect(findings[0].message).toContain('The API declares 11 authorizers');
    expect(findings[0].message).toContain('at most 10 per API');
  });
});
