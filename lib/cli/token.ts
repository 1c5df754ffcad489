/**
 * `portico token`: a JWT signed by the local key, for a Cognito user pool (ID or access token, as the pool
 * would issue it) or for any JWT issuer of an HTTP API. `portico serve` accepts it only for the pools or
 * issuers given to `--trust-local-tokens`.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadAssembly } from '../emulator/assembly';
import { type CognitoPool, namesPool, poolOfName, poolsOfModel } from '../emulator/authorization/cognito-pools';
import { mintCognitoToken } from '../emulator/authorization/cognito-token';
import { signLocalToken } from '../emulator/authorization/local-token-key';

export interface TokenCommandOptions {
  readonly pool?: string;
  readonly issuer?: string;
  readonly assembly: string;
  readonly sub?: string;
  readonly clientId?: string;
  readonly audience?: string;
  readonly scope?: string;
  readonly tokenUse?: string;
  readonly claim?: Readonly<Record<string, string>>;
  readonly expiresIn: string;
  readonly keyFile?: string;
}

export async function tokenCommand(options: TokenCommandOptions): Promise<void> {
  process.stdout.write(`${await mintToken(options)}\n`);
}

export async function mintToken(options: TokenCommandOptions): Promise<string> {
  const scopes = (options.scope ?? '').split(' ').filter((scope) => scope !== '');
  const claims = parseClaims(options.claim ?? {});
  const expiresInSeconds = parseSpan(options.expiresIn);
  if (options.issuer !== undefined && options.pool === undefined) {
    return signLocalToken({
      issuer: options.issuer,
      claims: { sub: options.sub ?? 'local-user', ...(options.audience ? { aud: options.audience } : {}), ...claims },
      scopes,
      expiresInSeconds,
      keyFile: options.keyFile,
    });
  }
  if (options.pool === undefined) throw new Error('name a user pool (--pool <id>) or an issuer (--issuer <url>)');
  if (options.tokenUse !== undefined && options.tokenUse !== 'id' && options.tokenUse !== 'access') {
    throw new Error(`--token-use is id or access, not ${options.tokenUse}`);
  }
  return mintCognitoToken({
    pool: findPool(options.pool, options.assembly),
    tokenUse: options.tokenUse as 'id' | 'access' | undefined,
    sub: options.sub,
    clientId: options.clientId,
    scopes,
    claims,
    expiresInSeconds,
    keyFile: options.keyFile,
  });
}

/** A pool named by id, ARN or issuer; or by its logical id, looked up in the assembly's authorizers. */
function findPool(name: string, assembly: string): CognitoPool {
  const dir = resolve(assembly);
  if (existsSync(join(dir, 'manifest.json'))) {
    const found = poolsOfModel(loadAssembly(dir)).find((pool) => namesPool(name, pool));
    if (found) return found;
  }
  const pool = poolOfName(name);
  if (!pool) {
    throw new Error(
      `no user pool ${name} in ${assembly}: name it by id (us-east-1_AbC123), ARN or issuer URL, or by the logical id \`portico routes\` shows`,
    );
  }
  return pool;
}

/** `--claim email=a@example.com`: JSON values (numbers, booleans, lists) are parsed, anything else is a string. */
function parseClaims(raw: Readonly<Record<string, string>>): Record<string, unknown> {
  const claims: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(raw)) {
    try {
      claims[name] = JSON.parse(value);
    } catch {
      claims[name] = value;
    }
  }
  return claims;
}

/** `90`, `30s`, `15m`, `2h`, `7d`; negative (`-1h`) for a token that has already expired. */
export function parseSpan(span: string): number {
  const match = /^(-?\d+)([smhd]?)$/.exec(span.trim());
  if (!match) throw new Error(`--expires-in takes a span like 30m, 2h, 7d or -1h, not ${span}`);
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[match[2]] ?? 1;
  return Number(match[1]) * unit;
}
