import { Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Gateway, RouteAuthorization, RouteIntegration } from '../../lib/constructs';
import {
  definitionOf,
  inlineFunction,
  newStack,
  resourcesOfType,
  simpleGateway,
  synthError,
  warningsOf,
} from './helpers';

function versionedGateway() {
  const stack = newStack();
  const ordersV1 = inlineFunction(stack, 'OrdersV1');
  const ordersV2 = inlineFunction(stack, 'OrdersV2');
  const live = new lambda.Alias(stack, 'OrdersLive', { aliasName: 'live', version: ordersV2.currentVersion });
  const orders = RouteIntegration.lambda(ordersV1, { service: 'orders' });
  const gateway = new Gateway(stack, 'Gateway', {
    restApiName: 'shop',
    defaultAuthorization: RouteAuthorization.none(),
    versions: {
      v1: { throttle: { rateLimit: 100, burstLimit: 200 }, variables: { flavour: 'classic' } },
      v2: {
        throttle: { rateLimit: 200, burstLimit: 400 },
        functions: { orders: ordersV2 },
        canary: { percentTraffic: 10, functions: { orders: live }, stageVariableOverrides: { flavour: 'canary' } },
      },
    },
    routes: {
      'GET /orders': { integration: orders },
      'DELETE /orders/{id}': { integration: orders, versions: ['v2'] },
    },
  });
  return { stack, gateway, template: Template.fromStack(stack) };
}

