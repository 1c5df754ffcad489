import { checkRestApiWithoutMethods } from '../../../lib/core/checks/rest-api-without-methods';
import { table } from './support';

describe('rest-api-without-methods', () => {
  it('accepts an API with a route', () => {
    expect(checkRestApiWithoutMethods(table(['GET /health']))).toEqual([]);
  });

  it("reports an API without routes with AWS's deployment error", () => {
    const findings = checkRestApiWithoutMethods(table([]));
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'rest-api-without-methods', level: 'error' })]);
    expect(findings[0].message).toContain("The REST API doesn't contain any methods");
  });
});
