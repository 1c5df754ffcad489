/**
 * IAM (SigV4) authorization on a REST method. The emulator holds no credentials to check a signature
 * against, so it only checks that the request is signed: an `Authorization: AWS4-HMAC-SHA256 …` header
 * or a presigned query (`X-Amz-Algorithm=AWS4-HMAC-SHA256` with `X-Amz-Signature`). Signatures are NOT
 * verified locally. An unsigned request gets what AWS answers: 403 Missing Authentication Token.
 */
import { GatewayError } from '../../../core/gateway-responses';
import type { RequestContext } from '../../request-context';
import { headerValue } from '../../request-values';

const SIGV4_ALGORITHM = 'AWS4-HMAC-SHA256';

function isPresigned(ctx: RequestContext): boolean {
  let algorithm: string | undefined;
  let signature: string | undefined;
  for (const [name, value] of ctx.query) {
    if (name === 'X-Amz-Algorithm') algorithm = value;
    else if (name === 'X-Amz-Signature') signature = value;
  }
  return algorithm === SIGV4_ALGORITHM && signature !== undefined && signature !== '';
}

export function authorizeIam(ctx: RequestContext): void {
  const authorization = headerValue(ctx.request.headers, 'authorization');
  if (authorization?.startsWith(SIGV4_ALGORITHM) || isPresigned(ctx)) return;
  throw new GatewayError('MISSING_AUTHENTICATION_TOKEN');
}
