/** Loading HTTP APIs from synthesized templates: both forms, stages, mappings, what cannot be served. */
import { App, Duration, Stack } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import {
  HttpJwtAuthorizer,
  HttpLambdaAuthorizer,
  HttpLambdaResponseType,
} from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration, HttpUrlIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { type HttpRouteTable, httpRouteKeyName, parseHttpRouteKey } from '../../../../lib/core/http-route-table';
import { renderHttpDefinition } from '../../../../lib/core/openapi/render-http-definition';
import { loadAssembly, synthesizeToAssembly } from '../../../../lib/emulator/assembly';
import type { GatewayModel, HttpApiModel } from '../../../../lib/emulator/model';

function newStack(): Stack {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  return new Stack(app, 'HttpStack', { env: { region: 'eu-west-1', account: '123456789012' } });
}

const inlineFunction = (stack: Stack, id: string) =>
  new lambda.Function(stack, id, {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => "ok";'),
  });

const load = (stack: Stack): GatewayModel => loadAssembly(synthesizeToAssembly(stack));
const routeKeys = (api: HttpApiModel) => api.table.routes.map((route) => httpRouteKeyName(route.key)).sort();

describe('an HTTP API written with plain aws-cdk-lib constructs', () => {
  let model: GatewayModel;
  beforeAll(() => {
    const stack = newStack();
    const fn = inlineFunction(stack, 'Fn');
    const auth = new HttpLambdaAuthorizer('LambdaAuth', inlineFunction(stack, 'AuthFn'), {
      responseTypes: [HttpLambdaResponseType.SIMPLE],
      identitySource: ['$request.header.x-token', '$context.routeKey'],
      resultsCacheTtl: Duration.seconds(30),
    });
    const jwt = new HttpJwtAuthorizer('Jwt', 'https://issuer.example.test', { jwtAudience: ['app'] });
    const api = new apigwv2.HttpApi(stack, 'Api', {
      defaultIntegration: new HttpLambdaIntegration('RootIntegration', fn),
      corsPreflight: { allowOrigins: ['https://app.example.com'], allowMethods: [apigwv2.CorsHttpMethod.GET] },
    });
    api.addRoutes({
      path: '/items/{id}',
      methods: [apigwv2.HttpMethod.GET],
      integration: new HttpLambdaIntegration('Items', fn, {
        payloadFormatVersion: apigwv2.PayloadFormatVersion.VERSION_1_0,
      }),
      authorizer: auth,
    });
    api.addRoutes({
      path: '/orders/{proxy+}',
      methods: [apigwv2.HttpMethod.ANY],
      integration: new HttpLambdaIntegration('Orders', fn),
      authorizer: jwt,
      authorizationScopes: ['orders:read'],
    });
    api.addRoutes({
      path: '/proxy',
      methods: [apigwv2.HttpMethod.GET],
      integration: new HttpUrlIntegration('Url', 'https://example.com/x'),
    });
    const dev = api.addStage('Dev', { stageName: 'dev', throttle: { rateLimit: 5, burstLimit: 10 }, autoDeploy: true });
    const domain = new apigwv2.DomainName(stack, 'Domain', {
      domainName: 'api.example.com',
      certificate: acm.Certificate.fromCertificateArn(
        stack,
        'Cert',
        'arn:aws:acm:eu-west-1:123456789012:certificate/x',
      ),
    });
    new apigwv2.ApiMapping(stack, 'Mapping', { api, domainName: domain, stage: dev, apiMappingKey: 'shop' });
    model = load(stack);
  });

  it('reads routes, integrations with their payload versions, and authorizers', () => {
    expect(model.httpApis).toHaveLength(1);
    const [api] = model.httpApis;
    expect(routeKeys(api)).toEqual(['$default', 'ANY /orders/{proxy+}', 'GET /items/{id}', 'GET /proxy']);
    const byKey = new Map(api.table.routes.map((route) => [httpRouteKeyName(route.key), route]));
    expect(byKey.get('GET /items/{id}')).toMatchObject({
      authorization: { kind: 'authorizer', authorizer: 'LambdaAuth' },
      integration: {
        kind: 'lambda',
        payloadFormatVersion: '1.0',
        functionArn: expect.stringMatching(/^arn:aws:lambda:eu-west-1:123456789012:function:/),
      },
    });
    expect(byKey.get('ANY /orders/{proxy+}')?.authorization).toEqual({
      kind: 'authorizer',
      authorizer: 'Jwt',
      scopes: ['orders:read'],
    });
    expect(byKey.get('$default')?.integration).toMatchObject({ kind: 'lambda', payloadFormatVersion: '2.0' });
    expect(byKey.get('GET /proxy')?.integration).toMatchObject({
      kind: 'http',
      url: 'https://example.com/x',
      method: 'ANY',
    });
    expect(api.table.authorizers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: 'LambdaAuth',
          type: 'REQUEST',
          identitySources: ['$request.header.x-token', '$context.routeKey'],
          payloadFormatVersion: '2.0',
          enableSimpleResponses: true,
          resultTtlSeconds: 30,
        }),
        {
          name: 'Jwt',
          type: 'JWT',
          identitySources: ['$request.header.Authorization'],
          issuer: 'https://issuer.example.test',
          audience: ['app'],
        },
      ]),
    );
    expect(api.table.cors).toMatchObject({ allowOrigins: ['https://app.example.com'], allowMethods: ['GET'] });
  });

  it('reads the $default stage and a named stage with its default route throttle', () => {
    const [api] = model.httpApis;
    expect(api.stages.map((stage) => stage.name).sort()).toEqual(['$default', 'dev']);
    expect(api.stages.find((stage) => stage.name === 'dev')?.defaultRouteThrottle).toEqual({
      rateLimit: 5,
      burstLimit: 10,
    });
  });

  it('puts the mapped stage under the custom domain, naming the stage by its name', () => {
    expect(model.domains).toEqual([
      {
        domainName: 'api.example.com',
        mappings: [{ basePath: 'shop', apiLogicalId: model.httpApis[0].logicalId, stage: 'dev' }],
      },
    ]);
    expect(model.unsupported).toEqual([]);
  });
});

