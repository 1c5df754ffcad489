/**
 * The local certificate authority of `portico serve --https`: made once and kept in the user's cache
 * directory, so a developer trusts it once (in the OS store, or with `curl --cacert`, `NODE_EXTRA_CA_CERTS`)
 * and every later server certificate, for whatever domain names the assembly declares, is trusted too.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { type CertificateAndKey, createCertificateAuthority, issueCertificate } from './certificates';

/** Names every local server certificate covers besides the custom domains. */
export const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '::1'] as const;

/** `$PORTICO_CACHE_DIR`, else `$XDG_CACHE_HOME/portico`, else the platform's cache folder. */
export function cacheDirectory(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PORTICO_CACHE_DIR) return env.PORTICO_CACHE_DIR;
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'portico');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'portico');
  if (process.platform === 'win32' && env.LOCALAPPDATA) return join(env.LOCALAPPDATA, 'portico', 'cache');
  return join(homedir(), '.cache', 'portico');
}

export interface LocalCa extends CertificateAndKey {
  /** Path of the CA certificate (what to trust). */
  readonly certPath: string;
  /** True when this call made it (print how to trust it). */
  readonly created: boolean;
}

/** The CA kept in `directory/tls`, made on first use. Its key file is readable by the user only. */
export async function loadOrCreateLocalCa(directory = cacheDirectory()): Promise<LocalCa> {
  const folder = join(directory, 'tls');
  const certPath = join(folder, 'portico-local-ca.pem');
  const keyPath = join(folder, 'portico-local-ca-key.pem');
  if (existsSync(certPath) && existsSync(keyPath)) {
    return { cert: readFileSync(certPath, 'utf8'), key: readFileSync(keyPath, 'utf8'), certPath, created: false };
  }
  const ca = await createCertificateAuthority(`Portico local CA (${process.env.USER ?? 'developer'})`);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  writeFileSync(keyPath, ca.key, { mode: 0o600 });
  writeFileSync(certPath, ca.cert, { mode: 0o644 });
  return { ...ca, certPath, created: true };
}

/** A server certificate from the CA for localhost, 127.0.0.1, ::1 and the given domain names. */
export function issueServerCertificate(
  ca: CertificateAndKey,
  domainNames: readonly string[],
): Promise<CertificateAndKey> {
  const names = [...new Set([...LOOPBACK_NAMES, ...domainNames.map((name) => name.toLowerCase())])];
  return issueCertificate(ca, { commonName: 'localhost', altNames: names, usage: 'server' });
}
