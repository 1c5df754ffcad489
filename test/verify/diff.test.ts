import type { ApiDescription, RouteDescription, StageDescription } from '../../lib/verify';
import { diffApis, formatDiff } from '../../lib/verify';

const route = (routeKey: string, extra: Partial<RouteDescription> = {}): RouteDescription => ({
  routeKey,
  authorizationType: 'JWT',
  authorizer: 'jwt',
  scopes: [],
  integration: { kind: 'lambda', functionName: 'Users0A0EEA89', payloadFormatVersion: '2.0' },
  ...extra,
});

const stage = (name: string, extra: Partial<StageDescription> = {}): StageDescription => ({
  name,
  variables: { version: 'v1' },
  accessLogFormat: '{"requestId":"$context.requestId"}',
  accessLogDestination: 'arn:aws:logs:us-east-1:123456789012:log-group:GatewayAccessLogs1A2B3C4D:*',
  defaultThrottle: { rateLimit: 100, burstLimit: 200 },
  routeThrottles: { 'POST /orders': { rateLimit: 10, burstLimit: 20 } },
  ...extra,
});

function httpApi(extra: Partial<ApiDescription> = {}): ApiDescription {
  return {
    flavor: 'http',
    name: 'shop',
    routes: { 'GET /users/{id}': route('GET /users/{id}'), 'POST /orders': route('POST /orders') },
    authorizers: {
      jwt: {
        name: 'jwt',
        type: 'JWT',
        identitySources: ['$request.header.Authorization'],
        issuer: 'https://auth.example.test/',
        audience: ['shop'],
      },
    },
    stages: { $default: stage('$default') },
    ...extra,
  };
}

