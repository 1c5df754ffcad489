import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RequestContext } from '../../../../lib/emulator/request-context';
import { integrateHttpProxy } from '../../../../lib/emulator/rest/integrations/http-proxy';
import type { ContextLookup } from '../../../../lib/emulator/rest/integrations/parameter-mapping';

interface Echo {
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
}

function context(overrides: Partial<RequestContext> & { headers?: [string, string][] } = {}): RequestContext {
  const { headers = [], ...rest } = overrides;
  return {
    request: {
      method: 'GET',
      rawUrl: '/v1/x',
      headers,
      body: Buffer.alloc(0),
      sourceIp: '127.0.0.1',
      protocol: 'HTTP/1.1',
    },
    requestId: 'req-1',
    extendedRequestId: 'ext-1',
    requestTimeEpoch: 0,
    startedAt: 0,
    domainName: 'localhost',
    stageVariables: {},
    isCanaryRequest: false,
    path: '/x',
    query: [],
    pathParameters: {},
    ...rest,
  };
}

describe('HTTP_PROXY integration', () => {
  let server: Server;
  let backend: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ url: req.url, headers: req.headers }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    backend = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const call = async (
    ctx: RequestContext,
    url: string,
    mapping: Record<string, string>,
    lookup: ContextLookup = () => undefined,
  ) => {
    const response = await integrateHttpProxy(ctx, { url, method: 'ANY', timeoutMs: 5000 }, mapping, lookup);
    return JSON.parse(response.body.toString()) as Echo;
  };

  test("a mapped header replaces the client's header of that name; other client headers pass", async () => {
    const ctx = context({
      headers: [
        ['X-User-Id', 'admin'],
        ['x-client', 'kept'],
      ],
    });
    const echo = await call(
      ctx,
      `${backend}/who`,
      { 'integration.request.header.x-user-id': 'context.authorizer.principalId' },
      (name: string) => (name === 'authorizer.principalId' ? 'user-42' : undefined),
    );
    expect(echo.headers['x-user-id']).toBe('user-42');
    expect(echo.headers['x-client']).toBe('kept');
  });

  test("a mapping whose source has no value maps nothing, so the client's header passes", async () => {
    const ctx = context({ headers: [['x-tenant', 'spoofed']] });
    const echo = await call(ctx, `${backend}/who`, {
      'integration.request.header.x-tenant': 'context.authorizer.tenant',
    });
    expect(echo.headers['x-tenant']).toBe('spoofed');
  });

  test("a static value overwrites the client's header", async () => {
    const ctx = context({ headers: [['x-debug', 'on']] });
    const echo = await call(ctx, `${backend}/who`, { 'integration.request.header.x-debug': "'off'" });
    expect(echo.headers['x-debug']).toBe('off');
  });

  test("query strings keep the URI's own values, then the client's, then the mapped ones beside them", async () => {
    // As recorded on AWS: URI `?testQs={qsVar}` plus mapped `testQs` reached the backend as both values.
    const ctx = context({
      query: [
        ['page', '2'],
        ['user', 'spoofed'],
      ],
      pathParameters: { id: '7' },
    });
    const echo = await call(ctx, `${backend}/items/{id}?fixed=1`, {
      'integration.request.querystring.user': "'mapped'",
      'integration.request.path.id': 'method.request.path.id',
    });
    expect(echo.url).toBe('/items/7?fixed=1&page=2&user=spoofed&user=mapped');
  });
});
