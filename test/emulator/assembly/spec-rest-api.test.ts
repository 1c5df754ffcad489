import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { App, Duration, Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { formatRouteKey } from '../../../lib/core/route-key';
import type { RouteSpec, RouteTable } from '../../../lib/core/route-table';
import { loadAssembly, synthesizeToAssembly } from '../../../lib/emulator/assembly';
import type { ApiModel, GatewayModel } from '../../../lib/emulator/model';
import { INLINE_HANDLER } from './fixtures/plain-rest-api-stack';
import { assetSpecStack, inlineSpecStack, swaggerFileContents } from './fixtures/spec-rest-api-stack';

const ARN = 'arn:aws:lambda:us-east-1:123456789012:function';

function route(api: ApiModel, key: string): RouteSpec {
  const found = api.table.routes.find((candidate) => formatRouteKey(candidate.key) === key);
  if (!found) throw new Error(`no route ${key}`);
  return found;
}

describe('SpecRestApi with an inline OpenAPI 3 definition', () => {
  let model: GatewayModel;
  let api: ApiModel;

  beforeAll(() => {
    model = loadAssembly(synthesizeToAssembly(inlineSpecStack()));
    api = model.apis[0];
  });

  test('every operation becomes a route, x-amazon-apigateway-any-method as ANY', () => {
    expect(api.name).toBe('spec-api');
    expect(api.table.routes.map((r) => formatRouteKey(r.key))).toEqual([
      'GET /users',
      'ANY /users/{id}',
      'DELETE /users/{id}',
      'GET /pool',
      'GET /health',
      'ANY /ext/{proxy+}',
    ]);
  });

  test('intrinsics inside the body resolve: the integration URI gives the canonical function ARN', () => {
    expect(route(api, 'GET /users')).toEqual({
      key: expect.objectContaining({ method: 'GET', path: '/users' }),
      authorization: { kind: 'authorizer', authorizer: 'tokenAuth' },
      apiKeyRequired: true,
      integration: { kind: 'lambda', functionArn: `${ARN}:UsersFnCE294BE6`, timeoutMs: 6000 },
      requestParameters: { 'integration.request.header.x-user': 'context.authorizer.principalId' },
    });
    expect(model.functions.has(`${ARN}:UsersFnCE294BE6`)).toBe(true);
    expect(route(api, 'ANY /users/{id}').integration).toMatchObject({
      functionArn: `${ARN}:UsersFnCE294BE6:\${stageVariables.alias}`,
    });
  });

  test('security schemes give authorizers, IAM (awsSigv4), Cognito scopes and API key requirements', () => {
    expect(route(api, 'ANY /users/{id}').authorization).toEqual({ kind: 'authorizer', authorizer: 'requestAuth' });
    expect(route(api, 'DELETE /users/{id}').authorization).toEqual({ kind: 'iam' });
    expect(route(api, 'GET /pool').authorization).toEqual({
      kind: 'authorizer',
      authorizer: 'pool',
      scopes: ['email', 'profile'],
    });
    expect(route(api, 'GET /health')).toMatchObject({ authorization: { kind: 'none' }, apiKeyRequired: false });
    expect(api.table.authorizers).toEqual([
      {
        name: 'tokenAuth',
        type: 'TOKEN',
        functionArn: `${ARN}:AuthFnE7829713`,
        identitySources: ['method.request.header.Authorization'],
        validationExpression: '^Bearer .+$',
        resultTtlSeconds: 120,
      },
      {
        name: 'requestAuth',
        type: 'REQUEST',
        functionArn: `${ARN}:AuthFnE7829713`,
        identitySources: ['method.request.header.x-tenant', 'method.request.querystring.key'],
        resultTtlSeconds: 300,
      },
      {
        name: 'pool',
        type: 'COGNITO_USER_POOLS',
        providerArns: ['arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc'],
        identitySources: ['method.request.header.Authorization'],
        resultTtlSeconds: 300,
      },
    ]);
  });

  test('a mock answers with the response its request template selects; http_proxy keeps ANY', () => {
    expect(route(api, 'GET /health').integration).toMatchObject({
      kind: 'mock',
      statusCode: 204,
      responseHeaders: { 'X-Health': 'ok' },
      responseBody: undefined,
    });
    expect(route(api, 'ANY /ext/{proxy+}')).toMatchObject({
      integration: { kind: 'http', url: 'https://backend.example.com/{proxy}', method: 'ANY', timeoutMs: 29000 },
      requestParameters: { 'integration.request.path.proxy': 'method.request.path.proxy' },
    });
  });

  test('API-wide extensions: key source, binary media types, gateway responses', () => {
    expect(api.table.apiKeySource).toBe('HEADER');
    expect(api.table.binaryMediaTypes).toEqual(['application/octet-stream']);
    expect(api.gatewayResponses.THROTTLED).toEqual({
      statusCode: 429,
      responseParameters: { 'gatewayresponse.header.Retry-After': "'1'" },
      responseTemplates: { 'application/json': '{"message":"slow down"}' },
    });
  });

  test('stage, usage plan and generated key link to the spec API like any other', () => {
    expect(api.stages).toEqual([expect.objectContaining({ name: 'live', variables: { alias: 'prod' } })]);
    expect(model.usagePlans[0]).toMatchObject({
      apiStages: [{ apiLogicalId: api.logicalId, stage: 'live', throttle: {} }],
      throttle: { rateLimit: 2, burstLimit: 4 },
      apiKeyIds: [model.apiKeys[0].logicalId],
    });
    expect(model.apiKeys[0].generated).toBe(true);
    expect(model.unsupported).toEqual([]);
  });
});

describe('SpecRestApi with ApiDefinition.fromAsset', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'portico-spec-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('a Swagger 2 JSON file is found through the asset manifest and imported as is', () => {
    const file = path.join(dir, 'api.json');
    writeFileSync(file, swaggerFileContents('us-east-1', '123456789012'));
    const model = loadAssembly(synthesizeToAssembly(assetSpecStack(file)));
    const [api] = model.apis;
    expect(api.table.apiKeySource).toBe('AUTHORIZER');
    expect(route(api, 'GET /files/{key+}')).toMatchObject({
      authorization: { kind: 'none' },
      apiKeyRequired: true,
      integration: { kind: 'lambda', functionArn: `${ARN}:files-fn` },
    });
    expect(route(api, 'GET /').integration).toMatchObject({
      kind: 'mock',
      statusCode: 200,
      responseHeaders: {},
      responseBody: '{"root":true}',
    });
    expect(api.stages.map((stage) => stage.name)).toEqual(['prod']);
    expect(model.unsupported).toEqual([]);
  });

  test('a YAML definition file is read the same way', () => {
    const file = path.join(dir, 'api.yaml');
    writeFileSync(
      file,
      [
        'openapi: "3.0.1"',
        'info: { title: yaml-api, version: "1" }',
        'paths:',
        '  /ping:',
        '    get:',
        '      x-amazon-apigateway-integration:',
        '        type: mock',
        '        requestTemplates:',
        '          application/json: \'{"statusCode": 200}\'',
        '        responses:',
        '          default:',
        '            statusCode: "200"',
        '            responseTemplates:',
        '              application/json: |',
        '                {"pong": true}',
      ].join('\n'),
    );
    const [api] = loadAssembly(synthesizeToAssembly(assetSpecStack(file))).apis;
    expect(route(api, 'GET /ping').integration).toMatchObject({
      kind: 'mock',
      statusCode: 200,
      responseHeaders: {},
      responseBody: '{"pong": true}\n',
    });
  });

  test('with the CLI asset metadata the file is found through aws:asset:path', () => {
    const file = path.join(dir, 'meta.json');
    writeFileSync(file, swaggerFileContents('us-east-1', '123456789012'));
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [], 'aws:cdk:enable-asset-metadata': true } });
    const stack = new Stack(app, 'MetaStack');
    new apigateway.SpecRestApi(stack, 'Api', { apiDefinition: apigateway.ApiDefinition.fromAsset(file) });
    const assembly = synthesizeToAssembly(stack);
    // Without the asset manifest, only the resource metadata can lead to the file.
    rmSync(path.join(assembly, 'MetaStack.assets.json'));
    const model = loadAssembly(assembly);
    expect(model.apis[0].table.routes).toHaveLength(2);
  });
});

