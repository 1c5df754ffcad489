import { checkHttpCors } from '../../../lib/core/checks/http-cors';
import type { HttpCorsSpec } from '../../../lib/core/http-route-table';
import { httpTable } from './http-support';

const cors = (overrides: Partial<HttpCorsSpec>): HttpCorsSpec => ({
  allowOrigins: ['https://app.example.com'],
  allowMethods: [],
  allowHeaders: [],
  exposeHeaders: [],
  allowCredentials: false,
  ...overrides,
});

describe('http-cors', () => {
  it('accepts no CORS, the wildcard origin without credentials, and listed origins with credentials', () => {
    expect(checkHttpCors(httpTable([]))).toEqual([]);
    expect(checkHttpCors(httpTable([], { cors: cors({ allowOrigins: ['*'], maxAgeSeconds: -1 }) }))).toEqual([]);
    expect(checkHttpCors(httpTable([], { cors: cors({ allowCredentials: true, maxAgeSeconds: 86_400 }) }))).toEqual([]);
  });

  it('rejects credentials for "*", no origin and a maxAge above a day', () => {
    const findings = checkHttpCors(
      httpTable([], { cors: cors({ allowOrigins: ['*'], allowCredentials: true, maxAgeSeconds: 86_401 }) }),
    );
    expect(findings.map((f) => f.message)).toEqual([
      expect.stringContaining('CORS: allowCredentials is true with the wildcard origin "*"'),
      expect.stringContaining('maxAge 86401 is outside -1..86400'),
    ]);
    expect(checkHttpCors(httpTable([], { cors: cors({ allowOrigins: [] }) }))[0].message).toContain(
      'allowOrigins is empty',
    );
  });
});
