// biome-ignore-all lint/suspicious/noTemplateCurlyInString: API Gateway's ${stageVariables.x} is a plain string here
import { type ExportedApi, exportOpenApi, OpenApiExportError } from '../../../lib/core/openapi';
import { parseRouteKey } from '../../../lib/core/route-key';
import type { AuthorizerSpec, RouteSpec, RouteTable } from '../../../lib/core/route-table';
import { validateOpenApi } from './validate-openapi';

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

const jwt: AuthorizerSpec = {
  name: 'jwt',
  type: 'REQUEST',
  functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:auth',
  identitySources: ['method.request.header.Authorization'],
  resultTtlSeconds: 300,
};

function table(routes: RouteSpec[], extra: Partial<RouteTable> = {}): RouteTable {
  return { routes, authorizers: [], apiKeySource: 'HEADER', binaryMediaTypes: [], ...extra };
}

function api(name: string, routes: RouteSpec[], extra: Partial<RouteTable> = {}): ExportedApi {
  return { label: name, table: table(routes, extra), servers: [{ url: `https://api.example.com/${name}` }] };
}

const options = { title: 'shop', version: 'v1' };

describe('exportOpenApi', () => {
  test('lists paths with path parameters, mapped query and header parameters, and readable operation ids', () => {
    const document = exportOpenApi(
      [
        api('v1', [
          route('GET /users'),
          route('GET /users/{id}', {
            requestParameters: {
              'integration.request.querystring.fields': 'method.request.querystring.fields',
              'integration.request.header.x-trace': 'method.request.header.x-trace',
            },
          }),
          route('GET /'),
        ]),
      ],
      options,
    );
    expect(Object.keys(document.paths)).toEqual(['/', '/users', '/users/{id}']);
    expect(document.paths['/'].get).toMatchObject({ operationId: 'getRoot' });
    const user = document.paths['/users/{id}'];
    expect(user.parameters).toEqual([{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }]);
    expect(user.get).toMatchObject({
      operationId: 'getUsersById',
      parameters: [
        { name: 'x-trace', in: 'header', required: false, schema: { type: 'string' } },
        { name: 'fields', in: 'query', required: false, schema: { type: 'string' } },
      ],
    });
    expect(validateOpenApi(document)).toMatchObject({ valid: true, version: '3.0' });
  });

  test('without the extensions no x-amazon-apigateway key is left anywhere, and ANY becomes the methods it stands for', () => {
    const document = exportOpenApi(
      [
        api('v1', [route('ANY /files/{proxy+}'), route('GET /files/{proxy+}', { apiKeyRequired: true })], {
          authorizers: [jwt],
          binaryMediaTypes: ['image/png'],
        }),
      ],
      options,
    );
    expect(JSON.stringify(document)).not.toMatch(/x-amazon-apigateway/);
    const item = document.paths['/files/{proxy+}'];
    expect(Object.keys(item)).toEqual(['parameters', 'get', 'post', 'put', 'delete', 'patch', 'head', 'options']);
    // GET is the route's own method (it needs a key); the others come from ANY.
    expect(item.get).toMatchObject({ operationId: 'getFilesByProxy', security: [{ api_key: [] }] });
    expect(item.post).toMatchObject({ operationId: 'postFilesByProxy' });
    expect(validateOpenApi(document).valid).toBe(true);
  });

  test('with the extensions the integration, ANY method, authorizer and API key source stay as API Gateway reads them', () => {
    const document = exportOpenApi(
      [
        {
          ...api('v1', [route('ANY /files/{proxy+}', { authorization: { kind: 'authorizer', authorizer: 'jwt' } })], {
            authorizers: [jwt],
          }),
          gatewayResponses: { DEFAULT_4XX: { responseParameters: { 'gatewayresponse.header.X': "'1'" } } },
        },
      ],
      { ...options, awsExtensions: true, region: 'eu-west-1' },
    );
    const operation = document.paths['/files/{proxy+}']['x-amazon-apigateway-any-method'];
    expect(operation).toMatchObject({
      operationId: 'anyFilesByProxy',
      security: [{ jwt: [] }],
      'x-amazon-apigateway-integration': {
        type: 'aws_proxy',
        uri: 'arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/${stageVariables.usersFunction}/invocations',
      },
    });
    expect(document.components?.securitySchemes?.jwt).toMatchObject({
      'x-amazon-apigateway-authtype': 'custom',
      'x-amazon-apigateway-authorizer': { type: 'request' },
    });
    expect(document['x-amazon-apigateway-api-key-source']).toBe('HEADER');
    expect(document['x-amazon-apigateway-gateway-responses']).toEqual({
      DEFAULT_4XX: { responseParameters: { 'gatewayresponse.header.X': "'1'" } },
    });
    expect(validateOpenApi(document).valid).toBe(true);
  });

  test('a route only one version serves names that version as its server; shared routes use the document servers', () => {
    const document = exportOpenApi(
      [api('v1', [route('GET /orders/{id}')]), api('v2', [route('GET /orders/{id}'), route('DELETE /orders/{id}')])],
      options,
    );
    expect(document.servers).toEqual([{ url: 'https://api.example.com/v1' }, { url: 'https://api.example.com/v2' }]);
    expect(document.paths['/orders/{id}'].get).not.toHaveProperty('servers');
    expect(document.paths['/orders/{id}'].delete).toMatchObject({ servers: [{ url: 'https://api.example.com/v2' }] });
  });

  test('a route two versions describe differently cannot be one operation: the error names both', () => {
    const apis = [
      api('v1', [route('GET /orders')]),
      api('v2', [route('GET /orders', { authorization: { kind: 'iam' } })]),
    ];
    expect(() => exportOpenApi(apis, options)).toThrow(OpenApiExportError);
    expect(() => exportOpenApi(apis, options)).toThrow(/GET \/orders differs between v1 and v2.*--stage/);
  });

  test("API Gateway's own refusals are documented once and referenced where a route can get them", () => {
    const document = exportOpenApi(
      [
        api(
          'v1',
          [
            route('GET /public'),
            route('GET /mine', { authorization: { kind: 'authorizer', authorizer: 'jwt' }, apiKeyRequired: true }),
          ],
          { authorizers: [jwt] },
        ),
      ],
      options,
    );
    expect(document.paths['/public'].get).toMatchObject({
      responses: { default: { description: expect.stringContaining('proxy integration') } },
    });
    expect(Object.keys(document.paths['/mine'].get as object)).toContain('security');
    expect((document.paths['/mine'].get as { responses: object }).responses).toEqual({
      default: expect.any(Object),
      '401': { $ref: '#/components/responses/Unauthorized' },
      '403': { $ref: '#/components/responses/Forbidden' },
      '429': { $ref: '#/components/responses/TooManyRequests' },
    });
    expect(Object.keys(document.components?.responses ?? {})).toEqual(['Unauthorized', 'Forbidden', 'TooManyRequests']);
    expect(validateOpenApi(document).valid).toBe(true);
  });

  test('a mock route documents its status and headers', () => {
    const document = exportOpenApi(
      [
        api('v1', [
          route('OPTIONS /users', {
            integration: { kind: 'mock', statusCode: 204, responseHeaders: { 'Access-Control-Allow-Origin': '*' } },
          }),
        ]),
      ],
      options,
    );
    expect(document.paths['/users'].options).toMatchObject({
      responses: { '204': { headers: { 'Access-Control-Allow-Origin': { schema: { type: 'string' } } } } },
    });
  });

  test('clashing operation ids get a numeric suffix', () => {
    const document = exportOpenApi([api('v1', [route('GET /by-id'), route('GET /{id}')])], options);
    expect([document.paths['/by-id'].get, document.paths['/{id}'].get]).toEqual([
      expect.objectContaining({ operationId: 'getById' }),
      expect.objectContaining({ operationId: 'getById2' }),
    ]);
  });

  test('nothing selected is an error', () => {
    expect(() => exportOpenApi([], options)).toThrow(/no REST API/);
  });
});
