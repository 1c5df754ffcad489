import { compileRestRouter } from '../../../lib/core/rest-router';
import { parseRouteKey } from '../../../lib/core/route-key';
import type { RouteSpec } from '../../../lib/core/route-table';
import type { ApiModel } from '../../../lib/emulator/model';
import type { AuthorizerOutcome, RequestContext } from '../../../lib/emulator/request-context';
import { parseRequestTarget, stripStage } from '../../../lib/emulator/request-target';
import { parseQueryString } from '../../../lib/emulator/request-values';
import { buildProxyEventV1 } from '../../../lib/emulator/rest/events-v1';
import goSample from './fixtures/rest-v1-proxy-event.aws-lambda-go.json';
import greedyRecording from './fixtures/rest-v1-proxy-event.greedy.aws-recorded.localstack-snapshot.json';
import authorizerCapture from './fixtures/rest-v1-proxy-event.lambda-authorizer.real-capture.powertools-ts.json';
import noAuthCapture from './fixtures/rest-v1-proxy-event.no-auth.real-capture.powertools-ts.json';

interface RequestSpec {
  readonly method: string;
  /** As sent to the execute-api host (stage first) or to a custom domain (base path first). */
  readonly rawUrl: string;
  readonly routeKey: string;
  readonly headers?: readonly [string, string][];
  readonly body?: Buffer;
  readonly stage?: string;
  readonly stageVariables?: Record<string, string>;
  readonly domainName?: string;
  readonly basePathMatched?: string;
  readonly authorizer?: AuthorizerOutcome;
  readonly apiKey?: { id: string; value: string };
  readonly binaryMediaTypes?: string[];
  readonly requestTimeEpoch?: number;
}

