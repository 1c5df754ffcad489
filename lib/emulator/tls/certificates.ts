/**
 * X.509 certificates for the local HTTPS door: a certificate authority, server certificates it signs for
 * `localhost`, `127.0.0.1` and the custom domain names of the assembly, and client certificates (tests and
 * mutual TLS). EC P-256 keys: fast to make, accepted by every TLS client.
 */
import { randomBytes, webcrypto } from 'node:crypto';
import { isIP } from 'node:net';
import type * as X509 from '@peculiar/x509';

type CryptoKey = webcrypto.CryptoKey;
type CryptoKeyPair = webcrypto.CryptoKeyPair;

let loaded: typeof X509 | undefined;

/**
 * @peculiar/x509 on first use: it takes about 200 ms to load, which no plain-HTTP test should pay. It resolves
 * its algorithm providers through tsyringe, which needs the Reflect metadata polyfill loaded first.
 */
function ofX509(): typeof X509 {
  if (!loaded) {
    require('reflect-metadata');
    loaded = require('@peculiar/x509') as typeof X509;
    loaded.cryptoProvider.set(webcrypto as unknown as Parameters<typeof X509.cryptoProvider.set>[0]);
  }
  return loaded;
}

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A certificate and its private key, both PEM. */
export interface CertificateAndKey {
  readonly cert: string;
  readonly key: string;
}

export interface CertificateOptions {
  /** The subject's common name. */
  readonly commonName: string;
  /** Host names and IP addresses for the subjectAltName extension (server certificates). @default - none */
  readonly altNames?: readonly string[];
  /** `server` (serverAuth) or `client` (clientAuth). @default 'server' */
  readonly usage?: 'server' | 'client';
  /** @default - one hour ago (clock skew) */
  readonly notBefore?: Date;
  /** @default - 365 days after notBefore (the longest validity browsers accept for a leaf is 398 days) */
  readonly notAfter?: Date;
  /** Further subject attributes in order, e.g. `O=Example`. @default - none */
  readonly subjectPrefix?: string;
}

/** A new certificate authority (self-signed, may only sign end-entity certificates). */
export async function createCertificateAuthority(
  commonName: string,
  validity: { readonly notBefore?: Date; readonly notAfter?: Date } = {},
): Promise<CertificateAndKey> {
  const x509 = ofX509();
  const keys = (await webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify'])) as CryptoKeyPair;
  const notBefore = validity.notBefore ?? new Date(Date.now() - 60 * 60 * 1000);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serialNumber(),
    name: `CN=${escapeDn(commonName)}`,
    keys,
    signingAlgorithm: ALGORITHM,
    notBefore,
    notAfter: validity.notAfter ?? new Date(notBefore.getTime() + 10 * 365 * DAY_MS),
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { cert: cert.toString('pem'), key: await exportKey(keys.privateKey) };
}

/** A new end-entity certificate signed by `issuer`. */
export async function issueCertificate(
  issuer: CertificateAndKey,
  options: CertificateOptions,
): Promise<CertificateAndKey> {
  const x509 = ofX509();
  const issuerCert = new x509.X509Certificate(issuer.cert);
  const signingKey = await webcrypto.subtle.importKey(
    'pkcs8',
    x509.PemConverter.decodeFirst(issuer.key),
    ALGORITHM,
    false,
    ['sign'],
  );
  const keys = (await webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify'])) as CryptoKeyPair;
  const notBefore = options.notBefore ?? new Date(Date.now() - 60 * 60 * 1000);
  const usage = options.usage ?? 'server';
  const altNames = (options.altNames ?? []).map((name) =>
    isIP(name) ? { type: 'ip' as const, value: name } : { type: 'dns' as const, value: name },
  );
  const extensions: X509.Extension[] = [
    new x509.BasicConstraintsExtension(false, undefined, true),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
    new x509.ExtendedKeyUsageExtension([
      usage === 'server' ? x509.ExtendedKeyUsage.serverAuth : x509.ExtendedKeyUsage.clientAuth,
    ]),
    await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    await x509.AuthorityKeyIdentifierExtension.create(issuerCert),
  ];
  if (altNames.length > 0) extensions.push(new x509.SubjectAlternativeNameExtension(altNames));
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serialNumber(),
    subject: `${options.subjectPrefix ? `${options.subjectPrefix}, ` : ''}CN=${escapeDn(options.commonName)}`,
    issuer: issuerCert.subject,
    notBefore,
    notAfter: options.notAfter ?? new Date(notBefore.getTime() + 365 * DAY_MS),
    signingAlgorithm: ALGORITHM,
    publicKey: keys.publicKey,
    signingKey,
    extensions,
  });
  return { cert: cert.toString('pem'), key: await exportKey(keys.privateKey) };
}

async function exportKey(key: CryptoKey): Promise<string> {
  const x509 = ofX509();
  const der = await webcrypto.subtle.exportKey('pkcs8', key);
  return `${x509.PemConverter.encode(der, 'PRIVATE KEY')}\n`;
}

/** A positive 64-bit serial, random so that reissued certificates never collide (RFC 5280 §4.1.2.2). */
function serialNumber(): string {
  const bytes = randomBytes(8);
  bytes[0] &= 0x7f;
  bytes[0] |= 0x01;
  return bytes.toString('hex');
}

function escapeDn(value: string): string {
  return value.replace(/([,+"\\<>;=])/g, '\\$1');
}