/** The same gateway written both ways: the loader must not be able to tell them apart. */
test('a Resource/Method API and the equivalent OpenAPI definition load to the same route table', () => {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new Stack(app, 'TwinStack');
  const fn = new lambda.Function(stack, 'Fn', {
    functionName: 'twin-fn',
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline(INLINE_HANDLER),
  });
  const plain = new apigateway.RestApi(stack, 'Plain');
  const auth = new apigateway.TokenAuthorizer(stack, 'Auth', {
    handler: fn,
    authorizerName: 'auth',
    resultsCacheTtl: Duration.seconds(30),
  });
  const users = plain.root.addResource('users');
  users.addMethod('GET', new apigateway.LambdaIntegration(fn), { authorizer: auth, apiKeyRequired: true });
  users.addResource('{id}').addMethod('ANY', new apigateway.LambdaIntegration(fn), {
    authorizationType: apigateway.AuthorizationType.NONE,
  });
  const uri = `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${fn.functionArn}/invocations`;
  new apigateway.SpecRestApi(stack, 'Spec', {
    apiDefinition: apigateway.ApiDefinition.fromInline({
      openapi: '3.0.1',
      info: { title: 'twin', version: '1' },
      paths: {
        '/users': {
          get: {
            security: [{ auth: [] }, { key: [] }],
            'x-amazon-apigateway-integration': { type: 'aws_proxy', httpMethod: 'POST', uri },
          },
        },
        '/users/{id}': {
          'x-amazon-apigateway-any-method': {
            'x-amazon-apigateway-integration': { type: 'aws_proxy', httpMethod: 'POST', uri },
          },
        },
      },
      components: {
        securitySchemes: {
          key: { type: 'apiKey', name: 'x-api-key', in: 'header' },
          auth: {
            type: 'apiKey',
            name: 'Authorization',
            in: 'header',
            'x-amazon-apigateway-authtype': 'custom',
            'x-amazon-apigateway-authorizer': { type: 'token', authorizerUri: uri, authorizerResultTtlInSeconds: 30 },
          },
        },
      },
    }),
  });
  const model = loadAssembly(synthesizeToAssembly(stack));
  const tables = model.apis.map((api) => sorted(api.table));
  expect(tables).toHaveLength(2);
  expect(tables[0]).toEqual(tables[1]);
  expect(tables[0].routes).toHaveLength(2);
});

function sorted(table: RouteTable): RouteTable {
  const key = (r: RouteSpec) => formatRouteKey(r.key);
  return { ...table, routes: [...table.routes].sort((a, b) => key(a).localeCompare(key(b))) };
}
