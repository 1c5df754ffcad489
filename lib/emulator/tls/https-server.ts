/**
 * The HTTPS door: terminates TLS as a custom domain does (AWS docs: "Custom domain names for REST APIs"), then
 * hands each request to the same pipeline as the HTTP door.
 *
 * - One certificate (from the local CA, or `--cert/--key`) covers localhost, 127.0.0.1 and every domain name.
 * - The SNI name picks the domain before the handshake (client-hello.ts), so its security policy decides the
 *   protocol versions and ciphers the handshake accepts, and its truststore (mutual TLS) the client
 *   certificates. Other names get the `TLS_1_2` policy and no client certificate request.
 * - With mutual TLS, a request without a trusted, unexpired client certificate is answered 403 Forbidden
 *   (AWS docs: "Troubleshoot mutual TLS for your REST API"; AWS Knowledge Center "api-gateway-mutual-tls-403-errors").
 * - A server name that is neither a loopback name, `*.localhost`, nor a custom domain of the assembly is
 *   answered 403 Forbidden, as API Gateway answers a host name it does not serve.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer as createHttpsServer, type Server } from 'node:https';
import { type AddressInfo, createServer as createNetServer, isIP, type Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { type GatewayHandler, handleRequest, type RunningServer, type ServeOptions } from '../server';
import type { CertificateAndKey } from './certificates';
import { peekClientHello } from './client-hello';
import { DEFAULT_SECURITY_POLICY, tlsPolicyOptions } from './security-policy';

/** A custom domain as the HTTPS door serves it. */
export interface HttpsDomain {
  readonly domainName: string;
  /** @default 'TLS_1_2' */
  readonly securityPolicy?: string;
  /** PEM bundle of trusted client CAs: mutual TLS is on when set. @default - no mutual TLS */
  readonly truststore?: string;
}

export interface HttpsServeOptions extends ServeOptions {
  /** The server certificate and key (PEM); its SANs should cover localhost and every domain. */
  readonly certificate: CertificateAndKey;
  readonly domains: readonly HttpsDomain[];
}

interface DomainContext {
  readonly domain?: HttpsDomain;
  /** Never listens: the raw connection is handed to it once its ClientHello named this domain. */
  readonly server: Server;
}

/** Longest ClientHello record this door waits for (TLS records are at most 16 KiB plus the header). */
const MAX_HELLO_BYTES = 16 * 1024 + 5;
const FORBIDDEN = '{"message":"Forbidden"}';

export async function serveGatewayHttps(gateway: GatewayHandler, options: HttpsServeOptions): Promise<RunningServer> {
  const contexts = new Map<string, DomainContext>();
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    answer(gateway, contexts, req, res).catch((error: unknown) => {
      process.emitWarning(`portico: failed to answer a request: ${error instanceof Error ? error.message : error}`);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end('{"message":"Internal server error"}');
    });
  };
  const contextFor = (domain: HttpsDomain | undefined): DomainContext => {
    const policy = domain?.securityPolicy ?? DEFAULT_SECURITY_POLICY;
    const tlsOptions = tlsPolicyOptions(policy);
    if (!tlsOptions) {
      throw new Error(
        `Custom domain "${domain?.domainName}": security policy "${policy}" is not one API Gateway documents.`,
      );
    }
    const server = createHttpsServer(
      {
        ...options.certificate,
        ...tlsOptions,
        ...(domain?.truststore && { ca: domain.truststore, requestCert: true }),
        // The certificate is judged per request (403 Forbidden), as API Gateway answers an untrusted one.
        rejectUnauthorized: false,
        maxHeaderSize: 64 * 1024,
        ALPNProtocols: ['http/1.1'],
      },
      listener,
    );
    server.keepAliveTimeout = 65_000;
    server.on('tlsClientError', (_error, socket) => socket.destroy());
    return { domain, server };
  };
  const defaultContext = contextFor(undefined);
  for (const domain of options.domains) contexts.set(domain.domainName.toLowerCase(), contextFor(domain));

  const sockets = new Set<Socket>();
  const server = createNetServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    socket.setTimeout(10_000, () => socket.destroy());
    let received = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const hello = peekClientHello(received);
      if (hello.kind === 'incomplete' && received.length < MAX_HELLO_BYTES) return;
      socket.removeListener('data', onData);
      socket.pause();
      socket.setTimeout(0);
      if (hello.kind === 'not-tls') {
        // Plain HTTP sent to the HTTPS port.
        socket.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
        return;
      }
      const serverName = hello.kind === 'hello' ? hello.serverName : undefined;
      const chosen = (serverName && contexts.get(serverName)) || defaultContext;
      socket.unshift(received);
      chosen.server.emit('connection', socket);
    };
    socket.on('data', onData);
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 3443, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    server: defaultContext.server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const context of [defaultContext, ...contexts.values()]) context.server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      }),
  };
}

async function answer(
  gateway: GatewayHandler,
  contexts: ReadonlyMap<string, DomainContext>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const socket = req.socket as TLSSocket;
  const serverName = typeof socket.servername === 'string' ? socket.servername.toLowerCase() : undefined;
  const hostName = hostNameOf(req.headers.host);
  const connectionDomain = serverName ? contexts.get(serverName)?.domain : undefined;
  const hostDomain = hostName ? contexts.get(hostName)?.domain : undefined;
  const unknownName = serverName !== undefined && !connectionDomain && !isLocalName(serverName);
  // Mutual TLS belongs to the connection: a Host naming an mTLS domain on a connection made for another name
  // never had its certificate asked for.
  const needsCertificate = connectionDomain?.truststore !== undefined || hostDomain?.truststore !== undefined;
  const certificateOk = socket.authorized && connectionDomain === hostDomain;
  if (unknownName || (needsCertificate && !certificateOk)) {
    res.writeHead(403, {
      'Content-Type': 'application/json',
      'Content-Length': FORBIDDEN.length,
      'x-amzn-ErrorType': 'ForbiddenException',
    });
    res.end(FORBIDDEN);
    return;
  }
  await handleRequest(gateway, req, res);
}

function hostNameOf(host: string | undefined): string | undefined {
  if (!host) return undefined;
  return host
    .replace(/:\d+$/, '')
    .replace(/^\[|\]$/g, '')
    .toLowerCase();
}

function isLocalName(name: string): boolean {
  return name === 'localhost' || name.endsWith('.localhost') || isIP(name) !== 0;
}
