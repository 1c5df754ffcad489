import { checkIntegrationTimeoutRange } from '../../../lib/core/checks/integration-timeout-range';
import { route, table } from './support';

const lambda = (timeoutMs: number) => ({ kind: 'lambda' as const, functionArn: 'arn:fn', timeoutMs });

describe('integration-timeout-range', () => {
  it('accepts 50..29000 ms and ignores mock integrations', () => {
    const routes = [
      route('GET /a', { integration: lambda(50) }),
      route('GET /b', { integration: { kind: 'http', url: 'https://example.com', method: 'GET', timeoutMs: 29_000 } }),
      route('GET /c', { integration: { kind: 'mock', statusCode: 200, responseHeaders: {} } }),
    ];
    expect(checkIntegrationTimeoutRange(table(routes))).toEqual([]);
  });

  it('reports timeouts outside the range, naming the route', () => {
    const findings = checkIntegrationTimeoutRange(
      table([route('GET /slow', { integration: lambda(30_000) }), route('GET /fast', { integration: lambda(10) })]),
    );
    expect(findings.map((f) => f.route)).toEqual(['GET /slow', 'GET /fast']);
    expect(findings[0]).toMatchObject({ ruleId: 'integration-timeout-range', level: 'error' });
    expect(findings[0].message).toContain(
      'Route "GET /slow": the lambda integration timeoutMs 30000 is outside API Gateway\'s range of whole milliseconds 50..29000',
    );
  });
});
