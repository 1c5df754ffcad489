import { checkHttpDuplicateRoutes } from '../../../lib/core/checks/http-duplicate-route';
import { httpTable } from './http-support';

describe('http-duplicate-route', () => {
  it('accepts GET beside ANY on one path and one $default', () => {
    expect(checkHttpDuplicateRoutes(httpTable(['GET /x', 'ANY /x', '$default']))).toEqual([]);
  });

  it("reports a repeated key with AWS's ConflictException text", () => {
    const findings = checkHttpDuplicateRoutes(
      httpTable(['ANY /{proxy+}', 'get /a', 'ANY /{proxy+}', '$default', '$default']),
    );
    expect(findings.map((f) => f.route)).toEqual(['ANY /{proxy+}', '$default']);
    expect(findings[0]).toMatchObject({ ruleId: 'http-duplicate-route', level: 'error' });
    expect(findings[0].message).toContain('Route with key ANY /{proxy+} already exists for this API');
    expect(findings[1].message).toContain('Route with key $default already exists for this API');
  });
});