/** A RequestContext as the pipeline would hand it over after stage and route matching. */
function contextFor(spec: RequestSpec): RequestContext {
  const route: RouteSpec = {
    key: parseRouteKey(spec.routeKey),
    authorization: { kind: 'none' },
    apiKeyRequired: spec.apiKey !== undefined,
    integration: { kind: 'lambda', functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:f', timeoutMs: 29000 },
    requestParameters: {},
  };
  const stage = { name: spec.stage ?? 'prod', variables: {}, deploymentId: 'v99qix', methodSettings: [] };
  const api: ApiModel = {
    stackName: 'Stack',
    logicalId: 'Api',
    apiId: 'puhdx84jy9',
    name: 'api',
    table: { routes: [route], authorizers: [], apiKeySource: 'HEADER', binaryMediaTypes: spec.binaryMediaTypes ?? [] },
    stages: [stage],
    gatewayResponses: {},
  };
  const target = parseRequestTarget(spec.rawUrl);
  if (!target) throw new Error(`bad target ${spec.rawUrl}`);
  const path =
    spec.basePathMatched === undefined
      ? stripStage(target.path).rest
      : target.path.slice(spec.basePathMatched.length + 1) || '/';
  const match = compileRestRouter([route]).match(spec.method, path);
  if (!match) throw new Error(`${spec.method} ${path} does not match ${spec.routeKey}`);
  return {
    request: {
      method: spec.method,
      rawUrl: spec.rawUrl,
      headers: spec.headers ?? [],
      body: spec.body ?? Buffer.alloc(0),
      sourceIp: '15.248.3.126',
      protocol: 'HTTP/1.1',
    },
    requestId: 'f88e38e3-2060-4a56-93c0-9efbc6a659a0',
    extendedRequestId: 'ZhDrKF5dDoEEHfA=',
    requestTimeEpoch: spec.requestTimeEpoch ?? 1718635693506,
    startedAt: 0,
    api,
    stage,
    basePathMatched: spec.basePathMatched,
    domainName: spec.domainName ?? 'puhdx84jy9.execute-api.eu-west-1.amazonaws.com',
    stageVariables: spec.stageVariables ?? {},
    isCanaryRequest: false,
    path,
    query: parseQueryString(target.rawQuery),
    route,
    pathParameters: match.pathParameters,
    authorizer: spec.authorizer,
    apiKey: spec.apiKey,
  };
}

const build = (spec: RequestSpec) => buildProxyEventV1(contextFor(spec), { accountId: '123456789012' });

/** Keys and value kinds, not values: `{}` vs null, string vs number, which keys exist at all. */
function shapeOf(value: unknown): unknown {
  if (value === null) return null;
  if (Array.isArray(value)) return value.map(shapeOf);
  if (typeof value === 'object') {
    const entries = Object.entries(value as object).map(([k, v]) => [k, shapeOf(v)] as const);
    return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
  }
  return typeof value;
}

const headerPairs = (headers: Record<string, string>): [string, string][] => Object.entries(headers);

const authorizer = (principalId: string, context: AuthorizerOutcome['context'], integrationLatency: number) => ({
  principalId,
  context,
  integrationLatency,
  latency: integrationLatency,
  status: 200,
  cached: false,
});

describe('payload 1.0 events match real captures (AWS docs: "Lambda proxy integrations in API Gateway", docs/aws-behaviour.md, "Captured events")', () => {
  test('no authorizer (Powertools capture): same keys, nulls and value kinds, no version key', () => {
    const event = build({
      method: 'POST',
      rawUrl: '/prod/no-auth',
      routeKey: 'POST /no-auth',
      headers: headerPairs(noAuthCapture.headers),
    });
    expect(shapeOf(event)).toEqual(shapeOf(noAuthCapture));
    expect(event).not.toHaveProperty('version');
    expect(event).toMatchObject({
      resource: '/no-auth',
      path: '/no-auth',
      headers: noAuthCapture.headers,
      multiValueHeaders: noAuthCapture.multiValueHeaders,
      body: null,
      isBase64Encoded: false,
    });
    expect(event.requestContext).toMatchObject({
      path: '/prod/no-auth',
      resourcePath: '/no-auth',
      stage: 'prod',
      domainPrefix: 'puhdx84jy9',
      protocol: 'HTTP/1.1',
      requestTime: noAuthCapture.requestContext.requestTime,
      requestTimeEpoch: noAuthCapture.requestContext.requestTimeEpoch,
      identity: { userAgent: 'HTTPie/3.2.2', sourceIp: '15.248.3.126' },
    });
    expect(event.requestContext.resourceId).toMatch(/^[0-9a-z]{6}$/);
  });

  test('Lambda authorizer (Powertools capture): authorizer is {principalId, integrationLatency}', () => {
    const event = build({
      method: 'POST',
      rawUrl: '/prod/lambda-token',
      routeKey: 'POST /lambda-token',
      headers: headerPairs(authorizerCapture.headers),
      authorizer: authorizer('user', {}, 422),
      requestTimeEpoch: authorizerCapture.requestContext.requestTimeEpoch,
    });
    expect(shapeOf(event)).toEqual(shapeOf(authorizerCapture));
    expect(event.requestContext.authorizer).toEqual(authorizerCapture.requestContext.authorizer);
    expect(event.requestContext.requestTime).toBe(authorizerCapture.requestContext.requestTime);
  });

  test('greedy resource (recorded on AWS): proxy parameter, client header casing, null maps', () => {
    const event = build({
      method: 'GET',
      rawUrl: '/stage/proxy-value',
      routeKey: 'ANY /{proxy+}',
      stage: 'stage',
      headers: headerPairs(greedyRecording.headers),
    });
    // The recording redacts requestTimeEpoch to a string placeholder.
    const recordedShape = shapeOf({
      ...greedyRecording,
      multiValueHeaders: event.multiValueHeaders,
      requestContext: { ...greedyRecording.requestContext, requestTimeEpoch: 0 },
    });
    expect(shapeOf(event)).toEqual(recordedShape);
    expect(event).toMatchObject({
      resource: '/{proxy+}',
      path: '/proxy-value',
      httpMethod: 'GET',
      pathParameters: { proxy: 'proxy-value' },
      queryStringParameters: null,
      multiValueQueryStringParameters: null,
      stageVariables: null,
    });
    expect(event.headers['tEsT-HEADeR']).toBe('aValUE');
    expect(event.multiValueHeaders['tEsT-HEADeR']).toEqual(['aValUE']);
    expect(event.requestContext.path).toBe('/stage/proxy-value');
  });

  test('aws-lambda-go sample: query, stage variables, body, API key identity, stringified authorizer context', () => {
    const event = build({
      method: 'POST',
      rawUrl: '/testStage/hello/world?name=me',
      routeKey: 'ANY /{proxy+}',
      stage: 'testStage',
      headers: headerPairs(goSample.headers),
      body: Buffer.from(goSample.body, 'utf8'),
      stageVariables: goSample.stageVariables,
      apiKey: { id: 'theApiKeyId', value: 'theApiKey' },
      authorizer: authorizer('admin', { clientId: 1, clientName: 'Exata' }, 0),
    });
    expect(event).toMatchObject({
      resource: goSample.resource,
      path: goSample.path,
      httpMethod: goSample.httpMethod,
      headers: goSample.headers,
      multiValueHeaders: goSample.multiValueHeaders,
      queryStringParameters: goSample.queryStringParameters,
      multiValueQueryStringParameters: goSample.multiValueQueryStringParameters,
      pathParameters: goSample.pathParameters,
      stageVariables: goSample.stageVariables,
      body: goSample.body,
      isBase64Encoded: false,
    });
    expect(event.requestContext.identity).toMatchObject({ apiKey: 'theApiKey', apiKeyId: 'theApiKeyId' });
    // The sample shows clientId as a number; real AWS stringifies context values (AWS docs: "Lambda proxy integrations in API Gateway").
    expect(event.requestContext.authorizer).toEqual({
      clientId: '1',
      clientName: 'Exata',
      principalId: 'admin',
      integrationLatency: 0,
    });
  });
});

describe('building a payload 1.0 event', () => {
  const base: RequestSpec = { method: 'GET', rawUrl: '/prod/items', routeKey: 'GET /items' };

  test('authorizer context numbers and booleans are stringified, null kept', () => {
    const event = build({
      ...base,
      authorizer: authorizer('my-username', { str: 'hello', bool: true, null: null, num: 123 }, 0),
    });
    expect(JSON.stringify(event.requestContext.authorizer)).toBe(
      '{"str":"hello","bool":"true","null":null,"num":"123","principalId":"my-username","integrationLatency":0}',
    );
  });

  test('without an authorizer or API key those keys are absent, not null', () => {
    const event = build(base);
    expect(event.requestContext).not.toHaveProperty('authorizer');
    expect(event.requestContext.identity).not.toHaveProperty('apiKey');
    expect(event.requestContext.identity).not.toHaveProperty('apiKeyId');
  });

  test('a request without headers has null header maps', () => {
    const event = build(base);
    expect(event.headers).toBeNull();
    expect(event.multiValueHeaders).toBeNull();
    expect(event.requestContext.identity.userAgent).toBeNull();
  });

  test('Content-Length is not forwarded; repeated headers keep every value', () => {
    const event = build({
      ...base,
      headers: [
        ['Content-Length', '0'],
        ['X-Tag', 'a'],
        ['X-Tag', 'b'],
      ],
    });
    expect(event.headers).toEqual({ 'X-Tag': 'b' });
    expect(event.multiValueHeaders).toEqual({ 'X-Tag': ['a', 'b'] });
  });

  test('query parameters are decoded, last value wins in the single map (AWS docs: "Amazon API Gateway important notes", docs/aws-behaviour.md, "REST paths")', () => {
    const event = build({
      ...base,
      rawUrl: '/prod/items?category=electronics&category=books&email=test%2Balias@gmail.com&plus=a+b',
    });
    expect(event.queryStringParameters).toEqual({ category: 'books', email: 'test+alias@gmail.com', plus: 'a b' });
    expect(event.multiValueQueryStringParameters).toEqual({
      category: ['electronics', 'books'],
      email: ['test+alias@gmail.com'],
      plus: ['a b'],
    });
  });

  test('path parameters stay URL-encoded', () => {
    const event = build({ ...base, rawUrl: '/prod/users/test%2Balias@gmail.com', routeKey: 'GET /users/{email}' });
    expect(event.pathParameters).toEqual({ email: 'test%2Balias@gmail.com' });
    expect(event.path).toBe('/users/test%2Balias@gmail.com');
  });

  test('a trailing slash is kept in both paths (docs/aws-behaviour.md, "REST paths")', () => {
    const event = build({ ...base, rawUrl: '/stage/proxy-value/', routeKey: 'ANY /{proxy+}' });
    expect(event.path).toBe('/proxy-value/');
    expect(event.requestContext.path).toBe('/stage/proxy-value/');
    expect(event.pathParameters).toEqual({ proxy: 'proxy-value' });
  });

  test('double slashes: leading ones collapse, the rest is kept (docs/aws-behaviour.md, "REST paths")', () => {
    const afterStage = build({ ...base, rawUrl: '/stage//proxy-value', routeKey: 'ANY /{proxy+}' });
    expect(afterStage.path).toBe('/proxy-value');
    expect(afterStage.requestContext.path).toBe('/stage//proxy-value');
    const beforeStage = build({ ...base, rawUrl: '//stage/proxy-value', routeKey: 'ANY /{proxy+}' });
    expect(beforeStage.requestContext.path).toBe('/stage/proxy-value');
    const inside = build({ ...base, rawUrl: '/stage/proxy-value//double-slash', routeKey: 'ANY /{proxy+}' });
    expect(inside.pathParameters).toEqual({ proxy: 'proxy-value//double-slash' });
  });

  test('through a custom domain both paths keep the base path and drop the stage (AWS docs: "Lambda proxy integrations in API Gateway")', () => {
    const event = build({
      ...base,
      rawUrl: '/v1/payment',
      routeKey: 'GET /payment',
      basePathMatched: 'v1',
      domainName: 'api.example.com',
    });
    expect(event.path).toBe('/v1/payment');
    expect(event.resource).toBe('/payment');
    expect(event.requestContext.path).toBe('/v1/payment');
    expect(event.requestContext.stage).toBe('prod');
    expect(event.requestContext.domainPrefix).toBe('api');
  });

  test('a body whose Content-Type is a binary media type is sent base64-encoded', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff]);
    const event = build({
      ...base,
      method: 'POST',
      routeKey: 'POST /items',
      headers: [['Content-Type', 'image/png']],
      body: png,
      binaryMediaTypes: ['image/*'],
    });
    expect(event.isBase64Encoded).toBe(true);
    expect(event.body).toBe(png.toString('base64'));
  });

  test('a body of any other type is sent as UTF-8 text', () => {
    const event = build({
      ...base,
      method: 'POST',
      routeKey: 'POST /items',
      headers: [['Content-Type', 'application/json; charset=utf-8']],
      body: Buffer.from('{"name":"é"}', 'utf8'),
      binaryMediaTypes: ['image/*', 'application/octet-stream'],
    });
    expect(event.isBase64Encoded).toBe(false);
    expect(event.body).toBe('{"name":"é"}');
  });

  test('*/* makes every request body binary', () => {
    const event = build({
      ...base,
      method: 'POST',
      routeKey: 'POST /items',
      headers: [['content-type', 'text/plain']],
      body: Buffer.from('hi'),
      binaryMediaTypes: ['*/*'],
    });
    expect(event).toMatchObject({ isBase64Encoded: true, body: Buffer.from('hi').toString('base64') });
  });

  test('a route that is not matched yet is a programming error', () => {
    const ctx = { ...contextFor(base), route: undefined };
    expect(() => buildProxyEventV1(ctx, { accountId: '1' })).toThrow(/route/);
  });
});