describe('diffApis', () => {
  test('finds nothing when both sides describe the same API', () => {
    expect(diffApis(httpApi(), httpApi())).toEqual([]);
  });

  test('names a route the deployed API lacks and one it has in addition', () => {
    const deployed = httpApi({
      routes: { 'GET /users/{userId}': route('GET /users/{userId}'), 'POST /orders': route('POST /orders') },
    });
    expect(diffApis(httpApi(), deployed)).toEqual([
      { kind: 'missing', subject: 'route', name: 'GET /users/{id}' },
      { kind: 'extra', subject: 'route', name: 'GET /users/{userId}' },
    ]);
  });

  test('reports a route whose authorizer changed, with both values', () => {
    const deployed = httpApi({
      routes: {
        ...httpApi().routes,
        'POST /orders': route('POST /orders', { authorizationType: 'CUSTOM', authorizer: 'lambda' }),
      },
    });
    expect(diffApis(httpApi(), deployed)).toEqual([
      {
        kind: 'changed',
        subject: 'route',
        name: 'POST /orders',
        field: 'authorization',
        expected: 'JWT "jwt"',
        actual: 'CUSTOM "lambda"',
      },
    ]);
  });

  test('compares scopes regardless of order but notices a missing one', () => {
    const expected = httpApi({ routes: { 'GET /a': route('GET /a', { scopes: ['read', 'write'] }) } });
    const same = httpApi({ routes: { 'GET /a': route('GET /a', { scopes: ['read', 'write'] }) } });
    const fewer = httpApi({ routes: { 'GET /a': route('GET /a', { scopes: ['read'] }) } });
    expect(diffApis(expected, same)).toEqual([]);
    expect(diffApis(expected, fewer)[0]).toMatchObject({ field: 'authorization', actual: 'JWT "jwt" scopes read' });
  });

  test('takes a CloudFormation-generated function name for the logical id the template uses', () => {
    const deployed = httpApi({
      routes: {
        ...httpApi().routes,
        'GET /users/{id}': route('GET /users/{id}', {
          integration: {
            kind: 'lambda',
            functionName: 'ShopStack-Users0A0EEA89-Xb3kQ9ZpL2mN',
            payloadFormatVersion: '2.0',
          },
        }),
      },
    });
    expect(diffApis(httpApi(), deployed)).toEqual([]);
  });

  test('reports an integration that now targets another function or payload version', () => {
    const deployed = httpApi({
      routes: {
        ...httpApi().routes,
        'GET /users/{id}': route('GET /users/{id}', {
          integration: {
            kind: 'lambda',
            functionName: 'ShopStack-Orders9F8E7D6C-Xb3kQ9ZpL2mN',
            payloadFormatVersion: '2.0',
          },
        }),
        'POST /orders': route('POST /orders', {
          integration: { kind: 'lambda', functionName: 'Users0A0EEA89', payloadFormatVersion: '1.0' },
        }),
      },
    });
    expect(diffApis(httpApi(), deployed)).toEqual([
      expect.objectContaining({
        name: 'GET /users/{id}',
        field: 'integration',
        expected: 'Lambda Users0A0EEA89 (payload 2.0)',
        actual: 'Lambda ShopStack-Orders9F8E7D6C-Xb3kQ9ZpL2mN (payload 2.0)',
      }),
      expect.objectContaining({
        name: 'POST /orders',
        field: 'integration',
        actual: 'Lambda Users0A0EEA89 (payload 1.0)',
      }),
    ]);
  });

  test('reports changed authorizer settings field by field', () => {
    const deployed = httpApi({
      authorizers: {
        jwt: {
          name: 'jwt',
          type: 'JWT',
          identitySources: ['$request.header.X-Token'],
          issuer: 'https://other.example.test/',
          audience: ['shop'],
        },
      },
    });
    expect(diffApis(httpApi(), deployed).map((finding) => finding.field)).toEqual(['identity sources', 'issuer']);
  });

  test('reports throttles, log format and stage variables that differ, naming the route', () => {
    const deployed = httpApi({
      stages: {
        $default: stage('$default', {
          variables: { version: 'v2' },
          accessLogFormat: '$context.requestId',
          defaultThrottle: { rateLimit: 50, burstLimit: 200 },
          routeThrottles: {},
        }),
      },
    });
    expect(diffApis(httpApi(), deployed)).toEqual([
      expect.objectContaining({
        subject: 'stage',
        name: '$default',
        field: 'variable version',
        expected: 'v1',
        actual: 'v2',
      }),
      expect.objectContaining({ field: 'access log format', actual: '$context.requestId' }),
      expect.objectContaining({
        field: 'default throttle',
        expected: 'rate 100/s, burst 200',
        actual: 'rate 50/s, burst 200',
      }),
      expect.objectContaining({ field: 'throttle of POST /orders', expected: 'rate 10/s, burst 20', actual: 'none' }),
    ]);
  });

  test('a stage variable holding a function ARN matches the deployed function by its generated name', () => {
    const arn = (name: string, account = '123456789012') => `arn:aws:lambda:eu-west-1:${account}:function:${name}`;
    const expected = httpApi({ stages: { $default: stage('$default', { variables: { fn: arn('Users0A0EEA89') } }) } });
    const deployed = httpApi({
      stages: {
        $default: stage('$default', { variables: { fn: arn('Shop-Users0A0EEA89-AbCdEf123456', '999999999999') } }),
      },
    });
    const moved = httpApi({
      stages: { $default: stage('$default', { variables: { fn: arn('Shop-Orders11AA22BB-AbCdEf123456') } }) },
    });
    expect(diffApis(expected, deployed)).toEqual([]);
    expect(diffApis(expected, moved)).toEqual([expect.objectContaining({ field: 'variable fn' })]);
  });

  test('accepts the log group CloudFormation named after the logical id, not another one', () => {
    const group = (name: string) => `arn:aws:logs:us-east-1:1:log-group:${name}:*`;
    const withGroup = (name: string) =>
      httpApi({ stages: { $default: stage('$default', { accessLogDestination: group(name) }) } });
    expect(
      diffApis(withGroup('GatewayAccessLogs1A2B3C4D'), withGroup('Shop-GatewayAccessLogs1A2B3C4D-Q1w2E3r4T5y6')),
    ).toEqual([]);
    expect(diffApis(withGroup('/aws/apigateway/shop'), withGroup('/aws/apigateway/other'))).toEqual([
      expect.objectContaining({ field: 'access log destination' }),
    ]);
  });

  test('compares REST usage plans: throttle, quota and per-method throttles', () => {
    const plan = {
      name: 'basic',
      throttle: { rateLimit: 10, burstLimit: 20 },
      quota: { limit: 1000, period: 'DAY', offset: 0 },
      stages: { live: { 'GET /items': { rateLimit: 1, burstLimit: 2 } } },
    };
    const rest = (usagePlans: ApiDescription['usagePlans']) => httpApi({ flavor: 'rest', usagePlans });
    expect(diffApis(rest({ basic: plan }), rest({ basic: plan }))).toEqual([]);
    const changed = { ...plan, quota: { limit: 500, period: 'DAY', offset: 0 }, stages: { live: {} } };
    expect(diffApis(rest({ basic: plan }), rest({ basic: changed }))).toEqual([
      expect.objectContaining({
        subject: 'usage plan',
        field: 'quota',
        expected: '1000 per DAY',
        actual: '500 per DAY',
      }),
      expect.objectContaining({ field: 'throttle of GET /items on stage live', actual: 'none' }),
    ]);
    expect(diffApis(rest({ basic: plan }), rest({}))).toEqual([
      { kind: 'missing', subject: 'usage plan', name: 'basic' },
    ]);
  });
});

describe('formatDiff', () => {
  test('prints one line per finding under its API, with - for missing, + for extra and ~ for changed', () => {
    const text = formatDiff([
      {
        flavor: 'http',
        name: 'shop',
        apiId: 'a1b2c3d4e5',
        findings: [
          { kind: 'missing', subject: 'route', name: 'GET /users/{id}' },
          { kind: 'extra', subject: 'route', name: 'GET /users/{userId}' },
          {
            kind: 'changed',
            subject: 'stage',
            name: 'v2',
            field: 'throttle of POST /orders',
            expected: 'rate 10/s, burst 20',
            actual: 'rate 5/s, burst 20',
          },
        ],
      },
      { flavor: 'rest', name: 'shop-v1', apiId: 'f6e5d4c3b2', findings: [] },
    ]);
    expect(text.split('\n')).toEqual([
      'HTTP API shop (a1b2c3d4e5): 3 differences',
      '  - route GET /users/{id}: in the template, not deployed',
      '  + route GET /users/{userId}: deployed, not in the template',
      '  ~ stage v2: throttle of POST /orders: template rate 10/s, burst 20, deployed rate 5/s, burst 20',
      'REST API shop-v1 (f6e5d4c3b2): in sync with the template',
    ]);
  });

  test('says when no deployed API has the template’s name', () => {
    const text = formatDiff([
      { flavor: 'http', name: 'shop', findings: [{ kind: 'missing', subject: 'api', name: 'shop' }] },
    ]);
    expect(text).toContain('no deployed API is named "shop"');
  });
});
