/**
 * REST `COGNITO_USER_POOLS` authorizers (AWS docs: "Control access to REST APIs using Amazon Cognito user
 * pools as an authorizer"; "Integrate a REST API with an Amazon Cognito user pool"). The token from the
 * identity source must be signed by one of the authorizer's pools and unexpired. A method without OAuth
 * scopes takes an ID token (`token_use: "id"`); a method with `AuthorizationScopes` takes an access token
 * (`token_use: "access"`) whose `scope` holds at least one of them. Every refusal is 401 Unauthorized.
 * The pool's keys come from `CognitoKeys`: without them every token is refused (fail closed).
 */
import { decodeJwt, type JWTPayload, jwtVerify } from '../../../vendor/jose';
import { type CognitoKeys, type CognitoPool, poolOfArn } from '../../authorization/cognito-pools';

export type CognitoVerdict =
  | { readonly ok: true; readonly claims: Readonly<Record<string, string>>; readonly sub?: string }
  | { readonly ok: false; readonly error: string };

const refuse = (error: string): CognitoVerdict => ({ ok: false, error });

export async function verifyCognitoToken(
  token: string,
  providerArns: readonly string[],
  keys: CognitoKeys,
  nowMs: number,
  scopes: readonly string[] = [],
): Promise<CognitoVerdict> {
  let unverified: JWTPayload;
  try {
    unverified = decodeJwt(token);
  } catch {
    return refuse('the token is not a JWT');
  }
  const pools = providerArns.flatMap((arn) => poolOfArn(arn) ?? []);
  const pool: CognitoPool | undefined = pools.find((p) => p.issuer === unverified.iss);
  if (!pool) {
    return refuse(
      `the token's issuer ${String(unverified.iss)} is not a user pool of this authorizer (${pools.map((p) => p.poolId).join(', ') || 'none'})`,
    );
  }
  const getKey = await keys.keysFor(pool);
  if (typeof getKey === 'string') return refuse(getKey);
  let claims: JWTPayload;
  try {
    ({ payload: claims } = await jwtVerify(token, getKey, {
      issuer: pool.issuer,
      algorithms: ['RS256'],
      requiredClaims: ['exp'],
      currentDate: new Date(nowMs),
    }));
  } catch (error) {
    const code = (error as { code?: string }).code;
    return refuse(
      code === 'ERR_JWT_EXPIRED' ? 'the token has expired' : `the token is invalid (${(error as Error).message})`,
    );
  }
  if (scopes.length === 0) {
    if (claims.token_use !== 'id')
      return refuse('the method has no OAuth scopes, so it takes an ID token (token_use id)');
  } else {
    if (claims.token_use !== 'access')
      return refuse('the method has OAuth scopes, so it takes an access token (token_use access)');
    const granted = typeof claims.scope === 'string' ? claims.scope.split(' ') : [];
    if (!scopes.some((scope) => granted.includes(scope))) {
      return refuse(`the token has none of the method's scopes [${scopes.join(' ')}]`);
    }
  }
  return { ok: true, claims: restClaims(claims), sub: typeof claims.sub === 'string' ? claims.sub : undefined };
}

/**
 * Claims as REST puts them in `requestContext.authorizer.claims`: every value a string, and `exp` and
 * `iat` written as Java prints a date (`Fri Mar 15 20:00:07 UTC 2019`) while `auth_time` stays a number.
 */
export function restClaims(claims: JWTPayload): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(claims)) {
    if (value === undefined || value === null) continue;
    if ((name === 'exp' || name === 'iat') && typeof value === 'number') out[name] = javaDate(value);
    else if (Array.isArray(value)) out[name] = value.map(String).join(',');
    else out[name] = typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
  return out;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function javaDate(epochSeconds: number): string {
  const d = new Date(epochSeconds * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}
