/**
 * Mints HS256 tokens the example authorizer accepts with its local development settings
 * (./dev-secret.ts). For local curl use and tests only.
 */
import { SignJWT } from 'jose';
import { DEV_JWT_AUDIENCE, DEV_JWT_ISSUER, DEV_JWT_SECRET } from './dev-secret';

export interface DevTokenOptions {
  /** Subject: the caller's user id (`u-1`). */
  readonly sub: string;
  /** Scopes, as a list or one space-separated string; written as the OAuth `scope` claim. @default - none */
  readonly scopes?: readonly string[] | string;
  /** Lifetime: seconds from now (negative gives an expired token) or a jose time span (`'2h'`). @default '1h' */
  readonly expiresIn?: number | string;
  /** @default DEV_JWT_SECRET */
  readonly secret?: string;
  /** @default DEV_JWT_ISSUER */
  readonly issuer?: string;
  /** @default DEV_JWT_AUDIENCE */
  readonly audience?: string;
}

export async function signDevToken(options: DevTokenOptions): Promise<string> {
  const nowSeconds = Math.floor(Date.now() / 1000);
  const { expiresIn = '1h' } = options;
  const scopes = typeof options.scopes === 'string' ? options.scopes.split(/\s+/) : (options.scopes ?? []);
  const scope = scopes.filter(Boolean).join(' ');
  return new SignJWT(scope ? { scope } : {})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(options.sub)
    .setIssuer(options.issuer ?? DEV_JWT_ISSUER)
    .setAudience(options.audience ?? DEV_JWT_AUDIENCE)
    .setIssuedAt(nowSeconds)
    .setExpirationTime(typeof expiresIn === 'number' ? nowSeconds + expiresIn : expiresIn)
    .sign(new TextEncoder().encode(options.secret ?? DEV_JWT_SECRET));
}
