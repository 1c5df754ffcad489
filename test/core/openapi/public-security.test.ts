import { publicRouteSecurity, publicSecuritySchemes } from '../../../lib/core/openapi/public-security';
import { parseRouteKey } from '../../../lib/core/route-key';
import type { AuthorizerSpec, RouteSpec, RouteTable } from '../../../lib/core/route-table';

const base = { functionArn: 'arn:aws:lambda:us-east-1:1:function:f', resultTtlSeconds: 300 };

function table(authorizers: AuthorizerSpec[], routes: RouteSpec[] = [], extra: Partial<RouteTable> = {}): RouteTable {
  return { routes, authorizers, apiKeySource: 'HEADER', binaryMediaTypes: [], ...extra };
}

function route(overrides: Partial<RouteSpec>): RouteSpec {
  return {
    key: parseRouteKey('GET /x'),
    authorization: { kind: 'none' },
    apiKeyRequired: false,
    integration: { kind: 'mock', statusCode: 200, responseHeaders: {} },
    requestParameters: {},
    ...overrides,
  };
}

describe('public security schemes', () => {
  test('a TOKEN authorizer is an API key in its header, or HTTP bearer when it demands "Bearer "', () => {
    const schemes = publicSecuritySchemes(
      table([
        { ...base, name: 'plain', type: 'TOKEN', identitySources: ['method.request.header.X-Token'] },
        {
          ...base,
          name: 'bearer',
          type: 'TOKEN',
          identitySources: ['method.request.header.Authorization'],
          validationExpression: '^Bearer [-0-9a-zA-Z._]*$',
        },
      ]),
    );
    expect(schemes.plain).toMatchObject({ type: 'apiKey', in: 'header', name: 'X-Token' });
    expect(schemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  test('a REQUEST authorizer reading a query string is an API key in the query', () => {
    const schemes = publicSecuritySchemes(
      table([{ ...base, name: 'q', type: 'REQUEST', identitySources: ['method.request.querystring.token'] }]),
    );
    expect(schemes.q).toMatchObject({ type: 'apiKey', in: 'query', name: 'token' });
  });

  test("a Cognito authorizer is OpenID Connect discovery of the pool, and keeps the route's scopes", () => {
    const cognito: AuthorizerSpec = {
      name: 'pool',
      type: 'COGNITO_USER_POOLS',
      providerArns: ['arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_AbC'],
      identitySources: ['method.request.header.Authorization'],
      resultTtlSeconds: 300,
    };
    const secured = route({ authorization: { kind: 'authorizer', authorizer: 'pool', scopes: ['orders/read'] } });
    expect(publicSecuritySchemes(table([cognito])).pool).toEqual({
      type: 'openIdConnect',
      openIdConnectUrl: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC/.well-known/openid-configuration',
      description: expect.any(String),
    });
    expect(publicRouteSecurity(secured, table([cognito]))).toEqual([{ pool: ['orders/read'] }]);
  });

  test('scopes are dropped for API-key-like schemes, where OpenAPI allows none', () => {
    const lambda: AuthorizerSpec = { ...base, name: 'l', type: 'TOKEN', identitySources: [] };
    const secured = route({ authorization: { kind: 'authorizer', authorizer: 'l', scopes: ['a'] } });
    expect(publicRouteSecurity(secured, table([lambda]))).toEqual([{ l: [] }]);
  });

  test('the x-api-key requirement appears only when clients send the key themselves', () => {
    const keyed = route({ apiKeyRequired: true });
    expect(publicRouteSecurity(keyed, table([], [keyed]))).toEqual([{ api_key: [] }]);
    expect(publicSecuritySchemes(table([], [keyed])).api_key).toMatchObject({ name: 'x-api-key', in: 'header' });
    const fromAuthorizer = table([], [keyed], { apiKeySource: 'AUTHORIZER' });
    expect(publicRouteSecurity(keyed, fromAuthorizer)).toBeUndefined();
    expect(publicSecuritySchemes(fromAuthorizer)).toEqual({});
  });

  test('IAM routes ask for a SigV4 Authorization header', () => {
    const iam = route({ authorization: { kind: 'iam' } });
    expect(publicSecuritySchemes(table([], [iam])).sigv4).toMatchObject({ type: 'apiKey', name: 'Authorization' });
    expect(publicRouteSecurity(iam, table([], [iam]))).toEqual([{ sigv4: [] }]);
  });
});
