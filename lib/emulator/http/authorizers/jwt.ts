/**
 * JWT authorizer validation, the steps API Gateway documents (DG:http-api-jwt-authorizer), with jose:
 * 1. the identity source holds the token, alone or after `Bearer `;
 * 2. the header names a `kid` and an RSA algorithm (`alg: none`, HMAC and EC tokens are refused);
 * 3. the signature verifies with the issuer's key of that `kid`;
 * 4. `iss` equals the issuer; `aud` or `client_id` is one of the audiences; `exp` is in the future; `nbf`
 *    and `iat`, when present, are not;
 * 5. when the route names scopes, the token's `scope`/`scp` holds at least one of them (else 403).
 * Any failure refuses the request; nothing here ever lets an unverified token through.
 */
import { decodeProtectedHeader, type JWTPayload, type JWTVerifyGetKey, jwtVerify } from '../../../vendor/jose';

/** API Gateway accepts only RSA-signed tokens (DG:http-api-jwt-authorizer). */
export const JWT_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'];

export interface JwtAuthorizerSettings {
  readonly issuer: string;
  readonly audience: readonly string[];
}

export type JwtVerdict =
  | { readonly ok: true; readonly claims: JWTPayload; readonly scopes: readonly string[] | null }
  /** 401 `invalid_token` or 403 `insufficient_scope`; `description` goes into `www-authenticate`. */
  | { readonly ok: false; readonly status: 401 | 403; readonly description: string };

const refuse = (description: string): JwtVerdict => ({ ok: false, status: 401, description });

/** `Bearer abc` or `abc` → `abc`. */
export function tokenOf(identityValue: string): string {
  return identityValue.replace(/^\s*bearer\s+/i, '').trim();
}

export async function verifyJwt(
  token: string,
  settings: JwtAuthorizerSettings,
  keys: () => Promise<JWTVerifyGetKey>,
  nowMs: number,
  routeScopes: readonly string[] = [],
): Promise<JwtVerdict> {
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(token);
  } catch {
    return refuse('the token is not a JWT');
  }
  if (typeof header.alg !== 'string' || !JWT_ALGORITHMS.includes(header.alg)) {
    return refuse(`signing method ${String(header.alg)} is invalid: only RSA signatures are accepted`);
  }
  if (typeof header.kid !== 'string' || header.kid === '') return refuse('the token header has no kid');
  if (settings.audience.length === 0) return refuse('the authorizer names no audience');

  let claims: JWTPayload;
  try {
    const getKey = await keys();
    ({ payload: claims } = await jwtVerify(token, getKey, {
      issuer: settings.issuer,
      algorithms: JWT_ALGORITHMS,
      requiredClaims: ['exp'],
      currentDate: new Date(nowMs),
    }));
  } catch (error) {
    return refuse(describeFailure(error));
  }
  const nowSeconds = nowMs / 1000;
  if (typeof claims.iat === 'number' && claims.iat > nowSeconds) return refuse('the token was issued in the future');
  const audiences = typeof claims.aud === 'string' ? [claims.aud] : (claims.aud ?? []);
  const clientId = typeof claims.client_id === 'string' ? claims.client_id : undefined;
  const audienceOk =
    audiences.some((aud) => settings.audience.includes(aud)) ||
    (clientId !== undefined && settings.audience.includes(clientId));
  if (!audienceOk) return refuse('the token does not have a valid audience');

  const scopes = scopesOf(claims);
  if (routeScopes.length > 0 && !routeScopes.some((scope) => scopes?.includes(scope))) {
    return { ok: false, status: 403, description: `expected scopes: [${routeScopes.join(' ')}]` };
  }
  return { ok: true, claims, scopes };
}

/** `scope: "a b"` (OAuth 2) or `scp: ["a", "b"]` / `scp: "a b"`; null when the token carries none. */
export function scopesOf(claims: JWTPayload): string[] | null {
  const raw = claims.scope ?? claims.scp;
  if (typeof raw === 'string') return raw.split(' ').filter((scope) => scope !== '');
  if (Array.isArray(raw)) return raw.filter((scope): scope is string => typeof scope === 'string');
  return null;
}

/**
 * Claims as the integration sees them: every value a string (fixtures: `"exp": "1718722804"`); a list is
 * written `[a b]` the way API Gateway's Go runtime prints it, a map as JSON (emulator choice).
 */
export function stringifyClaims(claims: JWTPayload): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(claims)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) out[name] = `[${value.map((item) => String(item)).join(' ')}]`;
    else out[name] = typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
  return out;
}

function describeFailure(error: unknown): string {
  const code = (error as { code?: string }).code;
  switch (code) {
    case 'ERR_JWT_EXPIRED':
      return 'the token has expired';
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED': {
      const claim = (error as { claim?: string }).claim;
      if (claim === 'iss') return 'the token does not have a valid issuer';
      if (claim === 'nbf') return 'the token is not valid yet';
      return `the token's ${claim ?? 'claims'} claim is invalid`;
    }
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return 'the token signature is invalid';
    case 'ERR_JWKS_NO_MATCHING_KEY':
      return "no key of the issuer matches the token's kid";
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
      return 'the token signing algorithm is not allowed';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
