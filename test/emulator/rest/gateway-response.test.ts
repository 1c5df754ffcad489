import { GatewayError } from '../../../lib/core/gateway-responses';
import { parseRouteKey } from '../../../lib/core/route-key';
import type { ApiModel, GatewayResponseOverride } from '../../../lib/emulator/model';
import type { RequestContext } from '../../../lib/emulator/request-context';
import { renderGatewayError } from '../../../lib/emulator/rest/gateway-response';

type Overrides = ApiModel['gatewayResponses'];

function context(overrides: Partial<RequestContext> = {}): RequestContext {
  return {
    request: {
      method: 'GET',
      rawUrl: '/prod/users/42?tenant=acme',
      headers: [
        ['Origin', 'https://app.example.com'],
        ['User-Agent', 'jest'],
      ],
      body: Buffer.alloc(0),
      sourceIp: '127.0.0.1',
      protocol: 'HTTP/1.1',
    },
    requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
    extendedRequestId: 'ZhDrKF5dDoEEHfA=',
    requestTimeEpoch: 1718635693506,
    startedAt: 0,
    domainName: 'localhost',
    stageVariables: { env: 'test' },
    isCanaryRequest: false,
    path: '/users/42',
    query: [['tenant', 'acme']],
    pathParameters: { id: '42' },
    ...overrides,
  };
}

const override = (fields: Partial<GatewayResponseOverride>): GatewayResponseOverride => ({
  responseParameters: {},
  responseTemplates: {},
  ...fields,
});

function render(error: GatewayError, overrides: Overrides = {}, ctx = context()) {
  const response = renderGatewayError(error, ctx, overrides);
  return { ...response, text: response.body.toString('utf8'), header: headerLookup(response.headers) };
}

const headerLookup = (headers: readonly (readonly [string, string])[]) => (name: string) =>
  headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];

