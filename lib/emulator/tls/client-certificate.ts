/**
 * The client certificate of a mutual TLS connection as API Gateway hands it to authorizers and integrations
 * (AWS docs: "How to turn on mutual TLS authentication for your REST APIs in API Gateway",
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-mutual-tls.html, and "Create AWS Lambda
 * proxy integrations for HTTP APIs"): REST `requestContext.identity.clientCert`, HTTP API (2.0)
 * `requestContext.authentication.clientCert`, with the PEM, the subject and issuer DNs (attributes in certificate
 * order, comma-separated: `C=US,ST=Washington,…,CN=My Client`), the serial number and OpenSSL-style validity dates.
 */
import { X509Certificate } from 'node:crypto';
import type { TLSSocket } from 'node:tls';

export interface ClientCertificate {
  readonly clientCertPem: string;
  readonly subjectDN: string;
  readonly issuerDN: string;
  readonly serialNumber: string;
  readonly validity: { readonly notBefore: string; readonly notAfter: string };
}

/** The verified client certificate of a TLS socket, or undefined (plain HTTP, none sent, not trusted). */
export function clientCertificateOf(socket: unknown): ClientCertificate | undefined {
  const tls = socket as Partial<TLSSocket> | undefined;
  if (typeof tls?.getPeerX509Certificate !== 'function' || !tls.authorized) return undefined;
  const cert = tls.getPeerX509Certificate();
  return cert ? describeClientCertificate(cert) : undefined;
}

export function describeClientCertificate(cert: X509Certificate): ClientCertificate {
  return {
    clientCertPem: cert.toString(),
    subjectDN: distinguishedName(cert.subject),
    issuerDN: distinguishedName(cert.issuer),
    // AWS's own sample shows a serial of 1 as "1": the integer in decimal.
    serialNumber: BigInt(`0x${cert.serialNumber}`).toString(10),
    validity: { notBefore: cert.validFrom, notAfter: cert.validTo },
  };
}

/** Node writes one attribute per line in certificate order; AWS joins them with commas. */
function distinguishedName(lines: string): string {
  return lines.split('\n').filter(Boolean).join(',');
}

export { X509Certificate };
