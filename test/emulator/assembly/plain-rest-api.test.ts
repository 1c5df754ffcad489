import { formatRouteKey } from '../../../lib/core/route-key';
import type { RouteSpec } from '../../../lib/core/route-table';
import { apiLocalId, loadAssembly, synthesizeToAssembly } from '../../../lib/emulator/assembly';
import type { ApiModel, GatewayModel } from '../../../lib/emulator/model';
import { INLINE_HANDLER, plainRestApiStack } from './fixtures/plain-rest-api-stack';

const ARN = 'arn:aws:lambda:us-east-1:123456789012:function';

let model: GatewayModel;
let api: ApiModel;

beforeAll(() => {
  model = loadAssembly(synthesizeToAssembly(plainRestApiStack()));
  api = model.apis[0];
});

function route(key: string): RouteSpec {
  const found = api.table.routes.find((candidate) => formatRouteKey(candidate.key) === key);
  if (!found)
    throw new Error(`no route ${key}; routes are ${api.table.routes.map((r) => formatRouteKey(r.key)).join(', ')}`);
  return found;
}

test('the API gets a stable stand-in id from its stack and logical id, and its declared name', () => {
  expect(model.apis).toHaveLength(1);
  expect(api.stackName).toBe('PlainStack');
  expect(api.apiId).toBe(apiLocalId(api.logicalId, 'PlainStack'));
  expect(api.apiId).toMatch(/^[a-z0-9]{10}$/);
  expect(api.name).toBe('plain-api');
  expect(api.table.binaryMediaTypes).toEqual(['image/png']);
  expect(api.table.apiKeySource).toBe('HEADER');
});

test('paths are built from the resource tree, one route per method', () => {
  expect(api.table.routes.map((r) => formatRouteKey(r.key)).sort()).toEqual([
    'ANY /orders/{proxy+}',
    'DELETE /users/{id}',
    'GET /',
    'GET /legacy',
    'GET /proxy',
    'GET /users',
    'GET /users/{id}',
    'POST /live',
  ]);
});

test('Lambda proxy integrations carry the canonical function ARN and the integration timeout', () => {
  expect(route('GET /users').integration).toEqual({
    kind: 'lambda',
    functionArn: `${ARN}:UsersFnCE294BE6`,
    timeoutMs: 29000,
  });
  expect(route('GET /users/{id}').integration).toEqual({
    kind: 'lambda',
    functionArn: `${ARN}:UsersFnCE294BE6`,
    timeoutMs: 5000,
  });
});

test('an alias integration keeps the qualifier, and a stage-variable ARN is left for per-request resolution', () => {
  expect(route('POST /live').integration).toMatchObject({ functionArn: `${ARN}:orders-service:live` });
  expect(route('ANY /orders/{proxy+}').integration).toMatchObject({
    functionArn: `${ARN}:orders-service:\${stageVariables.ordersAlias}`,
  });
});

test('MOCK and HTTP_PROXY integrations', () => {
  expect(route('GET /').integration).toMatchObject({
    kind: 'mock',
    statusCode: 200,
    responseHeaders: { 'X-Mock': 'yes' },
    responseBody: '{"hello":"world"}',
  });
  expect(route('GET /proxy').integration).toEqual({
    kind: 'http',
    url: 'https://example.com/{id}',
    method: 'GET',
    timeoutMs: 29000,
  });
});

test('methods name their TOKEN and REQUEST authorizers, IAM and NONE as declared', () => {
  expect(route('GET /users').authorization).toEqual({ kind: 'authorizer', authorizer: 'token-auth' });
  expect(route('GET /users/{id}').authorization).toEqual({ kind: 'authorizer', authorizer: 'request-auth' });
  expect(route('DELETE /users/{id}').authorization).toEqual({ kind: 'iam' });
  expect(route('POST /live').authorization).toEqual({ kind: 'none' });
  expect(route('GET /users').apiKeyRequired).toBe(true);
  expect(route('GET /users/{id}').apiKeyRequired).toBe(false);
});

test('authorizers keep their function, identity sources, validation expression and cache TTL', () => {
  expect(api.table.authorizers).toEqual([
    {
      name: 'token-auth',
      type: 'TOKEN',
      functionArn: `${ARN}:AuthFnE7829713`,
      identitySources: ['method.request.header.Authorization'],
      validationExpression: '^Bearer .+$',
      resultTtlSeconds: 60,
    },
    {
      name: 'request-auth',
      type: 'REQUEST',
      functionArn: `${ARN}:AuthFnE7829713`,
      identitySources: ['method.request.header.x-tenant', 'method.request.querystring.key'],
      resultTtlSeconds: 0,
    },
  ]);
});

test('functions are keyed by unqualified ARN with code, environment and limits', () => {
  const users = model.functions.get(`${ARN}:UsersFnCE294BE6`);
  expect(users).toMatchObject({
    logicalId: 'UsersFnCE294BE6',
    functionName: 'UsersFnCE294BE6',
    path: 'PlainStack/UsersFn/Resource',
    runtime: 'nodejs22.x',
    handler: 'index.handler',
    inlineCode: INLINE_HANDLER,
    environment: { TABLE: 'users', REGION: 'us-east-1' },
    timeoutSeconds: 10,
    memorySize: 256,
  });
  expect(users?.unsupportedReason).toBeUndefined();
  expect(model.functions.get(`${ARN}:orders-service`)).toMatchObject({ timeoutSeconds: 3, memorySize: 128 });
  expect([...model.functions.keys()].some((arn) => arn.endsWith(':live'))).toBe(false);
});

