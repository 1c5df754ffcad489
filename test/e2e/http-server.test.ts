import { mkdtempSync, readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalGateway } from '../../lib/emulator/local-gateway';
import { type RunningServer, serveGateway } from '../../lib/emulator/server';
import { buildPlainCdkStack } from './plain-cdk-stack';

/** Sends raw bytes and returns the raw answer (for requests no HTTP client would send). */
function rawExchange(port: number, payload: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(payload));
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk.toString();
    });
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

function rawHeaders(url: string): Promise<{ status: number; rawHeaders: string[] }> {
  return new Promise((resolve, reject) => {
    httpRequest(url, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, rawHeaders: res.rawHeaders }));
    })
      .on('error', reject)
      .end();
  });
}

describe('the emulator over real HTTP on 127.0.0.1', () => {
  let gw: LocalGateway;
  let server: RunningServer;
  const accessLogFile = join(mkdtempSync(join(tmpdir(), 'portico-http-')), 'access.log');

  beforeAll(async () => {
    gw = await LocalGateway.fromStack(buildPlainCdkStack(), { accessLogFile, onFunctionLog: () => {} });
    server = await serveGateway(gw, { port: 0 });
  });
  afterAll(async () => {
    await server.close();
    await gw.close();
  });

  it('answers with the headers API Gateway adds, names cased as AWS sends them', async () => {
    const { status, rawHeaders: names } = await rawHeaders(`${server.url}/live/items`);
    expect(status).toBe(200);
    expect(names).toEqual(expect.arrayContaining(['x-amzn-RequestId', 'x-amz-apigw-id', 'X-Amzn-Trace-Id']));
  });

  it('keeps serving after a request line no HTTP parser accepts', async () => {
    const answer = await rawExchange(server.port, 'NOT HTTP AT ALL\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
    expect((await fetch(`${server.url}/live/items`)).status).toBe(200);
  });

  it('refuses header values over API Gateway’s 10,240-byte limit and bodies over 10 MB with 413', async () => {
    const headers = await fetch(`${server.url}/live/items`, { headers: { 'x-big': 'a'.repeat(11_000) } });
    expect(headers.status).toBe(413);
    const body = await fetch(`${server.url}/live/files/upload`, {
      method: 'POST',
      body: Buffer.alloc(10 * 1024 * 1024 + 1),
    });
    expect(body.status).toBe(413);
    expect((await fetch(`${server.url}/live/items`)).status).toBe(200);
  });

  it('routes invalid percent-encoding as AWS does: path parameters stay encoded, the query keeps bad escapes', async () => {
    const response = await fetch(`${server.url}/live/items/%E0%A4%A?q=%ZZ`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { pathParameters: unknown; query: unknown };
    expect(body.pathParameters).toEqual({ id: '%E0%A4%A' });
    expect(body.query).toEqual({ q: '%ZZ' });
  });

  it('writes exactly one access-log line per request under concurrency, with unique request ids', async () => {
    const before = gw.accessLog.length;
    const responses = await Promise.all(Array.from({ length: 200 }, () => fetch(`${server.url}/live/items`)));
    const ids = responses.map((r) => r.headers.get('x-amzn-requestid'));
    expect(responses.every((r) => r.status === 200)).toBe(true);
    expect(new Set(ids).size).toBe(200);
    const lines = gw.accessLog.slice(before).map((line) => JSON.parse(line).requestId);
    expect(new Set(lines)).toEqual(new Set(ids));
    // The file is written through a stream: wait for the lines to land rather than for a fixed time, which a
    // busy machine may overrun.
    const loggedToFile = () =>
      readFileSync(accessLogFile, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line).requestId)
        .filter((id) => ids.includes(id));
    while (loggedToFile().length < 200) await new Promise((resolve) => setImmediate(resolve));
    expect(new Set(loggedToFile())).toEqual(new Set(ids));
  });
});
