/**
 * The HTTPS door with real TLS handshakes (Node's tls client against the server on 127.0.0.1): security policies
 * per SNI name, the certificate's names, unknown names, and mutual TLS. The gateway behind it is a stub that echoes
 * what the door handed it, so these tests are about TLS only (test/e2e/custom-domain.test.ts covers the rest).
 */
import { X509Certificate } from 'node:crypto';
import { type ConnectionOptions, connect, type SecureVersion } from 'node:tls';
import type { RunningServer } from '../../../lib/emulator/server';
import {
  type CertificateAndKey,
  createCertificateAuthority,
  issueCertificate,
} from '../../../lib/emulator/tls/certificates';
import { peekClientHello } from '../../../lib/emulator/tls/client-hello';
import { serveGatewayHttps } from '../../../lib/emulator/tls/https-server';
import { issueServerCertificate } from '../../../lib/emulator/tls/local-ca';

const echo = {
  handle: async (request: {
    rawUrl: string;
    clientCert?: unknown;
    headers: readonly (readonly [string, string])[];
  }) => ({
    response: {
      statusCode: 200,
      headers: [['Content-Type', 'application/json']] as [string, string][],
      body: Buffer.from(JSON.stringify({ url: request.rawUrl, clientCert: request.clientCert ?? null })),
    },
  }),
};

interface Outcome {
  readonly protocol?: string | null;
  readonly status?: number;
  readonly body?: string;
  readonly error?: string;
  readonly peer?: X509Certificate;
}

let ca: CertificateAndKey;
let clientCa: CertificateAndKey;
let otherCa: CertificateAndKey;
let server: RunningServer;

beforeAll(async () => {
  [ca, clientCa, otherCa] = await Promise.all([
    createCertificateAuthority('Test server CA'),
    createCertificateAuthority('Test client CA'),
    createCertificateAuthority('Some other CA'),
  ]);
  const certificate = await issueServerCertificate(ca, [
    'api.example.com',
    'legacy.example.com',
    'tls13.example.com',
    'partners.example.com',
  ]);
  server = await serveGatewayHttps(echo as never, {
    port: 0,
    certificate,
    domains: [
      { domainName: 'api.example.com', securityPolicy: 'TLS_1_2' },
      { domainName: 'legacy.example.com', securityPolicy: 'TLS_1_0' },
      { domainName: 'tls13.example.com', securityPolicy: 'SecurityPolicy_TLS13_1_3_2025_09' },
      { domainName: 'partners.example.com', truststore: clientCa.cert },
    ],
  });
});

afterAll(() => server.close());

/** One HTTPS request over a raw TLS connection; the client allows every version so a refusal is the server's. */
function request(
  servername: string | undefined,
  options: ConnectionOptions & { version?: SecureVersion } = {},
): Promise<Outcome> {
  const { version, ...rest } = options;
  return new Promise((resolve) => {
    const socket = connect({
      host: '127.0.0.1',
      port: server.port,
      ...(servername && { servername }),
      ca: ca.cert,
      ...(version && { minVersion: version, maxVersion: version }),
      // OpenSSL 3 would refuse TLS 1.0/1.1 on the client side at its default level: lower it here.
      ciphers: 'DEFAULT:@SECLEVEL=0',
      ...rest,
    });
    let data = '';
    socket.on('secureConnect', () => {
      socket.write(`GET /orders HTTP/1.1\r\nHost: ${servername ?? '127.0.0.1'}\r\nConnection: close\r\n\r\n`);
    });
    socket.on('data', (chunk) => {
      data += chunk;
    });
    socket.on('end', () => {
      const [head, body] = data.split('\r\n\r\n');
      resolve({
        protocol: socket.getProtocol(),
        status: Number(head.split(' ')[1]),
        body,
        peer: socket.getPeerX509Certificate(),
      });
    });
    socket.on('error', (error) => resolve({ error: error.message }));
  });
}

describe('security policies (AWS docs: "Choose a security policy for your custom domain in API Gateway")', () => {
  const versions: SecureVersion[] = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];
  const accepted: Record<string, SecureVersion[]> = {
    'legacy.example.com': ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'],
    'api.example.com': ['TLSv1.2', 'TLSv1.3'],
    'tls13.example.com': ['TLSv1.3'],
  };
  test.each(Object.entries(accepted))('%s accepts exactly %j', async (name, expected) => {
    const outcomes = await Promise.all(versions.map((version) => request(name, { version })));
    const served = versions.filter((_, i) => outcomes[i].status === 200);
    expect(served).toEqual(expected);
    for (const [i, outcome] of outcomes.entries()) {
      if (expected.includes(versions[i])) expect(outcome.protocol).toBe(versions[i]);
      // The server's alert, not a client-side refusal: "protocol version" (alert 70).
      else expect(outcome.error).toMatch(/alert protocol version/);
    }
  });
});

