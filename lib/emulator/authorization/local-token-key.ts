/**
 * The local signing key of `portico token`: an RSA key pair kept in a file outside the project (so it is
 * never committed), created on first use. `portico serve` accepts tokens signed by it only for the pools
 * or issuers it is told to (`--trust-local-tokens`), never for any other.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JSONWebKeySet, type JWK, SignJWT } from '../../vendor/jose';

/** The `kid` of the local key: a token signed by it says so in its header. */
export const LOCAL_KEY_ID = 'portico-local-key';
const ALGORITHM = 'RS256';

/** `PORTICO_LOCAL_KEY_FILE`, else `~/.portico/local-token-key.json`. */
export function defaultLocalKeyFile(): string {
  return process.env.PORTICO_LOCAL_KEY_FILE || join(homedir(), '.portico', 'local-token-key.json');
}

/** The private key (as a JWK), created and written (mode 0600) when the file does not exist yet. */
async function localPrivateJwk(file: string): Promise<JWK> {
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as JWK;
  const { privateKey } = await generateKeyPair(ALGORITHM, { extractable: true });
  const jwk: JWK = { ...(await exportJWK(privateKey)), kid: LOCAL_KEY_ID, alg: ALGORITHM, use: 'sig' };
  mkdirSync(dirname(file), { recursive: true });
  // Written exclusively: two processes racing to create it keep the first one's key.
  try {
    writeFileSync(file, JSON.stringify(jwk), { flag: 'wx', mode: 0o600 });
    chmodSync(file, 0o600);
  } catch (error) {
    if ((error as { code?: string }).code !== 'EEXIST') throw error;
    return JSON.parse(readFileSync(file, 'utf8')) as JWK;
  }
  return jwk;
}

/** The public half, as the JWKS a pool or issuer would publish. */
export async function localPublicKeySet(file: string = defaultLocalKeyFile()): Promise<JSONWebKeySet> {
  const { kty, n, e, kid, alg } = await localPrivateJwk(file);
  return { keys: [{ kty, n, e, kid, alg, use: 'sig' }] };
}

/** The public key set written beside the key file (`<file>.jwks.json`), for loaders that read a file. */
export async function localPublicKeySetFile(file: string = defaultLocalKeyFile()): Promise<string> {
  const publicFile = `${file.replace(/\.json$/, '')}.jwks.json`;
  writeFileSync(publicFile, JSON.stringify(await localPublicKeySet(file)));
  return publicFile;
}

export interface LocalTokenOptions {
  /** `iss` of the token: a pool's issuer (`https://cognito-idp.<region>.amazonaws.com/<poolId>`) or any issuer. */
  readonly issuer: string;
  /** Claims, e.g. `{ sub: 'u-1', email: 'a@example.com', 'cognito:groups': ['admin'] }`. */
  readonly claims?: Readonly<Record<string, unknown>>;
  /** OAuth scopes (`scope` claim). @default - none */
  readonly scopes?: readonly string[];
  /** Lifetime in seconds; negative for an already expired token. @default 3600 */
  readonly expiresInSeconds?: number;
  /** The local key file. @default - `defaultLocalKeyFile()` */
  readonly keyFile?: string;
  /** Now, in epoch milliseconds. @default Date.now() */
  readonly now?: number;
}

/** A JWT signed by the local key. */
export async function signLocalToken(options: LocalTokenOptions): Promise<string> {
  const key = await importJWK(await localPrivateJwk(options.keyFile ?? defaultLocalKeyFile()), ALGORITHM);
  const nowSeconds = Math.floor((options.now ?? Date.now()) / 1000);
  const expiresIn = options.expiresInSeconds ?? 3600;
  const payload: Record<string, unknown> = { ...options.claims };
  if (options.scopes && options.scopes.length > 0) payload.scope = options.scopes.join(' ');
  return new SignJWT(payload)
    .setProtectedHeader({ alg: ALGORITHM, kid: LOCAL_KEY_ID, typ: 'JWT' })
    .setIssuer(options.issuer)
    .setIssuedAt(Math.min(nowSeconds, nowSeconds + expiresIn - 1))
    .setExpirationTime(nowSeconds + expiresIn)
    .sign(key);
}
