/**
 * Ids the management API hands out for routes, integrations, authorizers and resources. API Gateway makes
 * them up at deploy time; here they are derived from what they name, so they stay the same across restarts
 * and a client may fetch one page, restart the emulator and fetch the next.
 */
import { createHash } from 'node:crypto';

/** A 7-character lowercase id (`a1b2c3d`), the shape of a v2 route or integration id. */
export function wireId(...parts: readonly string[]): string {
  const digest = createHash('sha1').update(parts.join('\u0000')).digest();
  let id = '';
  for (let i = 0; i < 7; i++) id += (digest[i] % 36).toString(36);
  return id;
}

/** `arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{arn}/invocations`, as API Gateway stores it. */
export function lambdaInvocationUri(functionArn: string, region: string): string {
  return `arn:aws:apigateway:${region}:lambda:path/2015-03-31/functions/${functionArn}/invocations`;
}
