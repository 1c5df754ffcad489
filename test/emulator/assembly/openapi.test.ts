import { formatRouteKey } from '../../../lib/core/route-key';
import { importOpenApi } from '../../../lib/emulator/assembly/openapi';

const FN = 'arn:aws:lambda:us-east-1:123456789012:function:fn';
const lambdaIntegration = {
  type: 'aws_proxy',
  httpMethod: 'POST',
  uri: `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${FN}/invocations`,
};

function document(paths: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { openapi: '3.0.1', info: { title: 't', version: '1' }, paths, ...extra };
}

test('a 1000-route definition imports every route in one pass', () => {
  const paths: Record<string, unknown> = {};
  for (let i = 0; i < 1000; i++) {
    paths[`/resource${i}/{id}`] = { get: { 'x-amazon-apigateway-integration': lambdaIntegration } };
  }
  const imported = importOpenApi(document(paths));
  expect(imported.routes).toHaveLength(1000);
  expect(formatRouteKey(imported.routes[999].key)).toBe('GET /resource999/{id}');
  expect(imported.problems).toEqual([]);
});

test('document-wide security applies unless an operation declares its own, even an empty one', () => {
  const imported = importOpenApi(
    document(
      {
        '/guarded': { get: { 'x-amazon-apigateway-integration': lambdaIntegration } },
        '/open': { get: { security: [], 'x-amazon-apigateway-integration': lambdaIntegration } },
      },
      {
        security: [{ key: [] }],
        components: { securitySchemes: { key: { type: 'apiKey', name: 'x-api-key', in: 'header' } } },
      },
    ),
  );
  expect(imported.routes.map((r) => [formatRouteKey(r.key), r.apiKeyRequired])).toEqual([
    ['GET /guarded', true],
    ['GET /open', false],
  ]);
});

test('Swagger 2 securityDefinitions are read like OpenAPI 3 securitySchemes', () => {
  const imported = importOpenApi({
    swagger: '2.0',
    paths: { '/x': { post: { security: [{ sig: [] }], 'x-amazon-apigateway-integration': lambdaIntegration } } },
    securityDefinitions: {
      sig: { type: 'apiKey', name: 'Authorization', in: 'header', 'x-amazon-apigateway-authtype': 'awsSigv4' },
    },
  });
  expect(imported.routes[0].authorization).toEqual({ kind: 'iam' });
});

test('the base path is prepended or split only when the import mode asks for it', () => {
  const doc = {
    swagger: '2.0',
    basePath: '/api/v1',
    paths: { '/x': { get: { 'x-amazon-apigateway-integration': lambdaIntegration } } },
  };
  const path = (mode?: string) => importOpenApi(doc, { basePathMode: mode }).routes[0].key.path;
  expect(path()).toBe('/x');
  expect(path('prepend')).toBe('/api/v1/x');
  expect(path('split')).toBe('/v1/x');
  const oas3 = document(
    { '/': { get: { 'x-amazon-apigateway-integration': lambdaIntegration } } },
    { servers: [{ url: 'https://{host}/{basePath}', variables: { basePath: { default: '/beta' } } }] },
  );
  expect(importOpenApi(oas3, { basePathMode: 'prepend' }).routes[0].key.path).toBe('/beta');
});

test('routes that cannot be served are described, and the others still import', () => {
  const imported = importOpenApi(
    document({
      '/ok': { get: { 'x-amazon-apigateway-integration': lambdaIntegration } },
      '/no-integration': { get: {} },
      '/bad{part}': { get: { 'x-amazon-apigateway-integration': lambdaIntegration } },
      '/s3': {
        get: { 'x-amazon-apigateway-integration': { type: 'aws', uri: 'arn:aws:apigateway:us-east-1:s3:path/b' } },
      },
      '/who': { get: { security: [{ ghost: [] }], 'x-amazon-apigateway-integration': lambdaIntegration } },
    }),
  );
  expect(imported.routes.map((r) => formatRouteKey(r.key))).toEqual(['GET /ok', 'GET /s3', 'GET /who']);
  expect(imported.problems).toEqual([
    'route "GET /no-integration": it has no x-amazon-apigateway-integration',
    expect.stringMatching(/^route "GET \/bad\{part\}": path part "bad\{part\}" is invalid/),
    'route "GET /who": security scheme "ghost" is not defined',
  ]);
});

test('a mock picks the integration response whose selection pattern matches, else the default', () => {
  const mock = (status: number) =>
    importOpenApi(
      document({
        '/m': {
          get: {
            'x-amazon-apigateway-integration': {
              type: 'mock',
              requestTemplates: { 'application/json': `{"statusCode": ${status}}` },
              responses: {
                '4\\d{2}': { statusCode: '404', responseTemplates: { 'application/json': 'missing' } },
                default: { statusCode: '200', responseParameters: { 'method.response.header.X-A': "'a'" } },
              },
            },
          },
        },
      }),
    ).routes[0].integration;
  expect(mock(404)).toMatchObject({ kind: 'mock', statusCode: 404, responseHeaders: {}, responseBody: 'missing' });
  expect(mock(200)).toMatchObject({
    kind: 'mock',
    statusCode: 200,
    responseHeaders: { 'X-A': 'a' },
    responseBody: undefined,
  });
});

test('a document that is neither OpenAPI nor Swagger is reported', () => {
  expect(importOpenApi({ paths: {} }).problems).toEqual([
    'the API definition is neither OpenAPI 3 (`openapi`) nor Swagger 2 (`swagger`)',
  ]);
});