describe('an HTTP API defined by an OpenAPI Body', () => {
  it('reads the document the HTTP API renderer writes: routes, $default, authorizers, scopes, CORS', () => {
    const stack = newStack();
    const fn = inlineFunction(stack, 'Fn');
    const table: HttpRouteTable = {
      routes: [
        {
          key: parseHttpRouteKey('GET /items/{id}'),
          authorization: { kind: 'authorizer', authorizer: 'Jwt', scopes: ['read'] },
          integration: { kind: 'lambda', functionArn: fn.functionArn, payloadFormatVersion: '2.0', timeoutMs: 5000 },
        },
        {
          key: parseHttpRouteKey('POST /items'),
          authorization: { kind: 'iam' },
          integration: { kind: 'lambda', functionArn: fn.functionArn, payloadFormatVersion: '1.0', timeoutMs: 30000 },
        },
        {
          key: parseHttpRouteKey('$default'),
          authorization: { kind: 'authorizer', authorizer: 'Lambda' },
          integration: {
            kind: 'http',
            url: 'https://backend.example.com',
            method: 'ANY',
            timeoutMs: 30000,
            requestParameters: { 'overwrite:header.x-user': '$context.authorizer.user' },
            responseParameters: { '404': { 'overwrite:statuscode': '204' } },
          },
        },
      ],
      authorizers: [
        {
          name: 'Jwt',
          type: 'JWT',
          identitySources: ['$request.header.Authorization'],
          issuer: 'https://issuer.example.test',
          audience: ['app'],
        },
        {
          name: 'Lambda',
          type: 'REQUEST',
          functionArn: fn.functionArn,
          identitySources: ['$request.header.x-token'],
          payloadFormatVersion: '2.0',
          enableSimpleResponses: true,
          resultTtlSeconds: 60,
        },
      ],
      cors: {
        allowOrigins: ['*'],
        allowMethods: ['GET'],
        allowHeaders: [],
        exposeHeaders: [],
        allowCredentials: false,
        maxAgeSeconds: 60,
      },
    };
    const api = new apigwv2.CfnApi(stack, 'Api', {
      body: renderHttpDefinition(table, { title: 'Shop', partition: stack.partition, region: stack.region }),
    });
    new apigwv2.CfnStage(stack, 'Stage', {
      apiId: api.ref,
      stageName: '$default',
      routeSettings: { 'GET /items/{id}': { ThrottlingBurstLimit: 3 } },
    });
    const model = load(stack);
    expect(model.unsupported).toEqual([]);
    const [loaded] = model.httpApis;
    expect(loaded.name).toBe('Shop');
    const canonical = `arn:aws:lambda:eu-west-1:123456789012:function:${model.functions.values().next().value?.functionName}`;
    const expected = table.routes.map((route) =>
      route.integration.kind === 'lambda'
        ? { ...route, integration: { ...route.integration, functionArn: canonical } }
        : route,
    );
    expect(new Set(loaded.table.routes.map((route) => JSON.stringify(route)))).toEqual(
      new Set(expected.map((route) => JSON.stringify(route))),
    );
    expect(loaded.table.authorizers).toEqual(
      expect.arrayContaining([table.authorizers[0], { ...table.authorizers[1], functionArn: canonical }]),
    );
    expect(loaded.table.cors).toEqual(table.cors);
    expect(loaded.stages).toEqual([
      { name: '$default', variables: {}, routeThrottles: { 'GET /items/{id}': { burstLimit: 3 } } },
    ]);
  });
});

