/**
 * Where a JWT authorizer's public keys come from. API Gateway fetches them from the issuer: its
 * `/.well-known/openid-configuration` names the `jwks_uri` (DG:http-api-jwt-authorizer). Locally a JWKS can
 * be given per issuer instead, as a file (a key set a test or a dev tool wrote) or a URL
 * (`LocalGatewayOptions.jwks`, `portico serve --jwks issuer=path`). When no key set can be loaded the
 * promise rejects and the request is refused: keys that cannot be read never let a token through.
 */
import { readFileSync, statSync } from 'node:fs';
import { createLocalJWKSet, createRemoteJWKSet, type JSONWebKeySet, type JWTVerifyGetKey } from '../../../vendor/jose';

export interface JwksOptions {
  /** Issuer → JWKS file path or `http(s)` URL. @default - discovered from the issuer */
  readonly jwks?: Readonly<Record<string, string>>;
  /** Time allowed for each discovery or key-set fetch. @default 5000 */
  readonly fetchTimeoutMs?: number;
}

export class JwksUnavailableError extends Error {
  constructor(issuer: string, detail: string) {
    super(`the keys of issuer ${issuer} cannot be loaded: ${detail}`);
    this.name = 'JwksUnavailableError';
  }
}

const withoutTrailingSlash = (url: string): string => url.replace(/\/+$/, '');

export class JwksResolver {
  private readonly configured = new Map<string, string>();
  private readonly files = new Map<string, { readonly mtimeMs: number; readonly keys: JWTVerifyGetKey }>();
  private readonly remote = new Map<string, Promise<JWTVerifyGetKey>>();
  private readonly timeoutMs: number;

  constructor(options: JwksOptions = {}) {
    for (const [issuer, source] of Object.entries(options.jwks ?? {})) {
      this.configured.set(withoutTrailingSlash(issuer), source);
    }
    this.timeoutMs = options.fetchTimeoutMs ?? 5000;
  }

  /** Whether a key set was given for this issuer (else discovery is attempted). */
  isConfigured(issuer: string): boolean {
    return this.configured.has(withoutTrailingSlash(issuer));
  }

  /** The issuer's key set; rejects with JwksUnavailableError when it cannot be loaded. */
  async keysFor(issuer: string): Promise<JWTVerifyGetKey> {
    const source = this.configured.get(withoutTrailingSlash(issuer));
    if (source !== undefined && !/^https?:\/\//i.test(source)) return this.fromFile(issuer, source);
    const key = source ?? `discover:${issuer}`;
    let keys = this.remote.get(key);
    if (!keys) {
      keys = source !== undefined ? Promise.resolve(this.fromUrl(issuer, source)) : this.discover(issuer);
      this.remote.set(key, keys);
      // A failed discovery is retried by the next request rather than remembered.
      keys.catch(() => this.remote.delete(key));
    }
    return keys;
  }

  /** Re-read when the file changes, so a test or a dev tool can rotate keys while the gateway runs. */
  private fromFile(issuer: string, file: string): JWTVerifyGetKey {
    let mtimeMs: number;
    try {
      mtimeMs = statSync(file).mtimeMs;
    } catch (error) {
      throw new JwksUnavailableError(issuer, `JWKS file ${file} cannot be read (${(error as Error).message})`);
    }
    const known = this.files.get(file);
    if (known && known.mtimeMs === mtimeMs) return known.keys;
    let keys: JWTVerifyGetKey;
    try {
      keys = createLocalJWKSet(JSON.parse(readFileSync(file, 'utf8')) as JSONWebKeySet);
    } catch (error) {
      throw new JwksUnavailableError(
        issuer,
        `JWKS file ${file} is not a JSON Web Key Set (${(error as Error).message})`,
      );
    }
    this.files.set(file, { mtimeMs, keys });
    return keys;
  }

  private fromUrl(issuer: string, url: string): JWTVerifyGetKey {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new JwksUnavailableError(issuer, `${url} is not a URL`);
    }
    const keys = createRemoteJWKSet(parsed, { timeoutDuration: this.timeoutMs });
    return async (header, token) => {
      try {
        return await keys(header, token);
      } catch (error) {
        // A key the set does not hold is the token's fault (401 either way); a fetch failure is named as such.
        const code = (error as { code?: string }).code;
        if (code === 'ERR_JWKS_NO_MATCHING_KEY' || code === 'ERR_JWKS_MULTIPLE_MATCHING_KEYS') throw error;
        throw new JwksUnavailableError(issuer, `${url}: ${(error as Error).message}`);
      }
    };
  }

  private async discover(issuer: string): Promise<JWTVerifyGetKey> {
    const configurationUrl = `${withoutTrailingSlash(issuer)}/.well-known/openid-configuration`;
    let jwksUri: unknown;
    try {
      const response = await fetch(configurationUrl, { signal: AbortSignal.timeout(this.timeoutMs) });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      jwksUri = ((await response.json()) as { jwks_uri?: unknown }).jwks_uri;
    } catch (error) {
      throw new JwksUnavailableError(
        issuer,
        `${configurationUrl} failed (${(error as Error).message}); give a JWKS file or URL for this issuer (--jwks ${issuer}=<file>)`,
      );
    }
    if (typeof jwksUri !== 'string') throw new JwksUnavailableError(issuer, `${configurationUrl} names no jwks_uri`);
    return this.fromUrl(issuer, jwksUri);
  }
}
