/**
 * The HTTP door onto the emulator: a plain Node `http` server that turns each request into a
 * `GatewayRequest`, hands it to the same pipeline as the in-process `fetch`, and writes the answer.
 * Malformed requests and oversized bodies get AWS-shaped answers; the server keeps serving.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PipelineResult } from './pipeline';
import { type GatewayRequest, MAX_PAYLOAD_BYTES } from './request-context';
import { clientCertificateOf } from './tls/client-certificate';

export interface GatewayHandler {
  handle(request: GatewayRequest): Promise<PipelineResult>;
}

export interface ServeOptions {
  /** @default '127.0.0.1' */
  readonly host?: string;
  /** 0 picks a free port. @default 3000 */
  readonly port?: number;
  /**
   * Answers the dashboard's requests (`createDashboard`, under `/_portico/`) before the gateway sees them;
   * returns false for every other request.
   * @default - no dashboard
   */
  readonly dashboard?: (req: IncomingMessage, res: ServerResponse) => boolean;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly server: Server;
  close(): Promise<void>;
}

export async function serveGateway(gateway: GatewayHandler, options: ServeOptions = {}): Promise<RunningServer> {
  const server = createServer({ maxHeaderSize: 64 * 1024 }, (req, res) => {
    if (options.dashboard?.(req, res)) return;
    handleRequest(gateway, req, res).catch((error: unknown) => {
      // A client that went away mid-request (`aborted`, ECONNRESET) is not an emulator fault: nobody to answer.
      if ((error as NodeJS.ErrnoException).code === 'ECONNRESET' || req.destroyed) return;
      process.emitWarning(`portico: failed to answer a request: ${error instanceof Error ? error.message : error}`);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end('{"message":"Internal server error"}');
    });
  });
  server.keepAliveTimeout = 65_000;
  // Requests Node's parser rejects (bad request line, huge headers) get a 400/431 and the socket is closed.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return;
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
    const body = `{"message":"${status.slice(4)}"}`;
    socket.end(
      `HTTP/1.1 ${status}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 3000, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Answers one request of the HTTP door (the HTTPS door in tls/ shares it). */
export async function handleRequest(gateway: GatewayHandler, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readBody(req);
  if (body === 'too-large') {
    // The body is not read past the limit: answer 413 and close, as API Gateway refuses payloads over 10 MB.
    const message = '{"message":"Request Too Long"}';
    res.writeHead(413, { 'Content-Type': 'application/json', 'Content-Length': message.length, Connection: 'close' });
    res.end(message);
    req.destroy();
    return;
  }
  const headers: [string, string][] = [];
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.push([req.rawHeaders[i], req.rawHeaders[i + 1]]);
  const request: GatewayRequest = {
    method: req.method ?? 'GET',
    rawUrl: req.url ?? '/',
    headers,
    body,
    sourceIp: (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
    protocol: `HTTP/${req.httpVersion}`,
    clientCert: clientCertificateOf(req.socket),
  };
  const { response } = await gateway.handle(request);
  const outgoing: string[] = [];
  for (const [name, value] of response.headers) {
    if (name.toLowerCase() === 'content-length' || name.toLowerCase() === 'transfer-encoding') continue;
    outgoing.push(name, value);
  }
  outgoing.push('Content-Length', String(response.body.length));
  res.writeHead(response.statusCode, outgoing);
  res.end(request.method === 'HEAD' ? undefined : response.body);
}

const NO_BODY = Buffer.alloc(0);

function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  const length = req.headers['content-length'];
  // HTTP/1.1: without Content-Length or Transfer-Encoding a request has no body (RFC 9112 §6.3); Node discards
  // what is left unread once the response ends, so there is nothing to wait for.
  if ((length === undefined || length === '0') && req.headers['transfer-encoding'] === undefined) {
    return Promise.resolve(NO_BODY);
  }
  const declared = Number(length ?? 0);
  if (declared > MAX_PAYLOAD_BYTES) return Promise.resolve('too-large');
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_PAYLOAD_BYTES) {
        req.removeAllListeners('data');
        req.pause();
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
