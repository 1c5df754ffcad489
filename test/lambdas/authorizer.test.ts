import { generateKeyPair, SignJWT } from 'jose';
import { handler, stageWildcardArn } from '../../lambdas/authorizer';
import { DEV_JWT_AUDIENCE, DEV_JWT_ISSUER, DEV_JWT_SECRET } from '../../lambdas/authorizer/dev-secret';
import { signDevToken } from '../../lambdas/authorizer/dev-token';
import { authorizerEvent } from './events';

const STAGE_ARN = 'arn:aws:execute-api:eu-west-1:123456789012:puhdx84jy9/prod/*/*';
const savedEnv = { ...process.env };

beforeEach(() => {
  process.env.JWT_SECRET = DEV_JWT_SECRET;
  process.env.JWT_ISSUER = DEV_JWT_ISSUER;
  process.env.JWT_AUDIENCE = DEV_JWT_AUDIENCE;
  jest.spyOn(console, 'info').mockImplementation(() => undefined);
});
afterEach(() => {
  process.env = { ...savedEnv };
  jest.restoreAllMocks();
});

const bearer = (token: string) => authorizerEvent({ Authorization: `Bearer ${token}` });
const nowSeconds = () => Math.floor(Date.now() / 1000);
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const validClaims = () => ({ sub: 'u-1', iss: DEV_JWT_ISSUER, aud: DEV_JWT_AUDIENCE, exp: nowSeconds() + 600 });

describe('a valid token', () => {
  test('is allowed into the whole stage, with the caller as context', async () => {
    const token = await signDevToken({ sub: 'u-1', scopes: ['orders:read', 'orders:write'] });
    await expect(handler(bearer(token))).resolves.toEqual({
      principalId: 'u-1',
      policyDocument: {
        Version: '2012-10-17',
        Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: STAGE_ARN }],
      },
      context: { userId: 'u-1', scopes: 'orders:read orders:write' },
    });
  });

  test('is found under any casing of the Authorization header and Bearer scheme', async () => {
    const token = await signDevToken({ sub: 'u-2' });
    const result = await handler(authorizerEvent({ aUThorization: `bearer ${token}` }));
    expect(result.principalId).toBe('u-2');
    expect(result.context).toEqual({ userId: 'u-2', scopes: '' });
  });

  test('may carry its scopes as a `scopes` array', async () => {
    const token = await new SignJWT({ scopes: ['orders:write', 'users:read'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u-3')
      .setIssuer(DEV_JWT_ISSUER)
      .setAudience(DEV_JWT_AUDIENCE)
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(DEV_JWT_SECRET));
    expect((await handler(bearer(token))).context).toEqual({ userId: 'u-3', scopes: 'orders:write users:read' });
  });

  test('also works from a TOKEN authorizer event', async () => {
    const token = await signDevToken({ sub: 'u-1' });
    const result = await handler({
      type: 'TOKEN',
      authorizationToken: `Bearer ${token}`,
      methodArn: 'arn:aws:execute-api:eu-west-1:123456789012:puhdx84jy9/prod/POST/lambda-token',
    });
    expect(result.policyDocument.Statement[0]).toMatchObject({ Effect: 'Allow', Resource: STAGE_ARN });
  });

  test('signed with a rotated secret is accepted once the environment has the new secret', async () => {
    await handler(bearer(await signDevToken({ sub: 'u-1' })));
    const rotated = 'a-rotated-secret-that-is-long-enough-for-hs256';
    process.env.JWT_SECRET = rotated;
    await expect(handler(bearer(await signDevToken({ sub: 'u-1', secret: rotated })))).resolves.toMatchObject({
      principalId: 'u-1',
    });
    await expect(handler(bearer(await signDevToken({ sub: 'u-1' })))).rejects.toThrow('Unauthorized');
  });
});

describe('is rejected with exactly "Unauthorized"', () => {
  const cases: [string, () => Promise<ReturnType<typeof authorizerEvent>>][] = [
    ['a missing Authorization header', async () => authorizerEvent()],
    ['null headers (console test events)', async () => ({ ...authorizerEvent(), headers: null })],
    ['a non-Bearer scheme', async () => authorizerEvent({ Authorization: 'Basic dTE6cGFzcw==' })],
    ['a token that is not a JWT', async () => bearer('not.a.jwt')],
    ['an expired token', async () => bearer(await signDevToken({ sub: 'u-1', expiresIn: -60 }))],
    ['a wrong audience', async () => bearer(await signDevToken({ sub: 'u-1', audience: 'someone-else' }))],
    ['a wrong issuer', async () => bearer(await signDevToken({ sub: 'u-1', issuer: 'https://evil.example' }))],
    [
      'a wrong secret',
      async () => bearer(await signDevToken({ sub: 'u-1', secret: 'another-secret-of-at-least-32-bytes!!' })),
    ],
    ['alg none', async () => bearer(`${b64({ alg: 'none', typ: 'JWT' })}.${b64(validClaims())}.`)],
    [
      'another HMAC algorithm with the right secret (algorithms are pinned)',
      async () =>
        bearer(
          await new SignJWT(validClaims())
            .setProtectedHeader({ alg: 'HS512' })
            .sign(new TextEncoder().encode(DEV_JWT_SECRET)),
        ),
    ],
    [
      'an RS256 token',
      async () => {
        const { privateKey } = await generateKeyPair('RS256');
        return bearer(await new SignJWT(validClaims()).setProtectedHeader({ alg: 'RS256' }).sign(privateKey));
      },
    ],
    [
      'a token without exp',
      async () => {
        const { exp: _exp, ...claims } = validClaims();
        const key = new TextEncoder().encode(DEV_JWT_SECRET);
        return bearer(await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(key));
      },
    ],
    [
      'a scope claim that is not a string',
      async () => {
        const key = new TextEncoder().encode(DEV_JWT_SECRET);
        const claims = { ...validClaims(), scope: ['orders:write'] };
        return bearer(await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(key));
      },
    ],
  ];

  test.each(cases)('%s', async (_case, event) => {
    await expect(handler(await event())).rejects.toThrow(new Error('Unauthorized'));
  });
});

describe('a misconfigured authorizer fails closed with a configuration error (500), not a 401', () => {
  test('when JWT_SECRET is unset', async () => {
    delete process.env.JWT_SECRET;
    const token = await signDevToken({ sub: 'u-1' });
    await expect(handler(bearer(token))).rejects.toThrow('JWT_SECRET is not set');
  });

  test('when JWT_SECRET is too short for HS256', async () => {
    process.env.JWT_SECRET = 'short';
    const token = await signDevToken({ sub: 'u-1', secret: 'short' });
    await expect(handler(bearer(token))).rejects.toThrow('at least 32 bytes');
  });
});

test('stageWildcardArn keeps the API and stage and opens every verb and path', () => {
  expect(stageWildcardArn('arn:aws:execute-api:us-east-1:111122223333:abc123/v2/GET/users/u-1')).toBe(
    'arn:aws:execute-api:us-east-1:111122223333:abc123/v2/*/*',
  );
  expect(() => stageWildcardArn('nonsense')).toThrow('Unexpected methodArn');
});
