import { ACCESS_LOG_FORMATS } from '../../../lib/core/access-log-formats';
import { compileAccessLogFormat } from '../../../lib/core/access-log-render';
import { GatewayError } from '../../../lib/core/gateway-responses';
import type { RequestContext } from '../../../lib/emulator/request-context';
import { accessLogVariables } from '../../../lib/emulator/rest/access-log';
import { matchedRequest, stage } from './request-fixture';

const EXTRA = { accountId: '123456789012', status: 200, responseLength: 42, responseLatency: 12 };

function authorizedRequest(): RequestContext {
  const ctx = matchedRequest({ headers: [['User-Agent', 'curl/8.5.0']] });
  ctx.authorizer = {
    principalId: 'user-1',
    context: { tenant: 'acme', admin: true, level: 3, nothing: null },
    integrationLatency: 7,
    integrationStatus: 200,
    latency: 9,
    status: 200,
    cached: false,
  };
  ctx.apiKey = { id: 'GoldKey', value: 'gold-key-value-0123456789' };
  ctx.integration = { latency: 30, status: 201, requestId: 'lambda-req-1' };
  return ctx;
}

describe('accessLogVariables', () => {
  test('maps the request, stage and response variables', () => {
    const lookup = accessLogVariables(authorizedRequest(), EXTRA);
    expect({
      requestId: lookup('requestId'),
      extendedRequestId: lookup('extendedRequestId'),
      sourceIp: lookup('identity.sourceIp'),
      userAgent: lookup('identity.userAgent'),
      requestTime: lookup('requestTime'),
      requestTimeEpoch: lookup('requestTimeEpoch'),
      httpMethod: lookup('httpMethod'),
      resourcePath: lookup('resourcePath'),
      path: lookup('path'),
      protocol: lookup('protocol'),
      status: lookup('status'),
      responseLength: lookup('responseLength'),
      responseLatency: lookup('responseLatency'),
      stage: lookup('stage'),
      apiId: lookup('apiId'),
      accountId: lookup('accountId'),
      domainName: lookup('domainName'),
      domainPrefix: lookup('domainPrefix'),
      deploymentId: lookup('deploymentId'),
    }).toEqual({
      requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
      extendedRequestId: 'ZhFsxGQDDoEEMig=',
      sourceIp: '203.0.113.7',
      userAgent: 'curl/8.5.0',
      requestTime: '17/Jun/2024:15:02:03 +0000',
      requestTimeEpoch: '1718636523035',
      httpMethod: 'GET',
      resourcePath: '/users/{id}',
      path: '/prod/users/42',
      protocol: 'HTTP/1.1',
      status: '200',
      responseLength: '42',
      responseLatency: '12',
      stage: 'prod',
      apiId: 'abcde12345',
      accountId: '123456789012',
      domainName: 'abcde12345.execute-api.eu-west-1.amazonaws.com',
      domainPrefix: 'abcde12345',
      deploymentId: 'dep123',
    });
    expect(lookup('resourceId')).toMatch(/^[a-z0-9]{6}$/);
  });

  test('maps the authorizer, API key and integration variables, context values stringified', () => {
    const lookup = accessLogVariables(authorizedRequest(), EXTRA);
    expect(lookup('authorizer.principalId')).toBe('user-1');
    expect(lookup('authorizer.tenant')).toBe('acme');
    expect(lookup('authorizer.admin')).toBe('true');
    expect(lookup('authorizer.level')).toBe('3');
    expect(lookup('authorizer.nothing')).toBeUndefined();
    expect(lookup('authorizer.unknown')).toBeUndefined();
    expect([
      lookup('authorizer.latency'),
      lookup('authorizer.integrationLatency'),
      lookup('authorizer.status'),
    ]).toEqual(['9', '7', '200']);
    expect([lookup('authorize.status'), lookup('authorize.latency')]).toEqual(['200', '9']);
    expect([lookup('identity.apiKey'), lookup('identity.apiKeyId')]).toEqual(['gold-key-value-0123456789', 'GoldKey']);
    expect([lookup('integrationLatency'), lookup('integrationStatus'), lookup('integration.requestId')]).toEqual([
      '30',
      '201',
      'lambda-req-1',
    ]);
  });

  test('IAM and Cognito identity fields, WAF and unknown variables have no value', () => {
    const lookup = accessLogVariables(authorizedRequest(), EXTRA);
    for (const name of [
      'identity.caller',
      'identity.user',
      'identity.userArn',
      'wafResponseCode',
      'xrayTraceId',
      'nope',
    ]) {
      expect(lookup(name)).toBeUndefined();
    }
  });

  test('error variables describe the gateway response; messageString is quoted', () => {
    const ctx = matchedRequest();
    expect(accessLogVariables(ctx, EXTRA)('error.message')).toBeUndefined();
    ctx.error = new GatewayError('THROTTLED');
    const lookup = accessLogVariables(ctx, EXTRA);
    expect([lookup('error.message'), lookup('error.messageString'), lookup('error.responseType')]).toEqual([
      'Too Many Requests',
      '"Too Many Requests"',
      'THROTTLED',
    ]);
    ctx.error = new GatewayError('AUTHORIZER_CONFIGURATION_ERROR');
    expect(accessLogVariables(ctx, EXTRA)('error.messageString')).toBe('null');
  });

  test('isCanaryRequest is set only on stages with a canary', () => {
    expect(accessLogVariables(matchedRequest(), EXTRA)('isCanaryRequest')).toBeUndefined();
    const canaryStage = stage('prod', { canary: { percentTraffic: 10, stageVariableOverrides: {} } });
    const ctx = matchedRequest({ stage: canaryStage });
    expect(accessLogVariables(ctx, EXTRA)('isCanaryRequest')).toBe('false');
    ctx.isCanaryRequest = true;
    expect(accessLogVariables(ctx, EXTRA)('isCanaryRequest')).toBe('true');
  });

  test('through a custom domain, path carries the base path instead of the stage', () => {
    const ctx = matchedRequest();
    ctx.basePathMatched = 'v1';
    const lookup = accessLogVariables(ctx, EXTRA);
    expect([lookup('path'), lookup('customDomain.basePathMatched')]).toEqual(['/v1/users/42', 'v1']);
  });
});

