/**
 * Cognito user pools as the gateway's authorizers name them, and the keys their tokens are checked with
 * locally. A REST `COGNITO_USER_POOLS` authorizer lists pool ARNs (`ProviderARNs`); an HTTP API JWT
 * authorizer whose issuer is `https://cognito-idp.<region>.amazonaws.com/<poolId>` is a pool too (AWS docs:
 * "Verifying a JSON Web Token", Amazon Cognito Developer Guide). A pool's real keys are at
 * `<issuer>/.well-known/jwks.json`; locally a pool is given either such a key set as a file
 * (`--cognito-jwks <pool>=<file>`) or, only when asked (`--trust-local-tokens <pool>`), the local key that
 * `portico token` signs with. A pool that was given neither refuses every token (fail closed).
 */
import { readFileSync, statSync } from 'node:fs';
import { createLocalJWKSet, type JSONWebKeySet, type JWTVerifyGetKey } from '../../vendor/jose';
import { defaultLocalKeyFile, localPublicKeySet, localPublicKeySetFile } from './local-token-key';

export interface CognitoPool {
  /** `us-east-1_AbC123` */
  readonly poolId: string;
  readonly region: string;
  /** `https://cognito-idp.<region>.amazonaws.com/<poolId>`, the `iss` of the pool's tokens. */
  readonly issuer: string;
}

export interface CognitoOptions {
  /** Pool (id, ARN, issuer or the logical id in the local id) → JWKS file of the pool's keys. @default - none */
  readonly jwks?: Readonly<Record<string, string>>;
  /** Pools (id, ARN, issuer or logical id) that accept tokens signed by the local key. @default - none */
  readonly trustLocalTokens?: readonly string[];
  /** The local signing key file `portico token` uses. @default - see `defaultLocalKeyFile` */
  readonly localKeyFile?: string;
}

/** `arn:aws:cognito-idp:<region>:<account>:userpool/<poolId>` → the pool. */
export function poolOfArn(arn: string): CognitoPool | undefined {
  const match = /^arn:[\w-]+:cognito-idp:([\w-]+):\d*:userpool\/([\w-]+_[0-9A-Za-z]+)$/.exec(arn);
  return match ? poolOf(match[2], match[1]) : undefined;
}

/** `https://cognito-idp.<region>.amazonaws.com/<poolId>` → the pool. */
export function poolOfIssuer(issuer: string): CognitoPool | undefined {
  const match = /^https:\/\/cognito-idp\.([\w-]+)\.amazonaws\.com\/([\w-]+_[0-9A-Za-z]+)\/?$/.exec(issuer);
  return match ? poolOf(match[2], match[1]) : undefined;
}

export function poolOf(poolId: string, region: string): CognitoPool {
  return { poolId, region, issuer: `https://cognito-idp.${region}.amazonaws.com/${poolId}` };
}

/**
 * Whether a pool named on the command line is this pool: its id, its ARN, its issuer, or the part of
 * the id after the region (`UserPool6BA7E5F2` for the local stand-in id of a pool in the same stack).
 */
export function namesPool(selector: string, pool: CognitoPool): boolean {
  const s = selector.replace(/\/+$/, '');
  return (
    s === pool.poolId ||
    s === pool.issuer ||
    s === pool.poolId.slice(pool.poolId.indexOf('_') + 1) ||
    (s.startsWith('arn:') && poolOfArn(s)?.poolId === pool.poolId)
  );
}

/** Why a pool has no keys here, as a fix the developer can type. */
export function noKeysReason(pool: CognitoPool): string {
  return `user pool ${pool.poolId} has no keys here, so its tokens are refused: pass --trust-local-tokens ${pool.poolId} to accept tokens from \`portico token --pool ${pool.poolId}\`, or --cognito-jwks ${pool.poolId}=<jwks.json> for the pool's real keys`;
}

/** The key set each pool's tokens are verified with, or why there is none. */
export class CognitoKeys {
  private readonly files = new Map<string, { readonly mtimeMs: number; readonly keys: JWTVerifyGetKey }>();
  private local?: Promise<JWTVerifyGetKey>;

  constructor(private readonly options: CognitoOptions = {}) {}

