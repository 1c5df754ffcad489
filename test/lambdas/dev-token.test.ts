import { decodeJwt, decodeProtectedHeader } from 'jose';
import { DEV_JWT_AUDIENCE, DEV_JWT_ISSUER, DEV_JWT_SECRET } from '../../lambdas/authorizer/dev-secret';
import { signDevToken } from '../../lambdas/authorizer/dev-token';

test('a dev token is HS256 with the development issuer and audience, valid for an hour by default', async () => {
  const token = await signDevToken({ sub: 'u-1', scopes: 'orders:read  orders:write' });
  expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256', typ: 'JWT' });
  const claims = decodeJwt(token);
  expect(claims).toMatchObject({
    sub: 'u-1',
    iss: DEV_JWT_ISSUER,
    aud: DEV_JWT_AUDIENCE,
    scope: 'orders:read orders:write',
  });
  expect(claims.exp! - claims.iat!).toBe(3600);
});

test('a numeric expiresIn counts seconds from now', async () => {
  const claims = decodeJwt(await signDevToken({ sub: 'u-1', expiresIn: 90 }));
  expect(claims.exp! - claims.iat!).toBe(90);
});

test('a token without scopes carries no scope claim', async () => {
  expect(decodeJwt(await signDevToken({ sub: 'u-1' }))).not.toHaveProperty('scope');
});

test('the development secret is long enough for HS256', () => {
  expect(Buffer.byteLength(DEV_JWT_SECRET)).toBeGreaterThanOrEqual(32);
});
