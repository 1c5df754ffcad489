import { Duration } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Gateway, RouteAuthorization, RouteIntegration } from '../../lib/constructs';
import { definitionOf, inlineFunction, newStack, resourcesOfType, synthError } from './helpers';

describe('Gateway authorization', () => {
  test('a route without an authorization decision and no default fails naming the route', () => {
    const stack = newStack();
    const fn = inlineFunction(stack, 'Users');
    expect(
      () =>
        new Gateway(stack, 'Gateway', { routes: { 'GET /users/{id}': { integration: RouteIntegration.lambda(fn) } } }),
    ).toThrow(
      'Route "GET /users/{id}" has no authorization decision. Pass authorization on the route ' +
        '(RouteAuthorization.none() to make it public, or an authorizer/IAM), or set defaultAuthorization on the Gateway.',
    );
  });

  test('a REQUEST authorizer renders as a custom security scheme with its identity sources and TTL', () => {
    const stack = newStack();
    const authorizer = inlineFunction(stack, 'Authorizer');
    const fn = inlineFunction(stack, 'Users');
    new Gateway(stack, 'Gateway', {
      defaultAuthorization: RouteAuthorization.request(authorizer, {
        authorizerName: 'jwt',
        identitySources: ['method.request.header.Authorization', 'method.request.querystring.tenant'],
      }),
      routes: { 'GET /users': { integration: RouteIntegration.lambda(fn) } },
    });
    const template = Template.fromStack(stack);
    const definition = definitionOf(template);
    const scheme = definition.components.securitySchemes.jwt;
    expect(scheme).toMatchObject({
      type: 'apiKey',
      name: 'Unused',
      in: 'header',
      'x-amazon-apigateway-authtype': 'custom',
      'x-amazon-apigateway-authorizer': {
        type: 'request',
        identitySource: 'method.request.header.Authorization, method.request.querystring.tenant',
        authorizerResultTtlInSeconds: 300,
      },
    });
    const uri = scheme['x-amazon-apigateway-authorizer'].authorizerUri['Fn::Join'][1];
    expect(uri).toContainEqual({ 'Fn::GetAtt': [expect.stringMatching(/^Authorizer/), 'Arn'] });
    expect(uri[uri.length - 1]).toMatch(/^\/invocations$/);
    expect(definition.paths['/users'].get.security).toEqual([{ jwt: [] }]);
    // API Gateway may invoke the authorizer from any of the API's authorizers.
    template.hasResourceProperties('AWS::Lambda::Permission', {
      FunctionName: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Authorizer'), 'Arn'] },
      Principal: 'apigateway.amazonaws.com',
      SourceArn: { 'Fn::Join': ['', Match.arrayWith(['/authorizers/*'])] },
    });
  });

  test('a TOKEN authorizer carries its header, validation expression and cache TTL', () => {
    const stack = newStack();
    const fn = inlineFunction(stack, 'Users');
    new Gateway(stack, 'Gateway', {
      defaultAuthorization: RouteAuthorization.token(inlineFunction(stack, 'TokenCheck'), {
        headerName: 'X-Token',
        validationRegex: '^Bearer [-0-9a-zA-Z._]+$',
        resultsCacheTtl: Duration.minutes(10),
      }),
      routes: { 'GET /users': { integration: RouteIntegration.lambda(fn) } },
    });
    const definition = definitionOf(Template.fromStack(stack));
    const scheme = definition.components.securitySchemes.tokenCheck;
    expect(scheme.name).toBe('X-Token');
    expect(scheme['x-amazon-apigateway-authorizer']).toMatchObject({
      type: 'token',
      identitySource: 'method.request.header.X-Token',
      identityValidationExpression: '^Bearer [-0-9a-zA-Z._]+$',
      authorizerResultTtlInSeconds: 600,
    });
    expect(JSON.stringify(scheme['x-amazon-apigateway-authorizer'].authorizerUri)).toMatch(/invocations/);
    expect(definition.paths['/users'].get.security).toEqual([{ tokenCheck: [] }]);
  });

  test('a Cognito authorizer lists its user pools and the route its scopes', () => {
    const stack = newStack();
    const pool = new cognito.UserPool(stack, 'Pool');
    const fn = inlineFunction(stack, 'Users');
    new Gateway(stack, 'Gateway', {
      routes: {
        'GET /users': {
          integration: RouteIntegration.lambda(fn),
          authorization: RouteAuthorization.cognito([pool], { scopes: ['users/read'] }),
        },
      },
    });
    const definition = definitionOf(Template.fromStack(stack));
    expect(definition.components.securitySchemes.cognito).toEqual({
      type: 'apiKey',
      name: 'Authorization',
      in: 'header',
      'x-amazon-apigateway-authtype': 'cognito_user_pools',
      'x-amazon-apigateway-authorizer': {
        type: 'cognito_user_pools',
        identitySource: 'method.request.header.Authorization',
        providerARNs: [{ 'Fn::GetAtt': [expect.stringMatching(/^Pool/), 'Arn'] }],
        authorizerResultTtlInSeconds: 300,
      },
    });
    expect(definition.paths['/users'].get.security).toEqual([{ cognito: ['users/read'] }]);
  });

  test('IAM authorization uses a sigv4 scheme, and an explicit none leaves the route without security', () => {
    const stack = newStack();
    const fn = inlineFunction(stack, 'Users');
    new Gateway(stack, 'Gateway', {
      defaultAuthorization: RouteAuthorization.iam(),
      routes: {
        'GET /users': { integration: RouteIntegration.lambda(fn) },
        'GET /health': { integration: RouteIntegration.mock(), authorization: RouteAuthorization.none() },
      },
    });
    const definition = definitionOf(Template.fromStack(stack));
    expect(definition.components.securitySchemes.sigv4).toEqual({
      type: 'apiKey',
      name: 'Authorization',
      in: 'header',
      'x-amazon-apigateway-authtype': 'awsSigv4',
    });
    expect(definition.paths['/users'].get.security).toEqual([{ sigv4: [] }]);
    expect(definition.paths['/health'].get.security).toBeUndefined();
  });

  test('an API key requirement adds the api_key scheme to the route, next to its authorizer', () => {
    const stack = newStack();
    const fn = inlineFunction(stack, 'Users');
    new Gateway(stack, 'Gateway', {
      defaultAuthorization: RouteAuthorization.request(inlineFunction(stack, 'Authorizer')),
      apiKeyRequired: true,
      routes: {
        'GET /users': { integration: RouteIntegration.lambda(fn) },
        'GET /health': {
          integration: RouteIntegration.mock(),
          authorization: RouteAuthorization.none(),
          apiKeyRequired: false,
        },
      },
      usagePlans: { free: {} },
      consumers: { hobbyist: { plan: 'free' } },
    });
    const definition = definitionOf(Template.fromStack(stack));
    expect(definition.components.securitySchemes.api_key).toEqual({ type: 'apiKey', name: 'x-api-key', in: 'header' });
    expect(definition.paths['/users'].get.security).toEqual([{ authorizer: [], api_key: [] }]);
    expect(definition.paths['/health'].get.security).toBeUndefined();
  });

  test('one authorization object reused on many routes is one authorizer with one permission per API', () => {
    const stack = newStack();
    const authorizerFn = inlineFunction(stack, 'Authorizer');
    const jwt = RouteAuthorization.request(authorizerFn);
    const fn = inlineFunction(stack, 'Users');
    new Gateway(stack, 'Gateway', {
      routes: {
        'GET /users': { integration: RouteIntegration.lambda(fn), authorization: jwt },
        'POST /users': { integration: RouteIntegration.lambda(fn), authorization: jwt },
      },
    });
    const template = Template.fromStack(stack);
    expect(Object.keys(definitionOf(template).components.securitySchemes)).toEqual(['authorizer']);
    const permissions = Object.values(resourcesOfType(template, 'AWS::Lambda::Permission')).filter((p) =>
      JSON.stringify(p.Properties.FunctionName).includes('Authorizer'),
    );
    expect(permissions).toHaveLength(1);
  });

  test('two different authorizers with one name throw naming the route', () => {
    const stack = newStack();
    const fn = inlineFunction(stack, 'Users');
    const gateway = new Gateway(stack, 'Gateway', {
      routes: {
        'GET /users': {
          integration: RouteIntegration.lambda(fn),
          authorization: RouteAuthorization.request(inlineFunction(stack, 'A'), { authorizerName: 'auth' }),
        },
      },
    });
    expect(() =>
      gateway.addRoute('POST /users', {
        integration: RouteIntegration.lambda(fn),
        authorization: RouteAuthorization.token(inlineFunction(stack, 'B'), { authorizerName: 'auth' }),
      }),
    ).toThrow('Route "POST /users": two different authorizers are named "auth".');
  });

  test('an authorizer named like a reserved security scheme throws', () => {
    const stack = newStack();
    const fn = inlineFunction(stack, 'Users');
    expect(
      () =>
        new Gateway(stack, 'Gateway', {
          defaultAuthorization: RouteAuthorization.request(inlineFunction(stack, 'A'), { authorizerName: 'api_key' }),
          routes: { 'GET /users': { integration: RouteIntegration.lambda(fn) } },
        }),
    ).toThrow(/authorizer name "api_key" must use only/);
  });

  test('an authorizer cache TTL above one hour fails the synth (core check)', () => {
    const stack = newStack();
    const fn = inlineFunction(stack, 'Users');
    new Gateway(stack, 'Gateway', {
      defaultAuthorization: RouteAuthorization.request(inlineFunction(stack, 'A'), {
        resultsCacheTtl: Duration.hours(2),
      }),
      routes: { 'GET /users': { integration: RouteIntegration.lambda(fn) } },
    });
    expect(synthError(stack)).toMatch(/Authorizer "a".*7200/);
  });
});
