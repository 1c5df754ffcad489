import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';
import { ExampleHttpGatewayStack } from '../../bin/example-http-stack';
import { DEV_JWT_AUDIENCE, DEV_JWT_ISSUER } from '../../lambdas/authorizer/dev-secret';
import { signDevToken } from '../../lambdas/authorizer/dev-token';
import { LocalGateway } from '../../lib/emulator/local-gateway';

/** The seed gateway in the HTTP flavor, bundled and served from its template, with a local JWKS for its issuer. */
describe('the example gateway as an HTTP API', () => {
  let gw: LocalGateway;
  let sign: (claims: JWTPayload, options?: { audience?: string; expiresIn?: string | number }) => Promise<string>;
  let signWithOtherKey: (claims: JWTPayload) => Promise<string>;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'portico-http-example-'));
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const other = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'dev', alg: 'RS256', use: 'sig' };
    const jwksFile = join(dir, 'jwks.json');
    writeFileSync(jwksFile, JSON.stringify({ keys: [jwk] }));
    const build =
      (key: Awaited<ReturnType<typeof generateKeyPair>>['privateKey']) =>
      (claims: JWTPayload, options: { audience?: string; expiresIn?: string | number } = {}) =>
        new SignJWT(claims)
          .setProtectedHeader({ alg: 'RS256', kid: 'dev' })
          .setIssuer(DEV_JWT_ISSUER)
          .setAudience(options.audience ?? DEV_JWT_AUDIENCE)
          .setIssuedAt()
          .setExpirationTime(options.expiresIn ?? '1h')
          .sign(key);
    sign = build(privateKey);
    signWithOtherKey = build(other.privateKey);
    const app = new App({ outdir: join(dir, 'cdk.out') });
    gw = await LocalGateway.fromStack(new ExampleHttpGatewayStack(app, 'ExampleHttpE2E'), {
      jwks: { [DEV_JWT_ISSUER]: jwksFile },
      onFunctionLog: () => {},
    });
  }, 120_000);
  afterAll(() => gw.close());

  const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

  it('serves the $default stage at the root and v2 under /v2, health without credentials', async () => {
    expect(await (await gw.fetch('/health')).json()).toEqual({ status: 'ok', version: 'v1' });
    expect(await (await gw.fetch('/v2/health')).json()).toEqual({ status: 'ok', version: 'v2' });
    const missing = await gw.fetch('/nowhere');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ message: 'Not Found' });
  });

  it('verifies JWTs against the issuer keys and refuses expired, wrong-audience, foreign-key and unsigned tokens', async () => {
    const ok = await gw.fetch('/users/u-1', bearer(await sign({ sub: 'u-1' })));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ id: 'u-1' });
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(
      JSON.stringify({
        sub: 'u-1',
        iss: DEV_JWT_ISSUER,
        aud: DEV_JWT_AUDIENCE,
        exp: Math.floor(Date.now() / 1000) + 600,
      }),
    ).toString('base64url')}.`;
    const refused = [
      await gw.fetch('/users/u-1'),
      await gw.fetch(
        '/users/u-1',
        bearer(await sign({ sub: 'u-1' }, { expiresIn: Math.floor(Date.now() / 1000) - 60 })),
      ),
      await gw.fetch('/users/u-1', bearer(await sign({ sub: 'u-1' }, { audience: 'someone-else' }))),
      await gw.fetch('/users/u-1', bearer(await signWithOtherKey({ sub: 'u-1' }))),
      await gw.fetch('/users/u-1', bearer(unsigned)),
    ];
    expect(refused.map((r) => r.status)).toEqual([401, 401, 401, 401, 401]);
    expect(await refused[0].json()).toEqual({ message: 'Unauthorized' });
  });

  it('runs the Lambda authorizer on POST /orders and the v2 orders handler on the v2 stage', async () => {
    const created = await gw.fetch('/orders', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await signDevToken({ sub: 'u-1', scopes: 'orders:write' })}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ items: [{ sku: 'BOOK-001', quantity: 1 }] }),
    });
    expect(created.status).toBe(201);
    const v2 = await gw.fetch('/v2/orders/o-1', bearer(await sign({ sub: 'u-1' })));
    expect(v2.headers.get('x-service-version')).toBe('v2');
  });

  it('writes HTTP API access-log lines with the route key', () => {
    const entries = gw.accessLog.map((line) => JSON.parse(line));
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.map((e) => e.routeKey)).toContain('GET /users/{id}');
  });
});
