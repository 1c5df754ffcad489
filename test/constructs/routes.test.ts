// biome-ignore-all lint/suspicious/noTemplateCurlyInString: API Gateway's ${stageVariables.x} and CDK's ${Token[...]} are plain strings here
import { Duration } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Gateway, RouteAuthorization, RouteIntegration } from '../../lib/constructs';
import { definitionOf, inlineFunction, newStack, simpleGateway, synthError } from './helpers';

describe('Gateway routes', () => {
  test('a Lambda route renders an aws_proxy integration that reaches the function through its stage variable', () => {
    const stack = newStack();
    simpleGateway(stack);
    const template = Template.fromStack(stack);
    const operation = definitionOf(template).paths['/users'].get;
    expect(operation['x-amazon-apigateway-integration']).toEqual({
      type: 'aws_proxy',
      httpMethod: 'POST',
      uri: {
        'Fn::Join': [
          '',
          [
            'arn:',
            { Ref: 'AWS::Partition' },
            ':apigateway:eu-west-1:lambda:path/2015-03-31/functions/${stageVariables.usersFunction}/invocations',
          ],
        ],
      },
      timeoutInMillis: 29000,
      passthroughBehavior: 'when_no_match',
    });
    template.hasResourceProperties('AWS::ApiGateway::Stage', {
      Variables: { usersFunction: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Users'), 'Arn'] } },
    });
  });

  test('an HTTP backend route maps its path parameters by name and the authorizer principal into a header', () => {
    const stack = newStack();
    simpleGateway(stack).addRoute('GET /status/{proxy+}', {
      integration: RouteIntegration.http('https://status.example.com/{proxy}', {
        timeout: Duration.seconds(5),
        requestParameters: { 'integration.request.header.x-user-id': 'context.authorizer.principalId' },
      }),
      // A principal exists only behind an authorizer (docs/decisions/0008).
      authorization: RouteAuthorization.token(inlineFunction(stack, 'Auth'), { authorizerName: 'auth' }),
    });
    const item = definitionOf(Template.fromStack(stack)).paths['/status/{proxy+}'];
    expect(item.parameters).toEqual([{ name: 'proxy', in: 'path', required: true, schema: { type: 'string' } }]);
    expect(item.get['x-amazon-apigateway-integration']).toEqual({
      type: 'http_proxy',
      httpMethod: 'GET',
      uri: 'https://status.example.com/{proxy}',
      timeoutInMillis: 5000,
      passthroughBehavior: 'when_no_match',
      requestParameters: {
        'integration.request.header.x-user-id': 'context.authorizer.principalId',
        'integration.request.path.proxy': 'method.request.path.proxy',
      },
    });
  });

  test('a mapping from a method request header declares that header on the method', () => {
    const stack = newStack();
    simpleGateway(stack).addRoute('GET /legacy', {
      integration: RouteIntegration.http('https://legacy.example.com/', {
        requestParameters: { 'integration.request.header.x-tenant': 'method.request.header.X-Tenant' },
      }),
    });
    const operation = definitionOf(Template.fromStack(stack)).paths['/legacy'].get;
    expect(operation.parameters).toEqual([
      { name: 'X-Tenant', in: 'header', required: false, schema: { type: 'string' } },
    ]);
  });

  test('ANY renders as x-amazon-apigateway-any-method and a mock answers with its status, headers and body', () => {
    const stack = newStack();
    const gateway = simpleGateway(stack);
    gateway.addRoute('ANY /search/{proxy+}', { integration: RouteIntegration.lambda(inlineFunction(stack, 'Search')) });
    gateway.addRoute('GET /ping', {
      integration: RouteIntegration.mock({
        statusCode: 202,
        headers: { 'Cache-Control': 'no-store' },
        body: '{"pong":true}',
      }),
    });
    const paths = definitionOf(Template.fromStack(stack)).paths;
    expect(paths['/search/{proxy+}']['x-amazon-apigateway-any-method']).toBeDefined();
    expect(paths['/ping'].get.responses).toEqual({
      '202': { description: 'Mock response', headers: { 'Cache-Control': { schema: { type: 'string' } } } },
    });
    expect(paths['/ping'].get['x-amazon-apigateway-integration']).toEqual({
      type: 'mock',
      passthroughBehavior: 'when_no_match',
      requestTemplates: { 'application/json': '{"statusCode": 202}' },
      responses: {
        default: {
          statusCode: '202',
          responseParameters: { 'method.response.header.Cache-Control': "'no-store'" },
          responseTemplates: { 'application/json': '{"pong":true}' },
        },
      },
    });
  });

  test('API key source and binary media types are API-level extensions', () => {
    const stack = newStack();
    simpleGateway(stack, { apiKeySource: 'AUTHORIZER', binaryMediaTypes: ['image/png'] });
    const definition = definitionOf(Template.fromStack(stack));
    expect(definition['x-amazon-apigateway-api-key-source']).toBe('AUTHORIZER');
    expect(definition['x-amazon-apigateway-binary-media-types']).toEqual(['image/png']);
  });

  test('routes given in props and through addRoute end up in the same route table', () => {
    const stack = newStack();
    const gateway = simpleGateway(stack);
    gateway.addRoute('POST /users', {
      integration: RouteIntegration.lambda(inlineFunction(stack, 'Writer'), { service: 'users2' }),
    });
    expect(gateway.routeTable('v1').routes.map((route) => `${route.key.method} ${route.key.path}`)).toEqual([
      'GET /users',
      'POST /users',
    ]);
  });

  test('a route key API Gateway would reject throws naming the route', () => {
    const stack = newStack();
    const gateway = simpleGateway(stack);
    expect(() => gateway.addRoute('GET /a/{proxy+}/b', { integration: RouteIntegration.mock() })).toThrow(
      /Route "GET \/a\/\{proxy\+\}\/b": nothing may follow the greedy variable/,
    );
  });

  test('a backend URL variable that no path parameter fills throws naming the route', () => {
    const stack = newStack();
    const gateway = simpleGateway(stack);
    expect(() =>
      gateway.addRoute('GET /items', { integration: RouteIntegration.http('https://backend.example.com/items/{id}') }),
    ).toThrow(/Route "GET \/items": the backend URL "https:\/\/backend.example.com\/items\/\{id\}" uses \{id\}/);
  });

  test('a request parameter with a source API Gateway does not accept throws naming the route', () => {
    const stack = newStack();
    const gateway = simpleGateway(stack);
    expect(() =>
      gateway.addRoute('GET /items', {
        integration: RouteIntegration.http('https://backend.example.com/', {
          requestParameters: { 'integration.request.header.x-user': '$context.authorizer.principalId' },
        }),
      }),
    ).toThrow(/Route "GET \/items": request parameter "integration.request.header.x-user" maps from/);
  });

  test('one service name used with two different functions throws naming both routes', () => {
    const stack = newStack();
    const gateway = simpleGateway(stack);
    const other = inlineFunction(stack, 'OtherUsers');
    expect(() =>
      gateway.addRoute('POST /users', { integration: RouteIntegration.lambda(other, { service: 'users' }) }),
    ).toThrow(/Routes "GET \/users" and "POST \/users" call service "users" with two different functions/);
  });

  test('a service name that cannot name a stage variable throws', () => {
    const stack = newStack();
    const gateway = simpleGateway(stack);
    expect(() =>
      gateway.addRoute('GET /x', {
        integration: RouteIntegration.lambda(inlineFunction(stack, 'X'), { service: 'my-service' }),
      }),
    ).toThrow(/Route "GET \/x": service name "my-service" must start with a letter/);
  });

  test('duplicate routes fail the synth with the route named (core check)', () => {
    const stack = newStack();
    const gateway = simpleGateway(stack);
    gateway.addRoute('GET /users', { integration: RouteIntegration.mock() });
    expect(synthError(stack)).toMatch(/Route "GET \/users" is declared 2 times/);
  });

  test('sibling path variables fail the synth with both routes named (core check)', () => {
    const stack = newStack();
    const gateway = simpleGateway(stack);
    gateway.addRoute('GET /users/{id}', { integration: RouteIntegration.mock() });
    gateway.addRoute('GET /users/{userId}/orders', { integration: RouteIntegration.mock() });
    expect(synthError(stack)).toMatch(
      /Routes "GET \/users\/\{id\}" and "GET \/users\/\{userId\}\/orders" declare two variable path parts/,
    );
  });

  test('an integration timeout above 29 seconds fails the synth (core check)', () => {
    const stack = newStack();
    const gateway = simpleGateway(stack);
    gateway.addRoute('GET /slow', {
      integration: RouteIntegration.http('https://slow.example.com/', { timeout: Duration.seconds(40) }),
    });
    expect(synthError(stack)).toMatch(/GET \/slow/);
  });

  test('Gateway props without routes synthesize nothing deployable: an empty version is an error', () => {
    const stack = newStack();
    new Gateway(stack, 'Gateway', { defaultAuthorization: RouteAuthorization.none() });
    expect(synthError(stack)).toMatch(/Version "v1" has no routes: CreateDeployment would fail/);
  });
});
