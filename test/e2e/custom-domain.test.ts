/**
 * A custom domain across two REST and two HTTP APIs (the AWS docs' mapping table, custom-domain-stack.ts), in
 * process and over HTTPS with mutual TLS: which API answers, the path it is given, `$context.domainName`,
 * `domainPrefix`, `customDomain.basePathMatched`, and the client certificate in REST and HTTP events.
 */
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:tls';
import { LocalGateway } from '../../lib/emulator/local-gateway';
import type { RunningServer } from '../../lib/emulator/server';
import {
  type CertificateAndKey,
  createCertificateAuthority,
  issueCertificate,
} from '../../lib/emulator/tls/certificates';
import type { LocalHttpsSetup } from '../../lib/emulator/tls/local-https';
import { buildCustomDomainStack } from './custom-domain-stack';

let dir: string;
let gw: LocalGateway;
let clientCa: CertificateAndKey;
let client: CertificateAndKey;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'portico-domain-'));
  clientCa = await createCertificateAuthority('Partner CA');
  client = await issueCertificate(clientCa, { commonName: 'partner', usage: 'client', subjectPrefix: 'O=Partner' });
  writeFileSync(join(dir, 'truststore.pem'), clientCa.cert);
  gw = await LocalGateway.fromStack(buildCustomDomainStack(join(dir, 'truststore.pem')), { loopback: false });
});

afterAll(async () => {
  await gw.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The construct id (`Api1`...) of the API whose id the event names. */
const apiNamed = (apiId: string) =>
  [...gw.model.apis, ...gw.model.httpApis].find((api) => api.apiId === apiId)?.logicalId.replace(/[0-9A-F]{8}$/, '');

/** The fields of the echo handler's answer (custom-domain-stack.ts). */
interface Echo {
  readonly apiId: string;
  readonly path?: string;
  readonly rawPath?: string;
  readonly resource?: string;
  readonly domainName: string;
  readonly domainPrefix: string;
}

const call = async (url: string) => {
  const res = await gw.fetch(url);
  expect(res.status).toBe(200);
  const body = (await res.json()) as Echo;
  return { status: res.status, body: { ...body, api: apiNamed(body.apiId) } };
};

describe("the AWS docs' mapping table, REST and HTTP APIs on one domain (in process)", () => {
  test.each([
    ['/orders/v1/items/123', 'Api2', '/orders/v1/items/123'],
    ['/orders/v2/items/categories/5', 'Api4', '/orders/v2/items/categories/5'],
    ['/orders/v2/items/7', 'Api3', '/orders/v2/items/7'],
    ['/customers', 'Api1', '/customers'],
  ])('%s is answered by %s', async (path, api, eventPath) => {
    const { status, body } = await call(`https://api.example.com${path}`);
    expect(status).toBe(200);
    expect(body.api).toBe(api);
    // REST events keep the base path in `path` (AWS docs: "Lambda proxy integrations"); so does the emulator's
    // HTTP API `rawPath` (AWS is silent; docs/decisions/0010). Routing uses the path below the base path.
    expect(body.path ?? body.rawPath).toBe(eventPath);
    expect(body).toMatchObject({ domainName: 'api.example.com', domainPrefix: 'api' });
  });

  test('the REST backend resource is the path below the base path, and the access log names the matched mapping', async () => {
    const { body } = await call('https://api.example.com/orders/v2/items/7');
    expect(body.resource).toBe('/{proxy+}');
    expect(gw.accessLog.at(-1)).toMatch(/ api\.example\.com api orders\/v2\/items \/\{proxy\+\}$/);
  });

  test('the domain keeps its mutual TLS truststore from the assembly asset', () => {
    const [domain] = gw.model.domains;
    expect(domain.mutualTls?.truststoreFile).toMatch(/asset\..*\.pem$/);
    expect(domain.securityPolicy).toBe('TLS_1_2');
    expect(domain.mappings.map((m) => m.basePath).sort()).toEqual(
      ['(none)', 'orders/v1/items', 'orders/v2/items', 'orders/v2/items/categories'].sort(),
    );
  });
});

test('in process, clientCertificate stands in for the mutual TLS handshake', async () => {
  const withCert = new LocalGateway(gw.model, { loopback: false, clientCertificate: client.cert });
  try {
    const res = await withCert.fetch('https://api.example.com/orders/v1/items/1');
    expect(((await res.json()) as { authenticationClientCert: unknown }).authenticationClientCert).toMatchObject({
      subjectDN: 'O=Partner,CN=partner',
    });
  } finally {
    await withCert.close();
  }
});

describe('over HTTPS with mutual TLS', () => {
  let https: RunningServer & { readonly setup: LocalHttpsSetup };

  beforeAll(async () => {
    https = await gw.serveHttps({ port: 0, cacheDirectory: dir });
  });
  afterAll(() => https.close());

  const get = (path: string, credentials: Partial<CertificateAndKey>) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const socket = connect({
        host: '127.0.0.1',
        port: https.port,
        servername: 'api.example.com',
        ca: https.setup.ca?.cert,
        ...credentials,
      });
      let data = '';
      socket.on('secureConnect', () =>
        socket.write(`GET ${path} HTTP/1.1\r\nHost: api.example.com\r\nConnection: close\r\n\r\n`),
      );
      socket.on('data', (chunk) => {
        data += chunk;
      });
      socket.on('end', () => {
        const [head, body] = data.split('\r\n\r\n');
        resolve({ status: Number(head.split(' ')[1]), body });
      });
      socket.on('error', reject);
    });

  test('the local CA is kept in the cache directory and the certificate is trusted through it', () => {
    expect(https.setup.ca?.certPath).toBe(join(dir, 'tls', 'portico-local-ca.pem'));
    expect(https.setup.problems).toEqual([]);
  });

  test('a REST API gets the client certificate in requestContext.identity.clientCert', async () => {
    const { status, body } = await get('/orders/v2/items/7', client);
    expect(status).toBe(200);
    const event = JSON.parse(body);
    expect(apiNamed(event.apiId)).toBe('Api3');
    expect(event.identityClientCert).toMatchObject({
      clientCertPem: new X509Certificate(client.cert).toString(),
      subjectDN: 'O=Partner,CN=partner',
      issuerDN: 'CN=Partner CA',
    });
  });

  test('an HTTP API gets it in requestContext.authentication.clientCert', async () => {
    const { status, body } = await get('/orders/v1/items/1', client);
    expect(status).toBe(200);
    expect(JSON.parse(body).authenticationClientCert).toMatchObject({ subjectDN: 'O=Partner,CN=partner' });
  });

  test('without a client certificate the domain answers 403 Forbidden', async () => {
    expect(await get('/customers', {})).toEqual({ status: 403, body: '{"message":"Forbidden"}' });
  });
});