describe('Gateway versions', () => {
  test('each version is its own REST API with one stage named after the version', () => {
    const { template } = versionedGateway();
    const apis = Object.values(resourcesOfType(template, 'AWS::ApiGateway::RestApi'));
    expect(apis.map((api) => api.Properties.Name)).toEqual(['shop-v1', 'shop-v2']);
    expect(apis.every((api) => JSON.stringify(api.Properties.EndpointConfiguration) === '{"Types":["REGIONAL"]}')).toBe(
      true,
    );
    const stages = Object.values(resourcesOfType(template, 'AWS::ApiGateway::Stage'));
    expect(stages.map((stage) => stage.Properties.StageName)).toEqual(['v1', 'v2']);
  });

  test('a route limited to some versions appears only in their definitions', () => {
    const { template } = versionedGateway();
    expect(definitionOf(template, 'v1').paths['/orders/{id}']).toBeUndefined();
    expect(definitionOf(template, 'v2').paths['/orders/{id}'].delete).toBeDefined();
  });

  test("each stage names its version's function for the service and its own throttle defaults", () => {
    const { template } = versionedGateway();
    const stages = Object.values(resourcesOfType(template, 'AWS::ApiGateway::Stage'));
    const [v1, v2] = stages.map((stage) => stage.Properties);
    expect(v1.Variables).toEqual({
      flavour: 'classic',
      ordersFunction: { 'Fn::GetAtt': [expect.stringMatching(/^OrdersV1/), 'Arn'] },
    });
    expect(v2.Variables).toEqual({ ordersFunction: { 'Fn::GetAtt': [expect.stringMatching(/^OrdersV2/), 'Arn'] } });
    expect(v1.MethodSettings).toEqual([
      { ResourcePath: '/*', HttpMethod: '*', ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200 },
    ]);
    expect(v2.MethodSettings).toEqual([
      { ResourcePath: '/*', HttpMethod: '*', ThrottlingRateLimit: 200, ThrottlingBurstLimit: 400 },
    ]);
  });

  test('a canary overrides stage variables, e.g. to route a service to another alias', () => {
    const { template } = versionedGateway();
    const v2 = Object.values(resourcesOfType(template, 'AWS::ApiGateway::Stage'))[1].Properties;
    expect(v2.CanarySetting).toEqual({
      DeploymentId: v2.DeploymentId,
      PercentTraffic: 10,
      StageVariableOverrides: { flavour: 'canary', ordersFunction: { Ref: expect.stringMatching(/^OrdersLive/) } },
    });
  });

  test('API Gateway gets one invoke permission per function or alias per API, for every method and path', () => {
    const { template } = versionedGateway();
    const permissions = Object.values(resourcesOfType(template, 'AWS::Lambda::Permission')).map((p) => p.Properties);
    // v1: OrdersV1; v2: OrdersV2 and the canary's alias.
    expect(permissions).toHaveLength(3);
    for (const permission of permissions) {
      expect(permission.Principal).toBe('apigateway.amazonaws.com');
      expect(permission.Action).toBe('lambda:InvokeFunction');
      const sourceArn = (permission.SourceArn as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1];
      expect(sourceArn[sourceArn.length - 1]).toBe('/*/*/*');
    }
    expect(permissions.map((p) => JSON.stringify(p.FunctionName))).toEqual([
      expect.stringMatching(/OrdersV1/),
      expect.stringMatching(/OrdersLive/),
      expect.stringMatching(/OrdersV2/),
    ]);
  });

  test('every route of a service shares its single invoke permission', () => {
    const stack = newStack();
    const fn = inlineFunction(stack, 'Items');
    const gateway = new Gateway(stack, 'Gateway', { defaultAuthorization: RouteAuthorization.none() });
    for (let i = 0; i < 5; i++) gateway.addRoute(`GET /items${i}`, { integration: RouteIntegration.lambda(fn) });
    Template.fromStack(stack).resourceCountIs('AWS::Lambda::Permission', 1);
  });

  test('the stage exposes its invoke URL', () => {
    const { stack, gateway } = versionedGateway();
    expect(stack.resolve(gateway.version('v2').url)).toEqual({
      'Fn::Join': [
        '',
        [
          'https://',
          { Ref: expect.stringMatching(/^Gatewayv2RestApi/) },
          '.execute-api.eu-west-1.',
          { Ref: 'AWS::URLSuffix' },
          '/v2/',
        ],
      ],
    });
  });

  test('a custom domain maps each version to its API and stage (Regional, TLS 1.2)', () => {
    const stack = newStack();
    simpleGateway(stack, {
      versions: { v1: {}, v2: {} },
      domain: { domainName: 'api.example.com', certificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/abc' },
    });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::ApiGateway::DomainName', {
      DomainName: 'api.example.com',
      RegionalCertificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/abc',
      EndpointConfiguration: { Types: ['REGIONAL'] },
      SecurityPolicy: 'TLS_1_2',
    });
    const mappings = Object.values(resourcesOfType(template, 'AWS::ApiGateway::BasePathMapping')).map(
      (m) => m.Properties,
    );
    expect(mappings).toEqual([
      expect.objectContaining({
        BasePath: 'v1',
        RestApiId: { Ref: expect.stringMatching(/^Gatewayv1RestApi/) },
        Stage: { Ref: expect.stringMatching(/^Gatewayv1Stage/) },
      }),
      expect.objectContaining({
        BasePath: 'v2',
        RestApiId: { Ref: expect.stringMatching(/^Gatewayv2RestApi/) },
        Stage: { Ref: expect.stringMatching(/^Gatewayv2Stage/) },
      }),
    ]);
  });

  test('a route naming an undeclared version throws naming the route', () => {
    const stack = newStack();
    const gateway = simpleGateway(stack);
    expect(() => gateway.addRoute('GET /x', { integration: RouteIntegration.mock(), versions: ['v3'] })).toThrow(
      'Route "GET /x": version "v3" is not declared (declared: "v1").',
    );
  });

  test('a version name API Gateway rejects as a stage name throws (core check)', () => {
    const stack = newStack();
    expect(() => simpleGateway(stack, { versions: { 'v 1': {} } })).toThrow(/Stage "v 1": the name contains " "/);
  });

  test('a canary share outside 0 to 100 throws', () => {
    const stack = newStack();
    expect(() => simpleGateway(stack, { versions: { v1: { canary: { percentTraffic: 150 } } } })).toThrow(
      /Version "v1": canary percentTraffic 150 is outside 0.0 to 100.0/,
    );
  });

  test('a version function for a service no route of the version calls draws a warning', () => {
    const stack = newStack();
    simpleGateway(stack, { versions: { v1: { functions: { orderz: inlineFunction(stack, 'Typo') } } } });
    expect(warningsOf(stack).join('\n')).toMatch(/Version "v1" sets a function for service "orderz"/);
  });

  test('a conflict only some versions have names those versions', () => {
    const stack = newStack();
    const gateway = simpleGateway(stack, { versions: { v1: {}, v2: {} } });
    gateway.addRoute('GET /users/{id}', { integration: RouteIntegration.mock() });
    gateway.addRoute('GET /users/{name}/x', { integration: RouteIntegration.mock(), versions: ['v2'] });
    expect(synthError(stack)).toMatch(/Version "v2": Routes "GET \/users\/\{id\}" and "GET \/users\/\{name\}\/x"/);
  });

  test('a user stage variable that collides with a service function variable throws', () => {
    const stack = newStack();
    expect(() => simpleGateway(stack, { versions: { v1: { variables: { usersFunction: 'x' } } } })).toThrow(
      /Version "v1": stage variable "usersFunction" is set in variables/,
    );
  });
});
