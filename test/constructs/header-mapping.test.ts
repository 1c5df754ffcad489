import { Template } from 'aws-cdk-lib/assertions';
import { Gateway, RouteAuthorization, RouteIntegration } from '../../lib/constructs';
import { definitionOf, inlineFunction, newStack, resourcesOfType, synthError } from './helpers';

function gatewayWith(integration: RouteIntegration, authorized = true) {
  const stack = newStack();
  const authorization = authorized
    ? RouteAuthorization.token(inlineFunction(stack, 'Auth'), { authorizerName: 'auth' })
    : RouteAuthorization.none();
  new Gateway(stack, 'Gateway', { routes: { 'GET /status/{proxy+}': { integration, authorization } } });
  return stack;
}

describe('header mapping on HTTP routes', () => {
  test('forwarded authorizer values and overwritten headers render as the mappings API Gateway applies', () => {
    const stack = gatewayWith(
      RouteIntegration.http('https://status.example.com/{proxy}', {
        forwardAuthorizerContext: { 'x-user-id': 'principalId', 'x-tenant': 'tenantId' },
        overwriteHeaders: { 'x-debug': 'off' },
      }),
    );
    const integration = definitionOf(Template.fromStack(stack)).paths['/status/{proxy+}'].get[
      'x-amazon-apigateway-integration'
    ];
    expect(integration.requestParameters).toEqual({
      'integration.request.header.x-debug': "'off'",
      'integration.request.header.x-tenant': 'context.authorizer.tenantId',
      'integration.request.header.x-user-id': 'context.authorizer.principalId',
      'integration.request.path.proxy': 'method.request.path.proxy',
    });
  });

  test('forwarding authorizer values on a route without an authorizer fails the synth, naming the route', () => {
    const stack = gatewayWith(
      RouteIntegration.http('https://status.example.com/{proxy}', {
        forwardAuthorizerContext: { 'x-user-id': 'principalId' },
      }),
      false,
    );
    expect(synthError(stack)).toMatch(/Route "GET \/status\/\{proxy\+\}".*has no Lambda or Cognito authorizer/);
  });

  test('header helpers refuse what API Gateway cannot do, at once', () => {
    const http = (options: Parameters<typeof RouteIntegration.http>[1]) => () =>
      RouteIntegration.http('https://b.example.com', options);
    expect(http({ overwriteHeaders: { 'x-user-id': '' } })).toThrow(/REST APIs cannot remove a header/);
    expect(http({ forwardAuthorizerContext: { 'x user': 'principalId' } })).toThrow(/not an HTTP header name/);
    expect(http({ forwardAuthorizerContext: { 'x-user': 'context.authorizer.sub' } })).toThrow(
      /not principalId, a context key or claims.<name>/,
    );
    expect(
      http({
        forwardAuthorizerContext: { 'X-User-Id': 'principalId' },
        requestParameters: { 'integration.request.header.x-user-id': "'x'" },
      }),
    ).toThrow(/"x-user-id" and "X-User-Id" name the same header/);
  });
});

describe('gateway response headers', () => {
  const headers = { 'Strict-Transport-Security': 'max-age=31536000', 'Cache-Control': 'no-store' };

  test('land in the definition as DEFAULT_4XX and DEFAULT_5XX gateway responses', () => {
    const stack = newStack();
    new Gateway(stack, 'Gateway', {
      stageOptions: { gatewayResponseHeaders: headers },
      routes: {
        'GET /users': {
          integration: RouteIntegration.lambda(inlineFunction(stack, 'Users')),
          authorization: RouteAuthorization.none(),
        },
      },
    });
    const responses = definitionOf(Template.fromStack(stack))['x-amazon-apigateway-gateway-responses'];
    expect(Object.keys(responses)).toEqual(['DEFAULT_4XX', 'DEFAULT_5XX']);
    expect(responses.DEFAULT_4XX.responseParameters['gatewayresponse.header.Cache-Control']).toBe("'no-store'");
  });

  test('changing them deploys again (a new deployment logical id)', () => {
    const deploymentIds = (gatewayResponseHeaders?: Record<string, string>) => {
      const stack = newStack();
      new Gateway(stack, 'Gateway', {
        stageOptions: { gatewayResponseHeaders },
        routes: {
          'GET /users': {
            integration: RouteIntegration.lambda(inlineFunction(stack, 'Users')),
            authorization: RouteAuthorization.none(),
          },
        },
      });
      return Object.keys(resourcesOfType(Template.fromStack(stack), 'AWS::ApiGateway::Deployment'));
    };
    expect(deploymentIds(headers)).not.toEqual(deploymentIds());
    expect(deploymentIds(headers)).not.toEqual(deploymentIds({ ...headers, 'Cache-Control': 'no-cache' }));
    expect(deploymentIds(headers)).toEqual(deploymentIds({ ...headers }));
  });
});
