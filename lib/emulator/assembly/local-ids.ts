/**
 * Local stand-ins for what AWS generates at deploy time (API ids, API key values). Derived from the
 * stack name and logical id so that they stay the same across restarts and machines.
 */
import { createHash } from 'node:crypto';

/** Stand-in REST API id: 10 lowercase hex characters, the shape of a real `restApiId`. */
export function apiLocalId(logicalId: string, stackName: string): string {
  return createHash('sha1').update(`${stackName}/${logicalId}`).digest('hex').slice(0, 10);
}

const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A 40-character API key value for a key whose template sets none (API Gateway would generate one at
 * deploy; DESIGN principle 3 keeps values out of templates). Deterministic so restarts keep it.
 */
export function generatedApiKeyValue(logicalId: string, stackName: string): string {
  const digest = createHash('sha512').update(`portico-api-key/${stackName}/${logicalId}`).digest();
  let value = '';
  for (let i = 0; i < 40; i++) value += KEY_ALPHABET[digest[i] % KEY_ALPHABET.length];
  return value;
}

/** `arn:aws:lambda:r:a:function:name:alias` → `arn:aws:lambda:r:a:function:name`; other strings unchanged. */
export function unqualifiedFunctionArn(arn: string): string {
  const parts = arn.split(':');
  return parts.length > 7 && parts[0] === 'arn' && parts[5] === 'function' ? parts.slice(0, 7).join(':') : arn;
}

/** A Lambda `FunctionName` (name, partial ARN or ARN, maybe qualified) as a canonical unqualified ARN. */
export function canonicalFunctionArn(nameOrArn: string, region: string, accountId: string): string {
  if (nameOrArn.startsWith('arn:')) return unqualifiedFunctionArn(nameOrArn);
  const parts = nameOrArn.split(':');
  if (parts.length >= 3 && parts[1] === 'function') return `arn:aws:lambda:${region}:${parts[0]}:function:${parts[2]}`;
  return `arn:aws:lambda:${region}:${accountId}:function:${parts[0]}`;
}
