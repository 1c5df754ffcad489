/**
 * An HTTP API written only with plain aws-cdk-lib constructs (HttpApi, HttpLambdaIntegration with inline
 * functions, HttpLambdaAuthorizer with simple responses, HttpJwtAuthorizer), served from its template alone:
 * routes, payload 2.0 and 1.0 events, authorizers, JWTs checked against a JWKS written here, a `$default` stage
 * and a throttled named stage with access logs.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { App, Duration, Stack } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import {
  HttpJwtAuthorizer,
  HttpLambdaAuthorizer,
  HttpLambdaResponseType,
} from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { type CryptoKey, exportJWK, generateKeyPair, type JWTPayload, SignJWT, UnsecuredJWT } from 'jose';
import { ManualClock } from '../../lib/core/clock';
import { LocalGateway } from '../../lib/emulator/local-gateway';
import type { PipelineResult } from '../../lib/emulator/pipeline';

const ISSUER = 'https://auth.example.test/';
const NOW_S = 1_767_614_400; // 2026-01-05T12:00:00Z

const HANDLERS = `
exports.echo = async (event) => ({ statusCode: 200, headers: { 'content-type': 'application/json' }, cookies: ['seen=1'], body: JSON.stringify(event) });
exports.plain = async () => ({ hello: 'world' });
exports.legacy = async (event) => ({ statusCode: 200, body: JSON.stringify({ version: event.version, path: event.path, resource: event.resource }) });
exports.throws = async () => { throw new Error('handler exploded'); };
`;

const AUTHORIZER = `
let calls = 0;
exports.handler = async (event) => {
  calls++;
  const token = event.identitySource[0];
  if (token === 'boom') throw new Error('authorizer crashed');
  return { isAuthorized: token === 'letmein', context: { user: 'u-1', calls, roles: ['admin'] } };
};
`;

function buildStack(): Stack {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new Stack(app, 'PlainHttpApi');
  const fn = (id: string, handler: string, code = HANDLERS) =>
    new lambda.Function(stack, id, {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: `index.${handler}`,
      code: lambda.Code.fromInline(code),
      timeout: Duration.seconds(3),
    });
  const echo = fn('Echo', 'echo');
  const lambdaAuthorizer = new HttpLambdaAuthorizer('TokenCheck', fn('AuthorizerFn', 'handler', AUTHORIZER), {
    responseTypes: [HttpLambdaResponseType.SIMPLE],
    identitySource: ['$request.header.x-token'],
    resultsCacheTtl: Duration.minutes(5),
  });
  const jwtAuthorizer = new HttpJwtAuthorizer('Jwt', ISSUER, { jwtAudience: ['shop-app'] });

  const api = new apigwv2.HttpApi(stack, 'Api', {
    defaultIntegration: new HttpLambdaIntegration('Fallback', fn('Plain', 'plain')),
  });
  const route = (
    routePath: string,
    integration: HttpLambdaIntegration,
    extra: Partial<apigwv2.AddRoutesOptions> = {},
  ) => api.addRoutes({ path: routePath, methods: [apigwv2.HttpMethod.GET], integration, ...extra });
  route('/items/{id}', new HttpLambdaIntegration('Items', echo));
  route(
    '/legacy',
    new HttpLambdaIntegration('Legacy', fn('Legacy', 'legacy'), {
      payloadFormatVersion: apigwv2.PayloadFormatVersion.VERSION_1_0,
    }),
  );
  route('/throws', new HttpLambdaIntegration('Throws', fn('Throws', 'throws')));
  route('/account', new HttpLambdaIntegration('Account', echo), { authorizer: lambdaAuthorizer });
  route('/profile', new HttpLambdaIntegration('Profile', echo), { authorizer: lambdaAuthorizer });
  route('/orders', new HttpLambdaIntegration('Orders', echo), {
    authorizer: jwtAuthorizer,
    authorizationScopes: ['orders:read'],
  });
  api.addRoutes({
    path: '/orders',
    methods: [apigwv2.HttpMethod.POST],
    integration: new HttpLambdaIntegration('CreateOrder', echo),
    authorizer: jwtAuthorizer,
    authorizationScopes: ['orders:write'],
  });

  const live = api.addStage('Live', { stageName: 'live', autoDeploy: true, throttle: { rateLimit: 1, burstLimit: 2 } });
  const cfnStage = live.node.defaultChild as apigwv2.CfnStage;
  cfnStage.accessLogSettings = {
    destinationArn: new logs.LogGroup(stack, 'AccessLogs').logGroupArn,
    format: JSON.stringify({
      requestId: '$context.requestId',
      routeKey: '$context.routeKey',
      status: '$context.status',
      user: '$context.authorizer.claims.sub',
      error: '$context.integrationErrorMessage',
    }),
  };
  return stack;
}

describe('an HTTP API written with plain aws-cdk-lib constructs', () => {
  const clock = new ManualClock(NOW_S * 1000);
  const results: PipelineResult[] = [];
  let gw: LocalGateway;
  let signingKey: CryptoKey;
  let strangerKey: CryptoKey;

  beforeAll(async () => {
    const keys = await generateKeyPair('RS256');
    signingKey = keys.privateKey;
    strangerKey = (await generateKeyPair('RS256')).privateKey;
    const jwksFile = path.join(mkdtempSync(path.join(tmpdir(), 'portico-e2e-jwks-')), 'jwks.json');
    writeFileSync(
      jwksFile,
      JSON.stringify({ keys: [{ ...(await exportJWK(keys.publicKey)), kid: 'k1', alg: 'RS256' }] }),
    );
    gw = await LocalGateway.fromStack(buildStack(), {
      clock,
      jwks: { [ISSUER]: jwksFile },
      onFunctionLog: () => {},
      onRequest: (result) => results.push(result),
    });
  });
  afterAll(() => gw.close());

  const json = async (response: Response) => JSON.parse(await response.text());
  const token = (claims: JWTPayload = {}, key = signingKey) =>
    new SignJWT({
      sub: 'user-7',
      scope: 'orders:read',
      iss: ISSUER,
      aud: 'shop-app',
      iat: NOW_S,
      exp: NOW_S + 600,
      ...claims,
    })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .sign(key);

  it('serves the $default stage at the root with payload 2.0 events and the 2.0 response shapes', async () => {
    const response = await gw.fetch('/items/42?tag=a&tag=b', { headers: { cookie: 'session=abc; theme=dark' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toBe('seen=1');
    expect(response.headers.get('apigw-requestid')).toMatch(/^[A-Za-z0-9_-]{15}=$/);
    const event = await json(response);
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'GET /items/{id}',
      rawPath: '/items/42',
      rawQueryString: 'tag=a&tag=b',
      cookies: ['session=abc', 'theme=dark'],
      queryStringParameters: { tag: 'a,b' },
      pathParameters: { id: '42' },
      requestContext: { stage: '$default', routeKey: 'GET /items/{id}', http: { method: 'GET', path: '/items/42' } },
    });
    expect(event).not.toHaveProperty('stageVariables');
    const plain = await gw.fetch('/anything/else');
    expect(plain.headers.get('content-type')).toBe('application/json');
    expect(await json(plain)).toEqual({ hello: 'world' });
  });

  it('honours payload 1.0 on the integration that asks for it', async () => {
    expect(await json(await gw.fetch('/legacy'))).toEqual({ version: '1.0', path: '/legacy', resource: '/legacy' });
  });

  it('serves the named stage under /live with the stage in rawPath', async () => {
    const event = await json(await gw.fetch('/live/items/7'));
    expect(event).toMatchObject({ rawPath: '/live/items/7', requestContext: { stage: 'live' } });
  });

  it('answers a function failure with 500 Internal Server Error and keeps serving', async () => {
    const response = await gw.fetch('/throws');
    expect(response.status).toBe(500);
    expect(await json(response)).toEqual({ message: 'Internal Server Error' });
    expect((await gw.fetch('/items/1')).status).toBe(200);
  });

  describe('a Lambda authorizer with simple responses', () => {
    const call = (routePath: string, value?: string) =>
      gw.fetch(routePath, { headers: value === undefined ? {} : { 'x-token': value } });

    it('lets an authorized caller through with its context, and caches the answer across routes', async () => {
      const first = await json(await call('/account', 'letmein'));
      expect(first.requestContext.authorizer).toEqual({ lambda: { user: 'u-1', calls: 1, roles: ['admin'] } });
      const second = await json(await call('/profile', 'letmein'));
      expect(second.requestContext.authorizer.lambda.calls).toBe(1);
    });

    it('refuses a missing identity with 401, a denied one with 403, a crashing authorizer with 500', async () => {
      const missing = await call('/account');
      expect(missing.status).toBe(401);
      expect(await json(missing)).toEqual({ message: 'Unauthorized' });
      const denied = await call('/account', 'nope');
      expect(denied.status).toBe(403);
      expect(await json(denied)).toEqual({ message: 'Forbidden' });
      expect((await call('/account', 'boom')).status).toBe(500);
    });
  });

  describe('a JWT authorizer', () => {
    const bearer = (value: string, method = 'GET') =>
      gw.fetch('/orders', { method, headers: { authorization: `Bearer ${value}` } });

    it('accepts a token signed by the issuer key and passes its claims and scopes', async () => {
      const response = await bearer(await token());
      expect(response.status).toBe(200);
      const event = await json(response);
      expect(event.requestContext.authorizer.jwt).toMatchObject({
        claims: { sub: 'user-7', aud: 'shop-app', exp: String(NOW_S + 600) },
        scopes: ['orders:read'],
      });
    });

    it('refuses a token without the route scope with 403', async () => {
      const response = await bearer(await token(), 'POST');
      expect(response.status).toBe(403);
      expect(await json(response)).toEqual({ message: 'Forbidden' });
    });

    it.each([
      ['expired', () => token({ exp: NOW_S - 10 })],
      ['for another audience', () => token({ aud: 'other-app' })],
      ['signed with a key the issuer does not publish', () => token({}, strangerKey)],
      [
        'unsigned (alg: none)',
        async () => new UnsecuredJWT({ sub: 'x', aud: 'shop-app', exp: NOW_S + 600 }).setIssuer(ISSUER).encode(),
      ],
    ])('refuses a token %s with 401', async (_what, make) => {
      const response = await bearer(await make());
      expect(response.status).toBe(401);
      expect(await json(response)).toEqual({ message: 'Unauthorized' });
      expect(response.headers.get('www-authenticate')).toContain('error="invalid_token"');
    });
  });

  it('throttles the named stage per route (burst, then rate) and logs its requests in the stage format', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await gw.fetch('/live/legacy')).status);
    expect(statuses).toEqual([200, 200, 429]);
    const throttled = await gw.fetch('/live/legacy');
    expect(await json(throttled)).toEqual({ message: 'Too Many Requests' });
    clock.advance(1000);
    expect((await gw.fetch('/live/legacy')).status).toBe(200);

    const live = results.filter((result) => result.http?.httpStage?.name === 'live');
    expect(gw.accessLog.length).toBe(live.length);
    const last = JSON.parse(gw.accessLog[gw.accessLog.length - 1]);
    expect(last).toEqual({
      requestId: live[live.length - 1].context.requestId,
      routeKey: 'GET /legacy',
      status: '200',
      user: '-',
      error: '-',
    });
    expect(JSON.parse(gw.accessLog[gw.accessLog.length - 2]).status).toBe('429');
  });

  it('sends what no route takes to the $default route, on every stage', async () => {
    const response = await gw.fetch('/live/nowhere', { method: 'DELETE' });
    expect(await json(response)).toEqual({ hello: 'world' });
  });
});