describe('certificate and server names', () => {
  test('one certificate names localhost, 127.0.0.1 and every custom domain, issued by the CA', async () => {
    const outcome = await request('api.example.com');
    expect(outcome.peer?.subjectAltName?.split(', ')).toEqual(
      expect.arrayContaining([
        'DNS:localhost',
        'IP Address:127.0.0.1',
        'DNS:api.example.com',
        'DNS:partners.example.com',
      ]),
    );
    expect(outcome.peer?.checkIssued(new X509Certificate(ca.cert))).toBe(true);
  });

  test('without SNI (an IP address) the default TLS_1_2 policy applies and the request is served', async () => {
    expect((await request(undefined, { version: 'TLSv1.2' })).status).toBe(200);
    expect((await request(undefined, { version: 'TLSv1.1' })).error).toMatch(/alert protocol version/);
  });

  test('a server name that is no custom domain of the assembly gets 403 Forbidden', async () => {
    const outcome = await request('unknown.example.com', { checkServerIdentity: () => undefined });
    expect(outcome.status).toBe(403);
    expect(JSON.parse(outcome.body ?? '')).toEqual({ message: 'Forbidden' });
  });

  test('peekClientHello waits for the whole record and reads no name from plain HTTP', () => {
    expect(peekClientHello(Buffer.from([0x16, 3, 1, 0, 200]))).toEqual({ kind: 'incomplete' });
    expect(peekClientHello(Buffer.from('GET / HTTP/1.1\r\n'))).toEqual({ kind: 'not-tls' });
  });
});

describe('mutual TLS (AWS docs: "How to turn on mutual TLS authentication for your REST APIs")', () => {
  let valid: CertificateAndKey;
  let wrongCa: CertificateAndKey;
  let expired: CertificateAndKey;

  beforeAll(async () => {
    const yearAgo = new Date(Date.now() - 365 * 24 * 3600 * 1000);
    [valid, wrongCa, expired] = await Promise.all([
      issueCertificate(clientCa, {
        commonName: 'partner-1',
        usage: 'client',
        subjectPrefix: 'C=US, O=Example Partner',
      }),
      issueCertificate(otherCa, { commonName: 'partner-1', usage: 'client' }),
      issueCertificate(clientCa, {
        commonName: 'partner-1',
        usage: 'client',
        notBefore: yearAgo,
        notAfter: new Date(yearAgo.getTime() + 1000),
      }),
    ]);
  });

  test('a trusted client certificate is served and handed on as AWS describes it', async () => {
    const outcome = await request('partners.example.com', valid);
    expect(outcome.status).toBe(200);
    const { clientCert } = JSON.parse(outcome.body ?? '');
    const cert = new X509Certificate(valid.cert);
    expect(clientCert).toEqual({
      clientCertPem: cert.toString(),
      subjectDN: 'C=US,O=Example Partner,CN=partner-1',
      issuerDN: 'CN=Test client CA',
      serialNumber: BigInt(`0x${cert.serialNumber}`).toString(10),
      validity: { notBefore: cert.validFrom, notAfter: cert.validTo },
    });
    expect(clientCert.validity.notAfter).toMatch(/^[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4} GMT$/);
  });

  test.each([
    ['no client certificate', {}],
    ['a certificate from another CA', 'wrongCa'],
    ['an expired certificate', 'expired'],
  ])('%s is refused with 403 Forbidden', async (_, which) => {
    const credentials = which === 'wrongCa' ? wrongCa : which === 'expired' ? expired : {};
    const outcome = await request('partners.example.com', credentials as ConnectionOptions);
    expect(outcome.status).toBe(403);
    expect(JSON.parse(outcome.body ?? '')).toEqual({ message: 'Forbidden' });
  });

  test('a domain without mutual TLS asks for no certificate and hands none on', async () => {
    const outcome = await request('api.example.com', valid);
    expect(JSON.parse(outcome.body ?? '').clientCert).toBeNull();
  });
});
