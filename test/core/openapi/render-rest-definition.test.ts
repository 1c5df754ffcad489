// biome-ignore-all lint/suspicious/noTemplateCurlyInString: API Gateway's ${stageVariables.x} and CDK's ${Token[...]} are plain strings here
import { renderRestDefinition } from '../../../lib/core/openapi';
import { parseRouteKey } from '../../../lib/core/route-key';
import type { RouteSpec, RouteTable } from '../../../lib/core/route-table';

function route(key: string, overrides: Partial<RouteSpec> = {}): RouteSpec {
  return {
    key: parseRouteKey(key),
    authorization: { kind: 'none' },
    apiKeyRequired: false,
    integration: { kind: 'lambda', functionArn: '${stageVariables.usersFunction}', timeoutMs: 29000 },
    requestParameters: {},
    ...overrides,
  };
}

function table(routes: RouteSpec[], extra: Partial<RouteTable> = {}): RouteTable {
  return { routes, authorizers: [], apiKeySource: 'HEADER', binaryMediaTypes: [], ...extra };
}

describe('renderRestDefinition', () => {
  test('renders an OpenAPI 3.0 document titled and versioned as asked', () => {
    const document = renderRestDefinition(table([route('GET /users')]), {
      title: 'shop-v1',
      description: 'Shop',
      version: 'v1',
    });
    expect(document.openapi).toBe('3.0.1');
    expect(document.info).toEqual({ title: 'shop-v1', description: 'Shop', version: 'v1' });
    expect(document['x-amazon-apigateway-api-key-source']).toBe('HEADER');
    expect(document.components).toBeUndefined();
  });

  test('a Lambda integration URI names the region and partition given', () => {
    const document = renderRestDefinition(table([route('GET /')]), {
      title: 't',
      region: 'eu-west-1',
      partition: 'aws',
    });
    expect(document.paths['/'].get).toMatchObject({
      'x-amazon-apigateway-integration': {
        uri: 'arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/${stageVariables.usersFunction}/invocations',
      },
    });
  });

  test('the same table in any order renders the same document', () => {
    const routes = [route('POST /users'), route('GET /users/{id}'), route('GET /users'), route('ANY /users')];
    const forward = JSON.stringify(renderRestDefinition(table(routes), { title: 't' }));
    const backward = JSON.stringify(renderRestDefinition(table([...routes].reverse()), { title: 't' }));
    expect(backward).toBe(forward);
    expect(Object.keys(renderRestDefinition(table(routes), { title: 't' }).paths['/users'])).toEqual([
      'get',
      'post',
      'x-amazon-apigateway-any-method',
    ]);
  });

  test('a token authorizer with a scope-less route and an API key make one security requirement', () => {
    const document = renderRestDefinition(
      table([route('GET /users', { authorization: { kind: 'authorizer', authorizer: 'jwt' }, apiKeyRequired: true })], {
        authorizers: [
          {
            name: 'jwt',
            type: 'TOKEN',
            functionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:auth',
            identitySources: ['method.request.header.Authorization'],
            validationExpression: '^Bearer .+$',
            resultTtlSeconds: 0,
          },
        ],
      }),
      { title: 't', region: 'eu-west-1' },
    );
    expect(document.paths['/users'].get).toMatchObject({ security: [{ jwt: [], api_key: [] }] });
    expect(document.components?.securitySchemes?.jwt).toEqual({
      type: 'apiKey',
      name: 'Authorization',
      in: 'header',
      'x-amazon-apigateway-authtype': 'custom',
      'x-amazon-apigateway-authorizer': {
        type: 'token',
        identitySource: 'method.request.header.Authorization',
        authorizerUri:
          'arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:auth/invocations',
        authorizerResultTtlInSeconds: 0,
        identityValidationExpression: '^Bearer .+$',
      },
    });
  });

  test('binary media types are listed only when there are some', () => {
    expect(renderRestDefinition(table([route('GET /')]), { title: 't' })).not.toHaveProperty(
      'x-amazon-apigateway-binary-media-types',
    );
    expect(
      renderRestDefinition(table([route('GET /')], { binaryMediaTypes: ['image/png'] }), { title: 't' })[
        'x-amazon-apigateway-binary-media-types'
      ],
    ).toEqual(['image/png']);
  });

  test('gateway response headers become DEFAULT_4XX and DEFAULT_5XX static header mappings', () => {
    const document = renderRestDefinition(table([route('GET /')]), {
      title: 't',
      gatewayResponseHeaders: { 'Strict-Transport-Security': 'max-age=31536000', 'Cache-Control': 'no-store' },
    });
    const responseParameters = {
      'gatewayresponse.header.Cache-Control': "'no-store'",
      'gatewayresponse.header.Strict-Transport-Security': "'max-age=31536000'",
    };
    expect(document['x-amazon-apigateway-gateway-responses']).toEqual({
      DEFAULT_4XX: { responseParameters },
      DEFAULT_5XX: { responseParameters },
    });
    expect(renderRestDefinition(table([route('GET /')]), { title: 't' })).not.toHaveProperty(
      'x-amazon-apigateway-gateway-responses',
    );
  });

  test('a gateway response header needs a header name and a value', () => {
    const render = (headers: Record<string, string>) =>
      renderRestDefinition(table([route('GET /')]), { title: 't', gatewayResponseHeaders: headers });
    expect(() => render({ 'Bad Name': 'x' })).toThrow(/"Bad Name" is not an HTTP header name/);
    expect(() => render({ 'Cache-Control': '' })).toThrow(/"Cache-Control" has an empty value/);
    expect(() => render({ 'Cache-Control': 'a', 'cache-control': 'b' })).toThrow(/name the same header/);
  });

  test('a mapping from the authorizer on a route without one fails, naming the route', () => {
    const mapping = { 'integration.request.header.x-user-id': 'context.authorizer.principalId' };
    expect(() =>
      renderRestDefinition(table([route('GET /status', { requestParameters: mapping })]), { title: 't' }),
    ).toThrow(
      /Route "GET \/status": "integration.request.header.x-user-id" maps from context.authorizer.principalId, but the route has no Lambda or Cognito authorizer/,
    );
    const authorized = route('GET /status', {
      requestParameters: mapping,
      authorization: { kind: 'authorizer', authorizer: 'jwt' },
    });
    expect(() => renderRestDefinition(table([authorized]), { title: 't' })).not.toThrow();
  });
});