describe('default gateway responses (AWS docs: "Gateway response types for API Gateway")', () => {
  test('an unmatched route is 403 Missing Authentication Token with its error type', () => {
    const response = render(new GatewayError('MISSING_AUTHENTICATION_TOKEN'));
    expect(response.statusCode).toBe(403);
    expect(JSON.parse(response.text)).toEqual({ message: 'Missing Authentication Token' });
    expect(response.headers).toEqual([
      ['Content-Type', 'application/json'],
      ['x-amzn-ErrorType', 'MissingAuthenticationTokenException'],
      ['x-amzn-RequestId', 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef'],
    ]);
  });

  test.each([
    ['THROTTLED', 429, 'Too Many Requests'],
    ['UNAUTHORIZED', 401, 'Unauthorized'],
    ['INVALID_API_KEY', 403, 'Forbidden'],
    ['QUOTA_EXCEEDED', 429, 'Limit Exceeded'],
    ['INTEGRATION_FAILURE', 502, 'Internal server error'],
  ] as const)('%s is %i {"message":"%s"}', (type, status, message) => {
    const response = render(new GatewayError(type));
    expect(response.statusCode).toBe(status);
    expect(response.text).toBe(JSON.stringify({ message }));
  });

  test('a null message renders as JSON null', () => {
    expect(render(new GatewayError('AUTHORIZER_CONFIGURATION_ERROR')).text).toBe('{"message":null}');
  });

  test('a specific message replaces the default and is JSON-escaped', () => {
    const error = new GatewayError(
      'ACCESS_DENIED',
      'User is not authorized to access this resource with an "explicit" deny',
    );
    expect(JSON.parse(render(error).text)).toEqual({
      message: 'User is not authorized to access this resource with an "explicit" deny',
    });
  });
});

describe('gateway response overrides', () => {
  test("the type's own override sets status, body template and headers", () => {
    const response = render(new GatewayError('UNAUTHORIZED'), {
      UNAUTHORIZED: override({
        statusCode: 419,
        responseTemplates: { 'application/json': '{"error":$context.error.messageString,"id":"$context.requestId"}' },
        responseParameters: { 'gatewayresponse.header.WWW-Authenticate': "'Bearer'" },
      }),
    });
    expect(response.statusCode).toBe(419);
    expect(JSON.parse(response.text)).toEqual({ error: 'Unauthorized', id: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef' });
    expect(response.header('WWW-Authenticate')).toBe('Bearer');
    expect(response.header('x-amzn-ErrorType')).toBe('UnauthorizedException');
  });

  test('DEFAULT_4XX stands in for every 4XX type without its own override', () => {
    const overrides: Overrides = {
      DEFAULT_4XX: override({
        statusCode: 400,
        responseParameters: { 'gatewayresponse.header.Access-Control-Allow-Origin': "'*'" },
        responseTemplates: {
          'application/json': '{"msg":$context.error.messageString,"type":"$context.error.responseType"}',
        },
      }),
      THROTTLED: override({ responseParameters: { 'gatewayresponse.header.Retry-After': "'1'" } }),
    };
    const missingToken = render(new GatewayError('MISSING_AUTHENTICATION_TOKEN'), overrides);
    expect(missingToken.statusCode).toBe(400);
    expect(missingToken.header('Access-Control-Allow-Origin')).toBe('*');
    expect(JSON.parse(missingToken.text)).toEqual({
      msg: 'Missing Authentication Token',
      type: 'MISSING_AUTHENTICATION_TOKEN',
    });

    // THROTTLED has its own override: its own status default, the default template, and only its headers.
    const throttled = render(new GatewayError('THROTTLED'), overrides);
    expect(throttled.statusCode).toBe(429);
    expect(throttled.text).toBe('{"message":"Too Many Requests"}');
    expect(throttled.header('Retry-After')).toBe('1');
    expect(throttled.header('Access-Control-Allow-Origin')).toBeUndefined();
  });

  test('DEFAULT_5XX applies to 5XX types and not to 4XX ones', () => {
    const overrides: Overrides = { DEFAULT_5XX: override({ statusCode: 503 }) };
    expect(render(new GatewayError('INTEGRATION_TIMEOUT'), overrides).statusCode).toBe(503);
    expect(render(new GatewayError('INTEGRATION_FAILURE'), overrides).statusCode).toBe(503);
    expect(render(new GatewayError('THROTTLED'), overrides).statusCode).toBe(429);
  });

  test('DEFAULT_4XX without a status keeps each type its own status', () => {
    const overrides: Overrides = { DEFAULT_4XX: override({}) };
    expect(render(new GatewayError('UNAUTHORIZED'), overrides).statusCode).toBe(401);
    expect(render(new GatewayError('INVALID_API_KEY'), overrides).statusCode).toBe(403);
  });

  test('header values can come from the method request, stage variables and $context', () => {
    const response = render(new GatewayError('ACCESS_DENIED'), {
      ACCESS_DENIED: override({
        responseParameters: {
          'gatewayresponse.header.Access-Control-Allow-Origin': 'method.request.header.origin',
          'gatewayresponse.header.X-Tenant': 'method.request.querystring.tenant',
          'gatewayresponse.header.X-Id': 'method.request.path.id',
          'gatewayresponse.header.X-Env': 'stageVariables.env',
          'gatewayresponse.header.X-Request': 'context.requestId',
          'gatewayresponse.header.X-Missing': 'method.request.header.X-Not-Sent',
        },
      }),
    });
    expect(response.header('Access-Control-Allow-Origin')).toBe('https://app.example.com');
    expect(response.header('X-Tenant')).toBe('acme');
    expect(response.header('X-Id')).toBe('42');
    expect(response.header('X-Env')).toBe('test');
    expect(response.header('X-Request')).toBe('c6af9ac6-7b61-11e6-9a41-93e8deadbeef');
    expect(response.header('X-Missing')).toBeUndefined();
  });

  test('an override header replaces a default header of the same name', () => {
    const response = render(new GatewayError('THROTTLED'), {
      THROTTLED: override({ responseParameters: { 'gatewayresponse.header.content-type': "'text/plain'" } }),
    });
    expect(response.headers.filter(([n]) => n.toLowerCase() === 'content-type')).toEqual([
      ['content-type', 'text/plain'],
    ]);
  });

  test('templates read $context and $stageVariables in all three spellings; unknown ones render empty', () => {
    const ctx = context({
      route: {
        key: parseRouteKey('GET /users/{id}'),
        authorization: { kind: 'none' },
        apiKeyRequired: false,
        integration: { kind: 'mock', statusCode: 200, responseHeaders: {} },
        requestParameters: {},
      },
      authorizer: {
        principalId: 'alice',
        context: { tier: 'gold', seats: 3 },
        integrationLatency: 0,
        latency: 0,
        status: 200,
        cached: false,
      },
    });
    const template =
      // biome-ignore lint/suspicious/noTemplateCurlyInString: `${context.x}` is a VTL spelling under test.
      '$context.httpMethod ${context.resourcePath} $!context.path $stageVariables.env ' +
      '$context.authorizer.principalId/$context.authorizer.tier/$context.authorizer.seats ' +
      "[$context.nope] $context.requestTime $input.path('$')";
    const response = render(
      new GatewayError('ACCESS_DENIED'),
      { ACCESS_DENIED: override({ responseTemplates: { 'application/json': template } }) },
      ctx,
    );
    expect(response.text).toBe(
      "GET /users/{id} /prod/users/42 test alice/gold/3 [] 17/Jun/2024:14:48:13 +0000 $input.path('$')",
    );
  });

  test('a template that ends right after a variable keeps the closing brace of the JSON', () => {
    const response = render(new GatewayError('THROTTLED'), {
      THROTTLED: override({ responseTemplates: { 'application/json': '{"m":$context.error.messageString}' } }),
    });
    expect(response.text).toBe('{"m":"Too Many Requests"}');
  });
});
