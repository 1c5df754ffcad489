import { Duration } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { IdentitySource } from 'aws-cdk-lib/aws-apigateway';
import { Gateway, type GatewayProps, RouteAuthorization, RouteIntegration } from '../../../lib/constructs';
import { inlineFunction, newStack, type OpenApiJson, resourcesOfType } from '../helpers';
import { httpDefinitionOf, stagesOf } from './http-helpers';

function httpGateway(props: Partial<GatewayProps> = {}) {
  const stack = newStack();
  const users = inlineFunction(stack, 'Users');
  const gateway = new Gateway(stack, 'Gateway', {
    flavor: 'http',
    defaultAuthorization: RouteAuthorization.none(),
    routes: { 'GET /users/{id}': { integration: RouteIntegration.lambda(users) } },
    ...props,
  });
  return { stack, gateway, users };
}

const integrationOf = (template: Template, path: string, method = 'get') =>
  httpDefinitionOf(template).paths[path][method]['x-amazon-apigateway-integration'];

describe('Gateway with flavor "http"', () => {
  test('synthesizes one HTTP API whose Body holds the routes, and no REST resources', () => {
    const { stack } = httpGateway({ restApiName: 'shop', description: 'The shop' });
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::ApiGatewayV2::Api', 1);
    template.resourceCountIs('AWS::ApiGatewayV2::Route', 0);
    template.resourceCountIs('AWS::ApiGateway::RestApi', 0);
    const api = Object.values(resourcesOfType(template, 'AWS::ApiGatewayV2::Api'))[0].Properties;
    expect(api.FailOnWarnings).toBe(true);
    expect(httpDefinitionOf(template).info).toEqual({ title: 'shop', description: 'The shop', version: '1.0' });
  });

  test('defaults to one auto-deployed $default stage with a JSON access log of HTTP variables', () => {
    const { stack, gateway } = httpGateway();
    const stages = stagesOf(Template.fromStack(stack));
    expect(Object.keys(stages)).toEqual(['$default']);
    expect(stages.$default).toMatchObject({ AutoDeploy: true, StageName: '$default' });
    const format = (stages.$default.AccessLogSettings as { Format: string }).Format;
    expect(JSON.parse(format)).toMatchObject({ requestId: '$context.requestId', routeKey: '$context.routeKey' });
    expect(gateway.versions).toEqual([]);
    expect(gateway.http?.stage('$default').url).toMatch(/^https:\/\/\$\{Token\[.+\]\}\.execute-api\..+\/$/);
  });

  test('sends Lambda routes payload 2.0 by default, 1.0 when the gateway or the service asks for it', () => {
    const stack = newStack();
    const users = inlineFunction(stack, 'Users');
    const orders = inlineFunction(stack, 'Orders');
    const search = inlineFunction(stack, 'Search');
    new Gateway(stack, 'Default', {
      flavor: 'http',
      defaultAuthorization: RouteAuthorization.none(),
      http: { servicePayloadFormatVersions: { orders: '1.0' } },
      routes: {
        'GET /users': { integration: RouteIntegration.lambda(users) },
        'GET /orders': { integration: RouteIntegration.lambda(orders, { timeout: Duration.seconds(5) }) },
      },
    });
    new Gateway(stack, 'Legacy', {
      flavor: 'http',
      defaultAuthorization: RouteAuthorization.none(),
      http: { payloadFormatVersion: '1.0' },
      routes: { 'GET /search': { integration: RouteIntegration.lambda(search) } },
    });
    const bodies = Object.values(resourcesOfType(Template.fromStack(stack), 'AWS::ApiGatewayV2::Api')).map(
      (api) => api.Properties.Body as OpenApiJson,
    );
    const integration = (path: string) =>
      bodies.find((body) => body.paths[path])!.paths[path].get['x-amazon-apigateway-integration'];
    expect(integration('/users')).toMatchObject({ type: 'aws_proxy', httpMethod: 'POST', payloadFormatVersion: '2.0' });
    expect(integration('/orders')).toMatchObject({ payloadFormatVersion: '1.0', timeoutInMillis: 5000 });
    expect(integration('/search')).toMatchObject({ payloadFormatVersion: '1.0' });
    expect(JSON.stringify(integration('/users').uri)).toContain(
      `:lambda:path/2015-03-31/functions/\${stageVariables.usersFunction}/invocations`,
    );
  });

  test('serves the $default route and IAM routes', () => {
    const { stack, gateway, users } = httpGateway({ routes: {} });
    gateway.addRoute('$default', { integration: RouteIntegration.lambda(users) });
    gateway.addRoute('POST /admin', {
      integration: RouteIntegration.lambda(users),
      authorization: RouteAuthorization.iam(),
    });
    const definition = httpDefinitionOf(Template.fromStack(stack));
    expect(definition.paths['/$default']['x-amazon-apigateway-any-method']).toMatchObject({ isDefaultRoute: true });
    expect(definition.paths['/admin'].post.security).toEqual([{ sigv4: [] }]);
    expect(definition.components.securitySchemes.sigv4).toMatchObject({ 'x-amazon-apigateway-authtype': 'awsSigv4' });
  });

  test('renders JWT and Lambda authorizers, per-route JWT scopes, and a REST REQUEST authorizer as payload 1.0', () => {
    const stack = newStack();
    const users = inlineFunction(stack, 'Users');
    const simple = inlineFunction(stack, 'SimpleAuthorizer');
    const policy = inlineFunction(stack, 'PolicyAuthorizer');
    const jwt = (scopes?: string[]) =>
      RouteAuthorization.jwt({ issuer: 'https://issuer.example.com', audience: ['api'], scopes });
    new Gateway(stack, 'Gateway', {
      flavor: 'http',
      defaultAuthorization: jwt(),
      routes: {
        'GET /a': { integration: RouteIntegration.lambda(users) },
        'GET /b': { integration: RouteIntegration.lambda(users), authorization: jwt(['orders:read']) },
        'GET /c': {
          integration: RouteIntegration.lambda(users),
          authorization: RouteAuthorization.lambda(simple, {
            identitySources: ['$request.header.Authorization', '$context.routeKey'],
            resultsCacheTtl: Duration.seconds(0),
          }),
        },
        'GET /d': {
          integration: RouteIntegration.lambda(users),
          authorization: RouteAuthorization.request(policy, {
            identitySources: [IdentitySource.header('Authorization'), IdentitySource.queryString('tenant')],
          }),
        },
      },
    });
    const template = Template.fromStack(stack);
    const definition = httpDefinitionOf(template);
    expect(definition.paths['/a'].get.security).toEqual([{ jwt: [] }]);
    expect(definition.paths['/b'].get.security).toEqual([{ jwt: ['orders:read'] }]);
    expect(definition.paths['/c'].get.security).toEqual([{ simpleAuthorizer: [] }]);
    const schemes = definition.components.securitySchemes;
    expect(Object.keys(schemes).sort()).toEqual(['jwt', 'policyAuthorizer', 'simpleAuthorizer']);
    expect(schemes.simpleAuthorizer['x-amazon-apigateway-authorizer']).toMatchObject({
      type: 'request',
      identitySource: '$request.header.Authorization, $context.routeKey',
      authorizerPayloadFormatVersion: '2.0',
      enableSimpleResponses: true,
      authorizerResultTtlInSeconds: 0,
    });
    expect(schemes.policyAuthorizer['x-amazon-apigateway-authorizer']).toMatchObject({
      type: 'request',
      identitySource: '$request.header.Authorization, $request.querystring.tenant',
      authorizerPayloadFormatVersion: '1.0',
      authorizerResultTtlInSeconds: 300,
    });
    // API Gateway may invoke each authorizer function for this API's authorizers.
    const permissions = Object.values(resourcesOfType(template, 'AWS::Lambda::Permission')).map((p) =>
      JSON.stringify(p.Properties),
    );
    expect(permissions.filter((p) => p.includes('/authorizers/*'))).toHaveLength(2);
  });

  test("sets stage throttles, per-route throttles, metrics and stage variables on every version's stage", () => {
    const { stack } = httpGateway({
      versions: {
        $default: { throttle: { rateLimit: 10, burstLimit: 20 }, variables: { tier: 'base' } },
        v2: { metricsEnabled: true },
      },
      stageOptions: { variables: { region: 'eu' } },
      http: { routeThrottles: { 'GET /users/{id}': { rateLimit: 1, burstLimit: 2 } } },
    });
    const stages = stagesOf(Template.fromStack(stack));
    expect(stages.$default.DefaultRouteSettings).toEqual({ ThrottlingBurstLimit: 20, ThrottlingRateLimit: 10 });
    expect(stages.v2.DefaultRouteSettings).toEqual({ DetailedMetricsEnabled: true });
    for (const stage of Object.values(stages)) {
      expect(stage.RouteSettings).toEqual({ 'GET /users/{id}': { ThrottlingRateLimit: 1, ThrottlingBurstLimit: 2 } });
    }
    expect(stages.$default.StageVariables).toMatchObject({
      tier: 'base',
      region: 'eu',
      usersFunction: expect.anything(),
    });
    expect(stages.v2.StageVariables).not.toHaveProperty('tier');
  });

  test('lets a version serve a service with another function, with one invoke permission per function for the whole API', () => {
    const stack = newStack();
    const v1 = inlineFunction(stack, 'OrdersV1');
    const v2 = inlineFunction(stack, 'OrdersV2');
    const orders = RouteIntegration.lambda(v1, { service: 'orders' });
    new Gateway(stack, 'Gateway', {
      flavor: 'http',
      defaultAuthorization: RouteAuthorization.none(),
      versions: { $default: {}, v2: { functions: { orders: v2 } } },
      routes: { 'GET /orders': { integration: orders }, 'POST /orders': { integration: orders } },
    });
    const template = Template.fromStack(stack);
    const stages = stagesOf(template);
    expect(JSON.stringify(stages.$default.StageVariables)).toContain('OrdersV1');
    expect(JSON.stringify(stages.v2.StageVariables)).toContain('OrdersV2');
    const permissions = Object.values(resourcesOfType(template, 'AWS::Lambda::Permission')).map((p) => p.Properties);
    expect(permissions).toHaveLength(2);
    for (const permission of permissions) {
      expect(JSON.stringify(permission.SourceArn)).toMatch(/"\/\*"\]\]\}$/);
    }
  });

  test('proxies HTTP backends with HTTP API parameter mapping, translating REST-form mappings', () => {
    const { stack } = httpGateway({
      defaultAuthorization: RouteAuthorization.jwt({ issuer: 'https://issuer.example.com', audience: ['api'] }),
      routes: {
        'GET /status/{proxy+}': {
          integration: RouteIntegration.http('https://status.example.com/{proxy}', {
            timeout: Duration.seconds(10),
            requestParameters: {
              'integration.request.header.x-tenant': 'method.request.querystring.tenant',
              'remove:header.cookie': "''",
            },
            forwardAuthorizerContext: { 'x-user-id': 'claims.sub' },
            overwriteHeaders: { 'x-debug': 'off' },
          }),
        },
      },
    });
    expect(integrationOf(Template.fromStack(stack), '/status/{proxy+}')).toEqual({
      type: 'http_proxy',
      httpMethod: 'GET',
      uri: 'https://status.example.com/{proxy}',
      payloadFormatVersion: '1.0',
      timeoutInMillis: 10_000,
      connectionType: 'INTERNET',
      requestParameters: {
        'overwrite:header.x-debug': 'off',
        'overwrite:header.x-tenant': '$request.querystring.tenant',
        'overwrite:header.x-user-id': '$context.authorizer.claims.sub',
        'remove:header.cookie': "''",
      },
    });
  });

  test('renders CORS into the definition', () => {
    const { stack } = httpGateway({
      http: {
        cors: {
          allowOrigins: ['https://app.example.com'],
          allowMethods: ['get', 'post'],
          allowHeaders: ['authorization'],
          allowCredentials: true,
          maxAge: Duration.hours(1),
        },
      },
    });
    expect(httpDefinitionOf(Template.fromStack(stack))['x-amazon-apigateway-cors']).toEqual({
      allowOrigins: ['https://app.example.com'],
      allowMethods: ['GET', 'POST'],
      allowHeaders: ['authorization'],
      allowCredentials: true,
      maxAge: 3600,
    });
  });
});
