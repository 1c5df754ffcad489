/**
 * What the HTTPS door needs from an assembly: a certificate for localhost and every custom domain name (from the
 * local CA, or the user's own `--cert/--key`), and each domain's security policy and truststore (the template's
 * truststore asset, or a `--truststore` PEM file that stands in for the S3 object).
 */
import { existsSync, readFileSync } from 'node:fs';
import type { GatewayModel } from '../model';
import type { CertificateAndKey } from './certificates';
import type { HttpsDomain } from './https-server';
import { issueServerCertificate, type LocalCa, loadOrCreateLocalCa } from './local-ca';
import { tlsPolicyOptions } from './security-policy';

export interface LocalHttpsOptions {
  /** PEM certificate file to serve instead of one from the local CA (with `key`). @default - issued by the local CA */
  readonly cert?: string;
  /** PEM private key file of `cert`. */
  readonly key?: string;
  /** PEM bundle of client CAs for every mutual TLS domain. @default - the truststore asset in the assembly */
  readonly truststore?: string;
  /** Where the local CA is kept. @default - the user cache directory (local-ca.ts) */
  readonly cacheDirectory?: string;
}

export interface LocalHttpsSetup {
  readonly certificate: CertificateAndKey;
  readonly domains: readonly HttpsDomain[];
  /** The local CA, when it issued the certificate. */
  readonly ca?: LocalCa;
  /** Domains that cannot be served as declared, with the reason (printed at start). */
  readonly problems: readonly string[];
}

export async function prepareLocalHttps(
  model: GatewayModel,
  options: LocalHttpsOptions = {},
): Promise<LocalHttpsSetup> {
  if ((options.cert === undefined) !== (options.key === undefined)) {
    throw new Error('Pass both --cert and --key (PEM files), or neither to use the local CA.');
  }
  const problems: string[] = [];
  const override = options.truststore === undefined ? undefined : readFileSync(options.truststore, 'utf8');
  const domains: HttpsDomain[] = [];
  for (const domain of model.domains) {
    let securityPolicy = domain.securityPolicy;
    if (securityPolicy !== undefined && !tlsPolicyOptions(securityPolicy)) {
      problems.push(`${domain.domainName}: security policy "${securityPolicy}" is unknown here; served with TLS_1_2`);
      securityPolicy = undefined;
    }
    let truststore: string | undefined;
    if (domain.mutualTls) {
      const file = domain.mutualTls.truststoreFile;
      truststore = override ?? (file && existsSync(file) ? readFileSync(file, 'utf8') : undefined);
      if (truststore === undefined) {
        // Fail closed: a mutual TLS domain without its truststore refuses every client certificate.
        problems.push(
          `${domain.domainName}: mutual TLS truststore ${domain.mutualTls.truststoreUri} is not in the assembly; ` +
            'pass --truststore <pem file> (until then every request is refused with 403)',
        );
        truststore = '';
      }
    }
    domains.push({ domainName: domain.domainName, securityPolicy, truststore });
  }
  if (options.cert !== undefined && options.key !== undefined) {
    const certificate = { cert: readFileSync(options.cert, 'utf8'), key: readFileSync(options.key, 'utf8') };
    return { certificate, domains, problems };
  }
  const ca = await loadOrCreateLocalCa(options.cacheDirectory);
  const certificate = await issueServerCertificate(
    ca,
    model.domains.map((domain) => domain.domainName),
  );
  return { certificate, domains, ca, problems };
}
