/**
 * REST REQUEST authorizer (AWS docs: "Input to an API Gateway Lambda authorizer"; "Output from an API Gateway Lambda authorizer"): verifies `Authorization: Bearer <jwt>`
 * (HS256, issuer, audience and expiry checked) and allows the caller into the whole API stage,
 * passing `{userId, scopes}` as context for the services (`lambdas/shared/http.ts` reads it back).
 *
 * Environment: JWT_SECRET (at least 32 bytes), JWT_ISSUER, JWT_AUDIENCE — all required; a missing
 * one is a configuration error (API Gateway answers 500), never a silent allow.
 */

import { webcrypto } from 'node:crypto';
import type {
  APIGatewayAuthorizerResult,
  APIGatewayRequestAuthorizerEvent,
  APIGatewayTokenAuthorizerEvent,
} from 'aws-lambda';
import { type JWTPayload, jwtVerify } from 'jose';

/** Pinning the algorithm is what makes `alg: none` and algorithm-confusion tokens fail. */
const ALGORITHMS = ['HS256'];
const MIN_SECRET_BYTES = 32;

/** API Gateway turns exactly this error message into 401 `{"message":"Unauthorized"}` (AWS docs: "Output from an API Gateway Lambda authorizer"). */
const unauthorized = () => new Error('Unauthorized');

// Imported once per secret and kept for the life of the warm worker: importing a key is the costly
// part of an HMAC check, and the environment does not change between invocations.
let cachedKey: { readonly secret: string; readonly key: Promise<webcrypto.CryptoKey> } | undefined;

function verificationKey(secret: string): Promise<webcrypto.CryptoKey> {
  if (cachedKey?.secret !== secret) {
    const key = webcrypto.subtle.importKey(
      'raw',
      Buffer.from(secret, 'utf8'),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['verify'],
    );
    cachedKey = { secret, key };
  }
  return cachedKey.key;
}

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Authorizer misconfigured: environment variable ${name} is not set`);
  return value;
}

function bearerToken(event: APIGatewayRequestAuthorizerEvent | APIGatewayTokenAuthorizerEvent): string | undefined {
  let header: string | undefined;
  if (event.type === 'TOKEN') {
    header = event.authorizationToken;
  } else {
    // Header names keep the client's casing in REST events (AWS docs: "Lambda proxy integrations in API Gateway").
    const entry = Object.entries(event.headers ?? {}).find(([name]) => name.toLowerCase() === 'authorization');
    header = entry?.[1];
  }
  return /^Bearer +(\S+) *$/i.exec(header ?? '')?.[1];
}

/** Scopes from the OAuth `scope` claim (space-separated) and/or a `scopes` array; anything else is malformed. */
function scopesOf(payload: JWTPayload): string[] | undefined {
  const scopes: string[] = [];
  const { scope, scopes: list } = payload;
  if (scope !== undefined) {
    if (typeof scope !== 'string') return undefined;
    scopes.push(...scope.split(/\s+/).filter(Boolean));
  }
  if (list !== undefined) {
    if (!Array.isArray(list) || !list.every((s) => typeof s === 'string' && !/\s/.test(s) && s !== '')) {
      return undefined;
    }
    scopes.push(...list);
  }
  return [...new Set(scopes)];
}

/**
 * The whole-stage ARN for a `methodArn` (`arn:aws:execute-api:region:account:apiId/stage/VERB/path`):
 * the same `apiId/stage`, then a wildcard for any verb and one for any path. The policy must cover every method of the stage, not just this `methodArn`: API Gateway caches
 * it per token and reuses it for every method behind this authorizer, so a policy naming only the
 * first method would 403 the caller's next request to another route (AWS docs: "Configure an API Gateway Lambda authorizer").
 */
export function stageWildcardArn(methodArn: string): string {
  const [apiArn, stage] = methodArn.split('/');
  if (!apiArn?.startsWith('arn:') || !stage) throw new Error(`Unexpected methodArn: ${methodArn}`);
  return `${apiArn}/${stage}/*/*`;
}

export async function handler(
  event: APIGatewayRequestAuthorizerEvent | APIGatewayTokenAuthorizerEvent,
): Promise<APIGatewayAuthorizerResult> {
  const secret = requiredEnv('JWT_SECRET');
  if (Buffer.byteLength(secret, 'utf8') < MIN_SECRET_BYTES) {
    throw new Error(`Authorizer misconfigured: JWT_SECRET must be at least ${MIN_SECRET_BYTES} bytes`);
  }
  const issuer = requiredEnv('JWT_ISSUER');
  const audience = requiredEnv('JWT_AUDIENCE');
  const resource = stageWildcardArn(event.methodArn);

  const token = bearerToken(event);
  if (!token) throw unauthorized();

  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, await verificationKey(secret), {
      algorithms: ALGORITHMS,
      issuer,
      audience,
      requiredClaims: ['sub', 'exp'],
    }));
  } catch (error) {
    // The reason goes to the function's log only; the client sees a bare 401.
    console.info(`authorizer: token rejected (${(error as { code?: string }).code ?? String(error)})`);
    throw unauthorized();
  }

  const scopes = scopesOf(payload);
  if (typeof payload.sub !== 'string' || payload.sub === '' || scopes === undefined) {
    console.info('authorizer: token rejected (malformed sub or scope claims)');
    throw unauthorized();
  }

  return {
    principalId: payload.sub,
    policyDocument: {
      Version: '2012-10-17',
      Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: resource }],
    },
    context: { userId: payload.sub, scopes: scopes.join(' ') },
  };
}
