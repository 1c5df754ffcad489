/**
 * Tokens shaped like the ones a Cognito user pool issues, signed by the local key (`portico token`,
 * and tests). An ID token carries `aud` (the app client), `token_use: "id"` and the user's attributes; an
 * access token carries `client_id`, `token_use: "access"` and `scope` (Amazon Cognito Developer Guide:
 * "Understanding user pool JSON web tokens (JWTs)").
 */
import { randomUUID } from 'node:crypto';
import type { CognitoPool } from './cognito-pools';
import { signLocalToken } from './local-token-key';

export interface CognitoTokenOptions {
  readonly pool: CognitoPool;
  /** `id` (the default without scopes) or `access` (the default with scopes). */
  readonly tokenUse?: 'id' | 'access';
  /** @default 'local-user' */
  readonly sub?: string;
  /** The app client id (`aud` of an ID token, `client_id` of an access token). @default 'local-client' */
  readonly clientId?: string;
  readonly scopes?: readonly string[];
  /** More claims (`email`, `cognito:groups`, custom attributes); they override the defaults. */
  readonly claims?: Readonly<Record<string, unknown>>;
  /** @default 3600; negative for an expired token */
  readonly expiresInSeconds?: number;
  readonly keyFile?: string;
  readonly now?: number;
}

export async function mintCognitoToken(options: CognitoTokenOptions): Promise<string> {
  const tokenUse = options.tokenUse ?? (options.scopes && options.scopes.length > 0 ? 'access' : 'id');
  const sub = options.sub ?? 'local-user';
  const clientId = options.clientId ?? 'local-client';
  const authTime = Math.floor((options.now ?? Date.now()) / 1000);
  const base: Record<string, unknown> =
    tokenUse === 'id'
      ? { sub, aud: clientId, token_use: 'id', 'cognito:username': sub, auth_time: authTime }
      : { sub, client_id: clientId, token_use: 'access', username: sub, auth_time: authTime, jti: randomUUID() };
  return signLocalToken({
    issuer: options.pool.issuer,
    claims: { ...base, ...options.claims },
    scopes: tokenUse === 'access' ? options.scopes : undefined,
    expiresInSeconds: options.expiresInSeconds,
    keyFile: options.keyFile,
    now: options.now,
  });
}
