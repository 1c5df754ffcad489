import {
  DEFAULT_ROUTE_KEY,
  type HttpAuthorizerSpec,
  type HttpRouteSpec,
  type HttpRouteTable,
  parseHttpRouteKey,
} from '../../../lib/core/http-route-table';
import { renderHttpDefinition } from '../../../lib/core/openapi';
import type { HttpOperation } from '../../../lib/core/openapi/render-http-definition';
import { validateOpenApi } from './validate-openapi';

const USERS_ARN = 'arn:aws:lambda:eu-west-1:123456789012:function:users';
const AUTHORIZER_ARN = 'arn:aws:lambda:eu-west-1:123456789012:function:authorizer';
const OPTIONS = { title: 'shop', partition: 'aws', region: 'eu-west-1' };

function lambdaRoute(key: string, overrides: Partial<HttpRouteSpec> = {}): HttpRouteSpec {
  return {
    key: parseHttpRouteKey(key),
    authorization: { kind: 'none' },
    integration: { kind: 'lambda', functionArn: USERS_ARN, payloadFormatVersion: '2.0', timeoutMs: 30_000 },
    ...overrides,
  };
}

function table(routes: HttpRouteSpec[], overrides: Partial<HttpRouteTable> = {}): HttpRouteTable {
  return { routes, authorizers: [], ...overrides };
}

const lambdaAuthorizer: HttpAuthorizerSpec = {
  name: 'simple',
  type: 'REQUEST',
  functionArn: AUTHORIZER_ARN,
  identitySources: ['$request.header.Authorization', '$request.querystring.tenant'],
  payloadFormatVersion: '2.0',
  enableSimpleResponses: true,
  resultTtlSeconds: 60,
};
const jwtAuthorizer: HttpAuthorizerSpec = {
  name: 'jwt',
  type: 'JWT',
  identitySources: ['$request.header.Authorization'],
  issuer: 'https://portico.local',
  audience: ['portico-example'],
};

