/** HTTP proxy integrations on an HTTP API, with HTTP API parameter mapping (DG:http-api-parameter-mapping). */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpIntegrationSpec } from '../../../lib/core/http-route-table';
import { bodyOf, headerOf, httpApi, httpModel, httpRoute, httpStage, pipelineFor, ScriptedInvoker } from './support';

interface Seen {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
}

describe('an HTTP proxy integration', () => {
  let server: Server;
  let base: string;
  const seen: Seen[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
      const status = req.url?.includes('missing') ? 404 : 200;
      res.writeHead(status, { 'content-type': 'application/json', 'x-backend': 'yes', 'x-internal': 'secret' });
      res.end(JSON.stringify({ url: req.url }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const proxy = (
    url: string,
    overrides: Partial<Extract<HttpIntegrationSpec, { kind: 'http' }>> = {},
  ): HttpIntegrationSpec => ({
    kind: 'http',
    url,
    method: 'ANY',
    timeoutMs: 5000,
    requestParameters: {},
    responseParameters: {},
    ...overrides,
  });

  function setup() {
    const api = httpApi(
      'Api',
      [
        httpRoute('GET /files/{proxy+}', {
          integration: proxy(`${base}/store/{proxy}`, {
            requestParameters: {
              'overwrite:header.x-user': '$request.header.x-caller',
              'remove:header.x-secret': "''",
              'append:querystring.source': '$stageVariables.source',
            },
            responseParameters: {
              '404': { 'overwrite:statuscode': '204', 'remove:header.x-internal': "''" },
              '200': { 'append:header.x-route': '$context.routeKey' },
            },
          }),
        }),
        httpRoute('$default', { integration: proxy(`${base}/root`) }),
      ],
      [httpStage('$default', { variables: { source: 'local' } })],
    );
    return pipelineFor(httpModel([api]), new ScriptedInvoker({}));
  }

  it('fills path variables, applies request mappings, and maps the response by backend status', async () => {
    const { send } = setup();
    const result = await send('/files/a/b.txt?x=1', {
      headers: [
        ['x-caller', 'u-9'],
        ['x-secret', 's'],
      ],
    });
    expect(result.response.statusCode).toBe(200);
    const request = seen[seen.length - 1];
    expect(request.url).toBe('/store/a/b.txt?x=1&source=local');
    expect(request.headers['x-user']).toBe('u-9');
    expect(request.headers['x-secret']).toBeUndefined();
    expect(headerOf(result, 'x-route')).toBe('GET /files/{proxy+}');
    const missing = await send('/files/missing.txt');
    expect(missing.response.statusCode).toBe(204);
    expect(headerOf(missing, 'x-internal')).toBeUndefined();
    expect(headerOf(missing, 'x-backend')).toBe('yes');
  });

  it('sends the full request path on from the $default route (AWS docs: "Create routes for HTTP APIs")', async () => {
    const { send } = setup();
    const result = await send('/deep/path', { method: 'POST', body: 'x' });
    expect(bodyOf(result)).toEqual({ url: '/root/deep/path' });
    expect(seen[seen.length - 1].method).toBe('POST');
  });

  it('answers an unreachable backend with 500', async () => {
    const api = httpApi('Api', [httpRoute('GET /down', { integration: proxy('http://127.0.0.1:9/x') })]);
    const result = await pipelineFor(httpModel([api]), new ScriptedInvoker({})).send('/down');
    expect(result.response.statusCode).toBe(500);
    expect(bodyOf(result)).toEqual({ message: 'Internal Server Error' });
  });
});
