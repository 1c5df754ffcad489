import { checkHttpIntegrationSettings } from '../../../lib/core/checks/http-integration-settings';
import { httpBackend, httpRoute, httpTable } from './http-support';

describe('http-integration-settings', () => {
  it("accepts Lambda routes in range and HTTP backends with HTTP API mappings and the route's own URL variables", () => {
    const table = httpTable([
      httpRoute('GET /a', {
        integration: { kind: 'lambda', functionArn: 'arn', payloadFormatVersion: '1.0', timeoutMs: 50 },
      }),
      httpRoute('ANY /files/{proxy+}', {
        authorization: { kind: 'authorizer', authorizer: 'jwt' },
        integration: {
          ...httpBackend(`https://\${stageVariables.host}/files/{proxy}`, {
            'overwrite:header.x-user': '$context.authorizer.claims.sub',
            'append:querystring.source': 'api',
            'remove:header.cookie': "''",
            'overwrite:path': '/v2/$request.path.proxy',
          }),
          responseParameters: { '404': { 'overwrite:statuscode': '204', 'remove:header.server': "''" } },
        },
      }),
    ]);
    expect(checkHttpIntegrationSettings(table)).toEqual([]);
  });

  it('rejects a mapping from the authorizer result on a route without an authorizer', () => {
    const mapping = { 'overwrite:header.x-user-id': '$context.authorizer.claims.sub' };
    const open = httpRoute('GET /open', { integration: httpBackend('https://backend.example.com', mapping) });
    const guarded = httpRoute('GET /guarded', {
      integration: httpBackend('https://backend.example.com', mapping),
      authorization: { kind: 'authorizer', authorizer: 'jwt' },
    });
    const findings = checkHttpIntegrationSettings(httpTable([open, guarded]));
    expect(findings.map((f) => f.route)).toEqual(['GET /open']);
    expect(findings[0].message).toContain('maps from $context.authorizer.claims.sub, but the route has no authorizer');
  });

  it('rejects a timeout above 30 s and an unknown payload format', () => {
    const table = httpTable([
      httpRoute('GET /a', {
        integration: { kind: 'lambda', functionArn: 'arn', payloadFormatVersion: '3.0' as never, timeoutMs: 30_001 },
      }),
    ]);
    expect(checkHttpIntegrationSettings(table).map((f) => f.message)).toEqual([
      expect.stringContaining('Route "GET /a": the lambda integration timeoutMs 30001 is outside'),
      expect.stringContaining('payloadFormatVersion "3.0" is not "1.0" or "2.0"'),
    ]);
  });

  it('rejects REST-form mapping keys, bad response keys and URL variables the route lacks', () => {
    const table = httpTable([
      httpRoute('GET /users/{id}', {
        integration: {
          ...httpBackend('https://backend.example.com/{userId}', { 'integration.request.header.x': "'1'" }),
          responseParameters: { ok: { 'method.response.header.x': "'1'" } },
        },
      }),
    ]);
    const findings = checkHttpIntegrationSettings(table);
    expect(findings.every((f) => f.ruleId === 'http-integration-settings' && f.route === 'GET /users/{id}')).toBe(true);
    expect(findings.map((f) => f.message)).toEqual([
      expect.stringContaining('request parameter "integration.request.header.x" is not an HTTP API mapping key'),
      expect.stringContaining('response parameters are keyed by status code, not "ok"'),
      expect.stringContaining('response parameter "method.response.header.x" (status ok)'),
      expect.stringContaining('uses {userId}, which is not a path variable of the route ({id})'),
    ]);
  });
});