describe('renderHttpDefinition', () => {
  it('renders a Lambda route as an aws_proxy integration invoked with POST, payload 2.0 by default', () => {
    const document = renderHttpDefinition(table([lambdaRoute('GET /users/{id}')]), OPTIONS);
    expect(document.paths['/users/{id}']).toEqual({
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      get: {
        responses: { default: { description: 'Default response for GET /users/{id}' } },
        'x-amazon-apigateway-integration': {
          type: 'aws_proxy',
          httpMethod: 'POST',
          uri: `arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/${USERS_ARN}/invocations`,
          payloadFormatVersion: '2.0',
          timeoutInMillis: 30_000,
          connectionType: 'INTERNET',
        },
      },
    });
    expect(document['x-amazon-apigateway-importexport-version']).toBe('1.0');
  });

  it('keeps payload format 1.0 when the route asks for it', () => {
    const route = lambdaRoute('POST /orders', {
      integration: { kind: 'lambda', functionArn: USERS_ARN, payloadFormatVersion: '1.0', timeoutMs: 5000 },
    });
    const integration = renderHttpDefinition(table([route]), OPTIONS).paths['/orders'].post;
    expect(integration).toMatchObject({
      'x-amazon-apigateway-integration': { payloadFormatVersion: '1.0', timeoutInMillis: 5000 },
    });
  });

  it('renders an HTTP backend as http_proxy with sorted request and response parameter mappings', () => {
    const route = lambdaRoute('ANY /status/{proxy+}', {
      integration: {
        kind: 'http',
        url: 'https://status.example.com/{proxy}',
        method: 'ANY',
        timeoutMs: 10_000,
        requestParameters: {
          'remove:header.cookie': "''",
          'overwrite:header.x-user-id': '$context.authorizer.claims.sub',
        },
        responseParameters: {
          '404': { 'overwrite:statuscode': '204' },
          '200': { 'append:header.x-served-by': 'portico' },
        },
      },
    });
    const path = renderHttpDefinition(table([route]), OPTIONS).paths['/status/{proxy+}'];
    expect(path.parameters).toEqual([{ name: 'proxy', in: 'path', required: true, schema: { type: 'string' } }]);
    const integration = (path['x-amazon-apigateway-any-method'] as HttpOperation)['x-amazon-apigateway-integration'];
    expect(integration).toEqual({
      type: 'http_proxy',
      httpMethod: 'ANY',
      uri: 'https://status.example.com/{proxy}',
      payloadFormatVersion: '1.0',
      timeoutInMillis: 10_000,
      connectionType: 'INTERNET',
      requestParameters: {
        'overwrite:header.x-user-id': '$context.authorizer.claims.sub',
        'remove:header.cookie': "''",
      },
      responseParameters: {
        '200': { 'append:header.x-served-by': 'portico' },
        '404': { 'overwrite:statuscode': '204' },
      },
    });
    expect(Object.keys(integration.requestParameters ?? {})).toEqual([
      'overwrite:header.x-user-id',
      'remove:header.cookie',
    ]);
  });

  it('renders the $default route as the any-method of "/$default", marked isDefaultRoute', () => {
    const route: HttpRouteSpec = { ...lambdaRoute('GET /x'), key: DEFAULT_ROUTE_KEY };
    const document = renderHttpDefinition(table([route]), OPTIONS);
    expect(Object.keys(document.paths)).toEqual(['/$default']);
    expect(document.paths['/$default']['x-amazon-apigateway-any-method']).toMatchObject({
      isDefaultRoute: true,
      responses: { default: { description: 'Default response for $default' } },
      'x-amazon-apigateway-integration': { type: 'aws_proxy' },
    });
  });

  it('renders a Lambda authorizer, a JWT authorizer and IAM as security schemes, with each route naming its own', () => {
    const document = renderHttpDefinition(
      table(
        [
          lambdaRoute('GET /a', { authorization: { kind: 'authorizer', authorizer: 'simple' } }),
          lambdaRoute('GET /b', { authorization: { kind: 'authorizer', authorizer: 'jwt', scopes: ['orders:read'] } }),
          lambdaRoute('GET /c', { authorization: { kind: 'iam' } }),
          lambdaRoute('GET /d'),
        ],
        { authorizers: [lambdaAuthorizer, jwtAuthorizer] },
      ),
      OPTIONS,
    );
    expect(document.components?.securitySchemes).toEqual({
      jwt: {
        type: 'oauth2',
        flows: {},
        'x-amazon-apigateway-authorizer': {
          type: 'jwt',
          identitySource: '$request.header.Authorization',
          jwtConfiguration: { issuer: 'https://portico.local', audience: ['portico-example'] },
        },
      },
      simple: {
        type: 'apiKey',
        name: 'Authorization',
        in: 'header',
        'x-amazon-apigateway-authorizer': {
          type: 'request',
          identitySource: '$request.header.Authorization, $request.querystring.tenant',
          authorizerUri: `arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/${AUTHORIZER_ARN}/invocations`,
          authorizerPayloadFormatVersion: '2.0',
          enableSimpleResponses: true,
          authorizerResultTtlInSeconds: 60,
        },
      },
      sigv4: { type: 'apiKey', name: 'Authorization', in: 'header', 'x-amazon-apigateway-authtype': 'awsSigv4' },
    });
    const security = (path: string) => (document.paths[path].get as { security?: unknown }).security;
    expect(security('/a')).toEqual([{ simple: [] }]);
    expect(security('/b')).toEqual([{ jwt: ['orders:read'] }]);
    expect(security('/c')).toEqual([{ sigv4: [] }]);
    expect(security('/d')).toBeUndefined();
  });

  it('leaves enableSimpleResponses out of a payload 1.0 authorizer and identitySource out when there is none', () => {
    const policyAuthorizer: HttpAuthorizerSpec = {
      ...lambdaAuthorizer,
      identitySources: [],
      payloadFormatVersion: '1.0',
      enableSimpleResponses: false,
      resultTtlSeconds: 0,
    };
    const document = renderHttpDefinition(
      table([lambdaRoute('GET /a', { authorization: { kind: 'authorizer', authorizer: 'simple' } })], {
        authorizers: [policyAuthorizer],
      }),
      OPTIONS,
    );
    const scheme = document.components?.securitySchemes.simple;
    expect(scheme).toMatchObject({ name: 'Unused' });
    expect(scheme?.['x-amazon-apigateway-authorizer']).toEqual({
      type: 'request',
      authorizerUri: expect.stringContaining(AUTHORIZER_ARN),
      authorizerPayloadFormatVersion: '1.0',
      authorizerResultTtlInSeconds: 0,
    });
  });

  it('renders CORS as x-amazon-apigateway-cors, leaving out what is not set', () => {
    const cors = {
      allowOrigins: ['https://app.example.com'],
      allowMethods: ['GET', 'POST'],
      allowHeaders: [],
      exposeHeaders: ['x-request-id'],
      allowCredentials: true,
      maxAgeSeconds: 600,
    };
    expect(renderHttpDefinition(table([lambdaRoute('GET /a')], { cors }), OPTIONS)['x-amazon-apigateway-cors']).toEqual(
      {
        allowOrigins: ['https://app.example.com'],
        allowMethods: ['GET', 'POST'],
        exposeHeaders: ['x-request-id'],
        allowCredentials: true,
        maxAge: 600,
      },
    );
    expect(renderHttpDefinition(table([lambdaRoute('GET /a')]), OPTIONS)).not.toHaveProperty(
      'x-amazon-apigateway-cors',
    );
  });

  it('renders the same bytes whatever order the routes were declared in', () => {
    const routes = [
      lambdaRoute('POST /users'),
      lambdaRoute('GET /users'),
      lambdaRoute('ANY /users'),
      { ...lambdaRoute('GET /x'), key: DEFAULT_ROUTE_KEY },
      lambdaRoute('GET /a/{id}'),
    ] satisfies HttpRouteSpec[];
    const forward = JSON.stringify(renderHttpDefinition(table(routes), OPTIONS));
    const backward = JSON.stringify(renderHttpDefinition(table([...routes].reverse()), OPTIONS));
    expect(backward).toBe(forward);
    const document = JSON.parse(forward);
    expect(Object.keys(document.paths)).toEqual(['/$default', '/a/{id}', '/users']);
    expect(Object.keys(document.paths['/users'])).toEqual(['get', 'post', 'x-amazon-apigateway-any-method']);
  });

  it('is a valid OpenAPI 3.0 document', () => {
    const document = renderHttpDefinition(
      table(
        [
          lambdaRoute('GET /users/{id}', { authorization: { kind: 'authorizer', authorizer: 'jwt', scopes: ['a'] } }),
          lambdaRoute('ANY /files/{proxy+}', { authorization: { kind: 'authorizer', authorizer: 'simple' } }),
          lambdaRoute('GET /c', { authorization: { kind: 'iam' } }),
          { ...lambdaRoute('GET /x'), key: DEFAULT_ROUTE_KEY },
        ],
        {
          authorizers: [lambdaAuthorizer, jwtAuthorizer],
          cors: {
            allowOrigins: ['*'],
            allowMethods: [],
            allowHeaders: ['*'],
            exposeHeaders: [],
            allowCredentials: false,
          },
        },
      ),
      { ...OPTIONS, description: 'The shop' },
    );
    expect(validateOpenApi(document)).toMatchObject({ valid: true, version: '3.0' });
  });
});