describe('access-log lines', () => {
  test.each(['json', 'awsJson'] as const)(
    'the %s preset renders a JSON.parse-able line for hostile values',
    (preset) => {
      const ctx = matchedRequest({ headers: [['User-Agent', 'a "quoted"\\ agent\nwith a newline\u0000']] });
      ctx.authorizer = {
        principalId: 'x"}',
        context: {},
        integrationLatency: 0,
        latency: 0,
        status: 200,
        cached: false,
      };
      const line = compileAccessLogFormat(ACCESS_LOG_FORMATS[preset])(accessLogVariables(ctx, EXTRA));
      const parsed = JSON.parse(line);
      expect(parsed.requestId).toBe('c6af9ac6-7b61-11e6-9a41-93e8deadbeef');
      expect(parsed.caller).toBe('-');
      if (preset === 'json') {
        expect(parsed.userAgent).toBe('a "quoted"\\ agent\nwith a newline\u0000');
        expect(parsed.principalId).toBe('x"}');
      }
    },
  );

  test('the CLF preset renders like API Gateway', () => {
    const line = compileAccessLogFormat(ACCESS_LOG_FORMATS.clf)(accessLogVariables(authorizedRequest(), EXTRA));
    expect(line).toBe(
      '203.0.113.7 - - [17/Jun/2024:15:02:03 +0000] "GET /users/{id} HTTP/1.1" 200 42 ' +
        'c6af9ac6-7b61-11e6-9a41-93e8deadbeef ZhFsxGQDDoEEMig=',
    );
  });
});
