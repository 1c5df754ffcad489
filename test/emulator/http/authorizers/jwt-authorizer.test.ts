/**
 * JWT authorizers (DG:http-api-jwt-authorizer): tokens verified with jose against a JWKS the test writes, bad
 * tokens refused, and no key set means no entry (fail closed).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { type CryptoKey, exportJWK, generateKeyPair, type JWTPayload, SignJWT, UnsecuredJWT } from 'jose';
import { ManualClock } from '../../../../lib/core/clock';
import type { HttpAuthorizerSpec } from '../../../../lib/core/http-route-table';
import { bodyOf, headerOf, httpApi, httpModel, httpRoute, pipelineFor, ScriptedInvoker } from '../support';

const ISSUER = 'https://issuer.example.test';
const NOW_S = 1_718_639_559;
const KID = 'key-1';

let signingKey: CryptoKey;
let otherKey: CryptoKey;
let jwksFile: string;

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  signingKey = pair.privateKey;
  otherKey = (await generateKeyPair('RS256')).privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: KID, alg: 'RS256', use: 'sig' };
  jwksFile = path.join(mkdtempSync(path.join(tmpdir(), 'portico-jwks-')), 'jwks.json');
  writeFileSync(jwksFile, JSON.stringify({ keys: [jwk] }));
});

function sign(
  claims: JWTPayload = {},
  options: { key?: CryptoKey | Uint8Array; kid?: string | null; alg?: string } = {},
) {
  const header: { alg: string; kid?: string } = { alg: options.alg ?? 'RS256' };
  if (options.kid !== null) header.kid = options.kid ?? KID;
  const payload = { sub: 'user-1', scope: 'orders:read profile', iss: ISSUER, aud: 'my-app', ...claims };
  return new SignJWT({ iat: NOW_S - 60, exp: NOW_S + 3600, ...payload })
    .setProtectedHeader(header)
    .sign(options.key ?? signingKey);
}

const jwtAuthorizer: Extract<HttpAuthorizerSpec, { type: 'JWT' }> = {
  name: 'Jwt',
  type: 'JWT',
  identitySources: ['$request.header.Authorization'],
  issuer: ISSUER,
  audience: ['my-app'],
};

function setup(jwks: Record<string, string> | undefined = { [ISSUER]: jwksFile }, issuer = ISSUER) {
  const invoker = new ScriptedInvoker({ handler: (event) => ({ event }) });
  const api = httpApi(
    'Api',
    [
      httpRoute('GET /orders', { authorization: { kind: 'authorizer', authorizer: 'Jwt', scopes: ['orders:read'] } }),
      httpRoute('POST /orders', { authorization: { kind: 'authorizer', authorizer: 'Jwt', scopes: ['orders:write'] } }),
      httpRoute('GET /me', { authorization: { kind: 'authorizer', authorizer: 'Jwt' } }),
    ],
    undefined,
    [{ ...jwtAuthorizer, issuer }],
  );
  return pipelineFor(httpModel([api]), invoker, { clock: new ManualClock(NOW_S * 1000), jwks });
}

const withToken = (token: string, scheme = 'Bearer ') => ({
  headers: [['Authorization', `${scheme}${token}`]] as [string, string][],
});

describe('a JWT authorizer', () => {
  it('lets a valid token through and passes its claims (as strings) and scopes to the integration', async () => {
    const { send } = setup();
    const result = await send('/orders', withToken(await sign({ groups: ['a', 'b'] })));
    expect(result.response.statusCode).toBe(200);
    const event = (bodyOf(result) as { event: { requestContext: { authorizer: unknown } } }).event;
    expect(event.requestContext.authorizer).toEqual({
      jwt: {
        claims: {
          sub: 'user-1',
          scope: 'orders:read profile',
          groups: '[a b]',
          iss: ISSUER,
          aud: 'my-app',
          iat: String(NOW_S - 60),
          exp: String(NOW_S + 3600),
        },
        scopes: ['orders:read', 'profile'],
      },
    });
  });

  it('accepts the token without the Bearer prefix, and a client_id naming the audience (Cognito access tokens)', async () => {
    const { send } = setup();
    expect((await send('/me', withToken(await sign(), ''))).response.statusCode).toBe(200);
    const accessToken = await new SignJWT({ client_id: 'my-app', scope: 'orders:read' })
      .setProtectedHeader({ alg: 'RS256', kid: KID })
      .setIssuer(ISSUER)
      .setExpirationTime(NOW_S + 60)
      .sign(signingKey);
    expect((await send('/me', withToken(accessToken))).response.statusCode).toBe(200);
  });

  it('refuses a route scope the token lacks with 403 Forbidden', async () => {
    const { send } = setup();
    const result = await send('/orders', { ...withToken(await sign()), method: 'POST' });
    expect(result.response.statusCode).toBe(403);
    expect(bodyOf(result)).toEqual({ message: 'Forbidden' });
    expect(headerOf(result, 'www-authenticate')).toContain('error="insufficient_scope"');
  });

  it('refuses a missing token with 401', async () => {
    const { send } = setup();
    const result = await send('/me');
    expect(result.response.statusCode).toBe(401);
    expect(bodyOf(result)).toEqual({ message: 'Unauthorized' });
  });

  const badTokens: [string, () => Promise<string>, string][] = [
    ['expired', () => sign({ exp: NOW_S - 1 }), 'expired'],
    ['for another audience', () => sign({ aud: 'someone-else' }), 'audience'],
    ['signed with another key', () => sign({}, { key: otherKey }), 'signature'],
    [
      'unsigned (alg: none)',
      async () => new UnsecuredJWT({ sub: 'x', aud: 'my-app', exp: NOW_S + 60 }).setIssuer(ISSUER).encode(),
      'none',
    ],
    [
      'HMAC-signed',
      () => sign({}, { alg: 'HS256', key: new TextEncoder().encode('a-shared-secret-of-32-bytes!!!!') }),
      'HS256',
    ],
    ['from another issuer', () => sign({ iss: 'https://evil.example.test' }), 'issuer'],
    ['not valid yet', () => sign({ nbf: NOW_S + 600 }), 'not valid yet'],
    ['issued in the future', () => sign({ iat: NOW_S + 600 }), 'future'],
    ['without a kid', () => sign({}, { kid: null }), 'kid'],
    [
      'without exp',
      async () =>
        new SignJWT({ aud: 'my-app' })
          .setProtectedHeader({ alg: 'RS256', kid: KID })
          .setIssuer(ISSUER)
          .sign(signingKey),
      'exp',
    ],
    ['not a JWT at all', async () => 'not-a-token', 'not a JWT'],
  ];

  it.each(badTokens)('refuses a token %s with 401 and says why in www-authenticate', async (_what, token, reason) => {
    const { send } = setup();
    const result = await send('/me', withToken(await token()));
    expect(result.response.statusCode).toBe(401);
    expect(bodyOf(result)).toEqual({ message: 'Unauthorized' });
    expect(headerOf(result, 'www-authenticate')).toMatch(/^Bearer scope="" error="invalid_token" error_description="/);
    expect(headerOf(result, 'www-authenticate')).toContain(reason);
  });

  describe('fails closed when the keys cannot be loaded', () => {
    beforeAll(() => jest.spyOn(process, 'emitWarning').mockImplementation(() => {}));
    afterAll(() => jest.restoreAllMocks());

    it.each([
      ['a JWKS file that does not exist', { [ISSUER]: '/nonexistent/jwks.json' }],
      ['a JWKS file that is not a key set', { [ISSUER]: __filename }],
      ['a JWKS URL nobody answers', { [ISSUER]: 'http://127.0.0.1:9/jwks.json' }],
    ])('%s: 401', async (_what, jwks) => {
      const { send } = setup(jwks);
      const result = await send('/me', withToken(await sign()));
      expect(result.response.statusCode).toBe(401);
      expect(headerOf(result, 'www-authenticate')).toContain('cannot be loaded');
    });

    it('an issuer whose OpenID discovery fails, and no JWKS given: 401', async () => {
      const issuer = 'http://127.0.0.1:9';
      const { send } = setup(undefined, issuer);
      const result = await send('/me', withToken(await sign({ iss: issuer })));
      expect(result.response.statusCode).toBe(401);
      expect(headerOf(result, 'www-authenticate')).toContain('openid-configuration');
    });
  });

  describe('with a JWKS URL', () => {
    let server: Server;
    let url: string;
    beforeAll(async () => {
      const jwks = readFileSync(jwksFile, 'utf8');
      server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(jwks));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
    });
    afterAll(() => new Promise((resolve) => server.close(resolve)));

    it('fetches the key set and verifies against it', async () => {
      const { send } = setup({ [ISSUER]: url });
      expect((await send('/me', withToken(await sign()))).response.statusCode).toBe(200);
      expect((await send('/me', withToken(await sign({}, { key: otherKey })))).response.statusCode).toBe(401);
    });
  });
});