  /** Whether tokens of this pool can be checked at all (for the start banner). */
  hasKeys(pool: CognitoPool): boolean {
    return this.jwksFile(pool) !== undefined || this.trustsLocal(pool);
  }

  /** The pool's key set; a string says why there is none (the request is then refused). */
  async keysFor(pool: CognitoPool): Promise<JWTVerifyGetKey | string> {
    const file = this.jwksFile(pool);
    if (file !== undefined) return this.fromFile(file);
    if (this.trustsLocal(pool)) {
      this.local ??= localPublicKeySet(this.options.localKeyFile ?? defaultLocalKeyFile()).then(createLocalJWKSet);
      return this.local;
    }
    return noKeysReason(pool);
  }

  private jwksFile(pool: CognitoPool): string | undefined {
    return Object.entries(this.options.jwks ?? {}).find(([selector]) => namesPool(selector, pool))?.[1];
  }

  private trustsLocal(pool: CognitoPool): boolean {
    return (this.options.trustLocalTokens ?? []).some((selector) => namesPool(selector, pool));
  }

  /** Re-read when the file changes, so keys can be rotated while the gateway runs. */
  private fromFile(file: string): JWTVerifyGetKey | string {
    try {
      const { mtimeMs } = statSync(file);
      const known = this.files.get(file);
      if (known && known.mtimeMs === mtimeMs) return known.keys;
      const keys = createLocalJWKSet(JSON.parse(readFileSync(file, 'utf8')) as JSONWebKeySet);
      this.files.set(file, { mtimeMs, keys });
      return keys;
    } catch (error) {
      return `JWKS file ${file} cannot be used: ${(error as Error).message}`;
    }
  }
}

/**
 * JWKS files for HTTP API JWT authorizers whose issuer is a pool (or an issuer) the options name: the
 * pool's JWKS file, or the local key's public set when the pool is trusted with local tokens. Merged into
 * the HTTP wing's `jwks` map, so such issuers are never discovered over the network.
 */
export async function jwtIssuerKeyFiles(
  issuers: readonly string[],
  options: CognitoOptions,
): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const names = (selector: string, issuer: string): boolean => {
    const pool = poolOfIssuer(issuer);
    return pool ? namesPool(selector, pool) : selector.replace(/\/+$/, '') === issuer.replace(/\/+$/, '');
  };
  for (const issuer of issuers) {
    const jwks = Object.entries(options.jwks ?? {}).find(([selector]) => names(selector, issuer));
    if (jwks) files[issuer] = jwks[1];
    else if ((options.trustLocalTokens ?? []).some((selector) => names(selector, issuer))) {
      files[issuer] = await localPublicKeySetFile(options.localKeyFile ?? defaultLocalKeyFile());
    }
  }
  return files;
}

/** Every user pool the model's authorizers name: REST Cognito authorizers' ARNs and HTTP JWT issuers. */
export function poolsOfModel(model: {
  readonly apis: readonly {
    readonly table: { readonly authorizers: readonly { readonly providerArns?: readonly string[] }[] };
  }[];
  readonly httpApis: readonly {
    readonly table: { readonly authorizers: readonly ({ readonly type: string } & { readonly issuer?: string })[] };
  }[];
}): CognitoPool[] {
  const pools = new Map<string, CognitoPool>();
  for (const api of model.apis) {
    for (const authorizer of api.table.authorizers) {
      for (const arn of authorizer.providerArns ?? []) {
        const pool = poolOfArn(arn);
        if (pool) pools.set(pool.poolId, pool);
      }
    }
  }
  for (const api of model.httpApis) {
    for (const authorizer of api.table.authorizers) {
      const pool = authorizer.issuer ? poolOfIssuer(authorizer.issuer) : undefined;
      if (pool) pools.set(pool.poolId, pool);
    }
  }
  return [...pools.values()];
}

/** A pool id (`us-east-1_AbC123`, its region before the `_`) or ARN or issuer → the pool, without an assembly. */
export function poolOfName(name: string): CognitoPool | undefined {
  if (name.startsWith('arn:')) return poolOfArn(name);
  if (name.startsWith('https://')) return poolOfIssuer(name);
  const match = /^([a-z]{2}(?:-[a-z]+)+-\d)_([0-9A-Za-z]+)$/.exec(name);
  return match ? poolOf(name, match[1]) : undefined;
}
