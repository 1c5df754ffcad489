/**
 * Cognito user pool authorizers run locally: a token minted by `portico token` for a pool that `serve` was
 * told to trust passes; expired tokens, tokens of another pool, the wrong token use and missing scopes are
 * refused with 401 as API Gateway refuses them; a pool given no keys refuses everything.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { mintToken } from '../../../../lib/cli/token';
import { unservableMethods } from '../../../../lib/emulator/advice';
import { jwtIssuerKeyFiles, poolOf, poolsOfModel } from '../../../../lib/emulator/authorization/cognito-pools';
import { mintCognitoToken } from '../../../../lib/emulator/authorization/cognito-token';
import { LocalGateway } from '../../../../lib/emulator/local-gateway';
import type { PipelineResult } from '../../../../lib/emulator/pipeline';

const ECHO = `exports.handler = async (event) => ({ statusCode: 200, body: JSON.stringify(event.requestContext.authorizer) });`;

function cognitoStack(): { stack: Stack; poolLogicalId: string } {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new Stack(app, 'CognitoApp', { env: { account: '123456789012', region: 'eu-west-1' } });
  const pool = new cognito.UserPool(stack, 'Users');
  const authorizer = new apigateway.CognitoUserPoolsAuthorizer(stack, 'PoolAuth', { cognitoUserPools: [pool] });
  const echo = new lambda.Function(stack, 'Echo', {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline(ECHO),
  });
  const api = new apigateway.RestApi(stack, 'Api', { cloudWatchRole: false, deployOptions: { stageName: 'dev' } });
  const integration = new apigateway.LambdaIntegration(echo);
  const options = { authorizer, authorizationType: apigateway.AuthorizationType.COGNITO };
  api.root.addResource('profile').addMethod('GET', integration, options);
  api.root.addResource('orders').addMethod('GET', integration, { ...options, authorizationScopes: ['orders/read'] });
  return { stack, poolLogicalId: stack.getLogicalId(pool.node.defaultChild as cognito.CfnUserPool) };
}

describe('Cognito user pool authorizers with a locally minted token', () => {
  const dir = mkdtempSync(join(tmpdir(), 'portico-cognito-'));
  const keyFile = join(dir, 'key.json');
  const { stack, poolLogicalId } = cognitoStack();
  // The local stand-in id of a pool in the stack: `<region>_<logical id>`.
  const pool = poolOf(`eu-west-1_${poolLogicalId}`, 'eu-west-1');
  let gw: LocalGateway;
  const results: PipelineResult[] = [];

  beforeAll(async () => {
    gw = await LocalGateway.fromStack(stack, {
      region: 'eu-west-1',
      cognito: { trustLocalTokens: [poolLogicalId], localKeyFile: keyFile },
      onFunctionLog: () => {},
      onRequest: (result) => results.push(result),
    });
  });
  afterAll(async () => {
    await gw.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const call = (path: string, token?: string) =>
    gw.fetch(`/dev${path}`, { headers: token === undefined ? {} : { Authorization: token } });

  test('the pool of a CDK UserPool is found in the template, with a readable local id', () => {
    expect(poolsOfModel(gw.model)).toEqual([pool]);
  });

  test('a valid ID token passes, and the function sees its claims as REST gives them', async () => {
    const token = await mintCognitoToken({ pool, sub: 'u-1', claims: { email: 'a@example.com' }, keyFile });
    const response = await call('/profile', token);
    expect(response.status).toBe(200);
    const { claims } = (await response.json()) as { claims: Record<string, string> };
    expect(claims).toMatchObject({ sub: 'u-1', email: 'a@example.com', token_use: 'id', iss: pool.issuer });
    expect(claims.exp).toMatch(/^\w{3} \w{3} \d{2} \d{2}:\d{2}:\d{2} UTC \d{4}$/);
  });

  test('`portico token` mints ID and access tokens for a pool named by its id', async () => {
    const byId = await mintToken({ pool: pool.poolId, assembly: join(dir, 'none'), expiresIn: '1h', keyFile });
    expect((await call('/profile', byId)).status).toBe(200);
    const access = await mintToken({
      pool: pool.poolId,
      assembly: '.',
      scope: 'orders/read',
      expiresIn: '5m',
      keyFile,
    });
    expect((await call('/orders', access)).status).toBe(200);
  });

  test('an expired token, a token of another pool and a missing token are refused with 401', async () => {
    const expired = await mintCognitoToken({ pool, expiresInSeconds: -60, keyFile });
    const otherPool = await mintCognitoToken({ pool: poolOf('eu-west-1_Other', 'eu-west-1'), keyFile });
    for (const token of [expired, otherPool, undefined, 'not-a-jwt']) {
      const response = await call('/profile', token);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ message: 'Unauthorized' });
    }
    expect(results.at(-3)?.context.authorizer?.error).toContain('is not a user pool of this authorizer');
  });

  test('scopes: an access token needs one of the method scopes; without scopes only an ID token passes', async () => {
    const idToken = await mintCognitoToken({ pool, keyFile });
    const reader = await mintCognitoToken({ pool, scopes: ['orders/read'], keyFile });
    const writer = await mintCognitoToken({ pool, scopes: ['orders/write'], keyFile });
    expect((await call('/orders', reader)).status).toBe(200);
    expect((await call('/orders', writer)).status).toBe(401);
    expect(results.at(-1)?.context.authorizer?.error).toContain("none of the method's scopes");
    expect((await call('/orders', idToken)).status).toBe(401);
    expect((await call('/profile', reader)).status).toBe(401);
  });

  test('a pool that was given no keys refuses every token, and the start lines say how to fix it', async () => {
    const untrusted = new LocalGateway(gw.model, { region: 'eu-west-1', loopback: false, onFunctionLog: () => {} });
    try {
      const token = await mintCognitoToken({ pool, keyFile });
      expect((await untrusted.fetch('/dev/profile', { headers: { Authorization: token } })).status).toBe(401);
    } finally {
      await untrusted.close();
    }
    const lines = unservableMethods(gw.model, { cognito: {} });
    expect(lines.map((line) => line.method)).toEqual([
      expect.stringMatching(/ GET \/profile$/),
      expect.stringMatching(/ GET \/orders$/),
    ]);
    expect(lines[0].fix).toContain(`--trust-local-tokens ${pool.poolId}`);
    expect(unservableMethods(gw.model, { cognito: { trustLocalTokens: [pool.poolId] } })).toEqual([]);
  });

  test('an HTTP API JWT issuer that is a trusted pool is given the local public keys, no other issuer', async () => {
    const files = await jwtIssuerKeyFiles([pool.issuer, 'https://auth.example.com'], {
      trustLocalTokens: [poolLogicalId],
      localKeyFile: keyFile,
    });
    expect(Object.keys(files)).toEqual([pool.issuer]);
  });
});