describe('what an HTTP API loader reports instead of serving', () => {
  it('names WebSocket APIs, unknown integration types and routes without a target', () => {
    const stack = newStack();
    new apigwv2.CfnApi(stack, 'Socket', {
      name: 'socket',
      protocolType: 'WEBSOCKET',
      routeSelectionExpression: '$request.body.action',
    });
    const api = new apigwv2.CfnApi(stack, 'Api', { name: 'api', protocolType: 'HTTP' });
    const sqs = new apigwv2.CfnIntegration(stack, 'Sqs', {
      apiId: api.ref,
      integrationType: 'AWS_PROXY',
      integrationSubtype: 'SQS-SendMessage',
    });
    new apigwv2.CfnRoute(stack, 'ToSqs', {
      apiId: api.ref,
      routeKey: 'POST /queue',
      target: `integrations/${sqs.ref}`,
    });
    new apigwv2.CfnRoute(stack, 'Nowhere', { apiId: api.ref, routeKey: 'GET /nowhere' });
    const reasons = load(stack).unsupported.map((item) => item.reason);
    expect(reasons).toEqual(
      expect.arrayContaining([
        'WEBSOCKET APIs (API Gateway v2) are not served locally',
        expect.stringContaining('route "POST /queue" is not served: AWS service integrations (SQS-SendMessage)'),
        'route "GET /nowhere" is not served: it has no integration target',
      ]),
    );
  });

  it('serves a quick-create API (Target) at its $default route and stage', () => {
    const stack = newStack();
    const fn = inlineFunction(stack, 'Fn');
    new apigwv2.CfnApi(stack, 'Quick', { name: 'quick', protocolType: 'HTTP', target: fn.functionArn });
    const [api] = load(stack).httpApis;
    expect(routeKeys(api)).toEqual(['$default']);
    expect(api.table.routes[0].integration).toMatchObject({ kind: 'lambda', payloadFormatVersion: '2.0' });
    expect(api.stages.map((stage) => stage.name)).toEqual(['$default']);
  });
});