test('a runtime without a local runtime (Java) is kept but marked unsupported, and listed once', () => {
  const legacy = model.functions.get(`${ARN}:LegacyFn10E6AA91`);
  expect(legacy?.unsupportedReason).toBe(
    'runtime java21 is not supported locally; nodejs*, python3.* and provided* are',
  );
  expect(model.unsupported).toEqual([
    {
      path: 'PlainStack/LegacyFn/Resource',
      reason: 'runtime java21 is not supported locally; nodejs*, python3.* and provided* are',
    },
  ]);
});

test('the RestApi deployment stage keeps variables, access log, stage-wide and per-method throttles', () => {
  const v1 = api.stages.find((stage) => stage.name === 'v1');
  expect(v1).toMatchObject({
    variables: { ordersAlias: 'live' },
    accessLog: { destinationArn: 'arn:aws:logs:us-east-1:123456789012:log-group:AccessLogs8B620ECA:*' },
    methodSettings: [
      { resourcePath: '*', httpMethod: '*', throttle: { rateLimit: 100, burstLimit: 50 } },
      { resourcePath: '/users/{id}', httpMethod: 'GET', throttle: { rateLimit: 5, burstLimit: 2 } },
    ],
  });
  expect(v1?.accessLog?.format).toContain('$context.requestId');
  expect(v1?.canary).toBeUndefined();
});

test('a CfnStage with a ~1-encoded method setting path and a canary', () => {
  const v2 = api.stages.find((stage) => stage.name === 'v2');
  expect(v2).toEqual({
    name: 'v2',
    variables: { ordersAlias: 'blue' },
    deploymentId: api.stages[0].deploymentId,
    methodSettings: [{ resourcePath: '/users/{id}', httpMethod: 'GET', throttle: { rateLimit: 3, burstLimit: 4 } }],
    canary: { percentTraffic: 25, stageVariableOverrides: { ordersAlias: 'green' } },
  });
});

test('the usage plan links its API stage, per-method throttle, quota and keys', () => {
  expect(model.usagePlans).toEqual([
    {
      logicalId: 'ApiPlan25F8B52C',
      name: 'basic',
      apiStages: [
        { apiLogicalId: api.logicalId, stage: 'v1', throttle: { '/users/{id}/GET': { rateLimit: 1, burstLimit: 1 } } },
      ],
      throttle: { rateLimit: 10, burstLimit: 20 },
      quota: { limit: 1000, period: 'DAY' },
      apiKeyIds: ['ApiKey679C99C7', 'FixedKeyB0B828AC'],
    },
  ]);
});

test('a key without a value gets a stable generated 40-character value; a template value is kept', () => {
  const [generated, fixed] = model.apiKeys;
  expect(generated).toMatchObject({ logicalId: 'ApiKey679C99C7', name: 'partner-key', generated: true, enabled: true });
  expect(generated.value).toMatch(/^[A-Za-z0-9]{40}$/);
  expect(fixed).toEqual({
    logicalId: 'FixedKeyB0B828AC',
    name: 'FixedKeyB0B828AC',
    value: 'fixed-key-value-0123456789',
    generated: false,
    enabled: false,
  });
  const again = loadAssembly(synthesizeToAssembly(plainRestApiStack()));
  expect(again.apiKeys[0].value).toBe(generated.value);
});

test('apiKeyValues supplies a value by key name or logical id, and is not reported as generated', () => {
  const dir = synthesizeToAssembly(plainRestApiStack());
  expect(loadAssembly(dir, { apiKeyValues: { 'partner-key': 'from-options-by-name-000' } }).apiKeys[0]).toMatchObject({
    value: 'from-options-by-name-000',
    generated: false,
  });
  expect(loadAssembly(dir, { apiKeyValues: { ApiKey679C99C7: 'from-options-by-id-00000' } }).apiKeys[0].value).toBe(
    'from-options-by-id-00000',
  );
});

test('the gateway response override', () => {
  expect(api.gatewayResponses).toEqual({
    UNAUTHORIZED: {
      statusCode: 401,
      responseParameters: { 'gatewayresponse.header.Access-Control-Allow-Origin': "'*'" },
      responseTemplates: { 'application/json': '{"error":"unauthorized"}' },
    },
  });
});

test('the custom domain maps base paths to stages, an absent base path as (none)', () => {
  expect(model.domains).toEqual([
    {
      domainName: 'api.example.com',
      mappings: [
        { basePath: 'v1', apiLogicalId: api.logicalId, stage: 'v1' },
        { basePath: 'v2', apiLogicalId: api.logicalId, stage: 'v2' },
        { basePath: '(none)', apiLogicalId: api.logicalId, stage: 'v2' },
      ],
    },
  ]);
});

test('region and account options change every ARN consistently', () => {
  const other = loadAssembly(synthesizeToAssembly(plainRestApiStack()), {
    region: 'eu-central-1',
    accountId: '999988887777',
  });
  const arn = 'arn:aws:lambda:eu-central-1:999988887777:function:UsersFnCE294BE6';
  expect(other.functions.has(arn)).toBe(true);
  expect(other.apis[0].table.routes[0].integration).toMatchObject({ functionArn: arn });
  expect(other.functions.get(arn)?.environment.REGION).toBe('eu-central-1');
});
