/**
 * The emulator's read-only copy of API Gateway's management API, called with the real AWS SDK clients over
 * 127.0.0.1: the JSON shapes must be the ones the SDKs deserialize.
 */
import {
  APIGatewayClient,
  GetResourcesCommand,
  GetRestApisCommand,
  GetUsagePlansCommand,
} from '@aws-sdk/client-api-gateway';
import {
  ApiGatewayV2Client,
  CreateRouteCommand,
  GetApisCommand,
  GetAuthorizersCommand,
  GetIntegrationsCommand,
  GetRoutesCommand,
  GetStageCommand,
  GetStagesCommand,
} from '@aws-sdk/client-apigatewayv2';
import { LocalGateway } from '../../lib/emulator/local-gateway';
import { type RunningServer, serveGateway } from '../../lib/emulator/server';
import { synthHttpGateway, synthRestApi } from './verify-stacks';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const credentials = { accessKeyId: 'AKIDTEST', secretAccessKey: 'test' };

describe('management API of an HTTP API (API Gateway v2 paths)', () => {
  let gw: LocalGateway;
  let server: RunningServer;
  let client: ApiGatewayV2Client;
  let apiId: string;

  beforeAll(async () => {
    gw = await LocalGateway.fromAssembly(synthHttpGateway(), { loopback: false, onFunctionLog: () => {} });
    server = await serveGateway(gw, { port: 0 });
    client = new ApiGatewayV2Client({ region: 'us-east-1', endpoint: server.url, credentials, maxAttempts: 1 });
    apiId = gw.model.httpApis[0].apiId;
  });
  afterAll(async () => {
    client.destroy();
    await server.close();
    await gw.close();
  });

  test('GetApis lists the served HTTP API by name with its id and endpoint', async () => {
    const { Items } = await client.send(new GetApisCommand({}));
    expect(Items).toEqual([
      expect.objectContaining({
        ApiId: apiId,
        Name: 'verify-http',
        ProtocolType: 'HTTP',
        ApiEndpoint: `https://${apiId}.execute-api.us-east-1.amazonaws.com`,
      }),
    ]);
  });

  test('GetRoutes pages through NextToken, and each route targets an integration GetIntegrations returns', async () => {
    const first = await client.send(new GetRoutesCommand({ ApiId: apiId, MaxResults: '3' }));
    expect(first.Items).toHaveLength(3);
    expect(first.NextToken).toEqual(expect.any(String));
    const rest = await client.send(new GetRoutesCommand({ ApiId: apiId, MaxResults: '3', NextToken: first.NextToken }));
    expect(rest.NextToken).toBeUndefined();
    const routes = [...(first.Items ?? []), ...(rest.Items ?? [])];
    expect(routes.map((route) => route.RouteKey).sort()).toEqual([
      'GET /health',
      'GET /orders/{id}',
      'GET /users/{id}',
      'POST /orders',
    ]);
    const { Items: integrations = [] } = await client.send(new GetIntegrationsCommand({ ApiId: apiId }));
    const orders = routes.find((route) => route.RouteKey === 'POST /orders');
    const integration = integrations.find((each) => `integrations/${each.IntegrationId}` === orders?.Target);
    expect(integration).toMatchObject({ IntegrationType: 'AWS_PROXY', PayloadFormatVersion: '2.0' });
    expect(integration?.IntegrationUri).toContain(`\${stageVariables.ordersFunction}`);
  });

  test('routes name their authorizer by id, and GetAuthorizers describes JWT and Lambda authorizers', async () => {
    const { Items: routes = [] } = await client.send(new GetRoutesCommand({ ApiId: apiId }));
    const { Items: authorizers = [] } = await client.send(new GetAuthorizersCommand({ ApiId: apiId }));
    const byId = new Map(authorizers.map((each) => [each.AuthorizerId, each]));
    const health = routes.find((route) => route.RouteKey === 'GET /health');
    const users = routes.find((route) => route.RouteKey === 'GET /users/{id}');
    const orders = routes.find((route) => route.RouteKey === 'POST /orders');
    expect(health).toMatchObject({ AuthorizationType: 'NONE' });
    expect(health?.AuthorizerId).toBeUndefined();
    expect(users).toMatchObject({ AuthorizationType: 'JWT' });
    expect(byId.get(users?.AuthorizerId)).toMatchObject({
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: { Issuer: 'https://auth.example.test/', Audience: ['shop'] },
    });
    expect(orders).toMatchObject({ AuthorizationType: 'CUSTOM' });
    const lambda = byId.get(orders?.AuthorizerId);
    expect(lambda).toMatchObject({ Name: 'lambda', AuthorizerType: 'REQUEST', AuthorizerResultTtlInSeconds: 300 });
    expect(lambda?.AuthorizerUri).toMatch(
      /^arn:aws:apigateway:us-east-1:lambda:path\/2015-03-31\/functions\/arn:aws:lambda:.+:function:Authorizer[0-9A-F]{8}\/invocations$/,
    );
  });

  test('GetStages gives variables, throttles per stage and route, and access log settings', async () => {
    const { Items: stages = [] } = await client.send(new GetStagesCommand({ ApiId: apiId }));
    expect(stages.map((stage) => stage.StageName).sort()).toEqual(['$default', 'v2']);
    const v2 = await client.send(new GetStageCommand({ ApiId: apiId, StageName: 'v2' }));
    expect(v2).toMatchObject({
      StageName: 'v2',
      StageVariables: expect.objectContaining({ version: 'v2' }),
      DefaultRouteSettings: { DetailedMetricsEnabled: false, ThrottlingRateLimit: 200, ThrottlingBurstLimit: 400 },
      RouteSettings: { 'POST /orders': expect.objectContaining({ ThrottlingRateLimit: 10, ThrottlingBurstLimit: 20 }) },
      AccessLogSettings: { Format: expect.stringContaining('$context.requestId'), DestinationArn: expect.any(String) },
    });
  });

  test('an unknown API id is a NotFoundException, a write call a BadRequestException', async () => {
    await expect(client.send(new GetRoutesCommand({ ApiId: 'nope123456' }))).rejects.toMatchObject({
      name: 'NotFoundException',
      message: 'Invalid API identifier specified 123456789012:nope123456',
    });
    await expect(
      client.send(new CreateRouteCommand({ ApiId: apiId, RouteKey: 'GET /x', Target: 'integrations/x' })),
    ).rejects.toMatchObject({ name: 'BadRequestException', $metadata: { httpStatusCode: 405 } });
  });

  test('only requests signed for the service apigateway are management calls, through either door', async () => {
    const signedFor = (service: string) => ({
      authorization: `AWS4-HMAC-SHA256 Credential=AKIDTEST/20260105/us-east-1/${service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=00`,
    });
    // A caller of an IAM route signs for execute-api: that is gateway traffic.
    const gateway = await gw.fetch('/health', { headers: signedFor('execute-api') });
    expect(gateway.status).toBe(200);
    expect(await gateway.text()).toBe('ok');
    const managed = await gw.fetch('/v2/apis', { headers: signedFor('apigateway') });
    expect(managed.status).toBe(200);
    expect(await managed.json()).toEqual({ items: [expect.objectContaining({ apiId, name: 'verify-http' })] });
  });

  test('management calls are not access-logged, and unsigned requests on the same paths are gateway traffic', async () => {
    const logged = gw.accessLog.length;
    await client.send(new GetApisCommand({}));
    expect(gw.accessLog).toHaveLength(logged);
    // Without an `apigateway` signature, /v2/apis is an ordinary path of the gateway (here: no route, 404).
    const unsigned = await fetch(`${server.url}/v2/apis`);
    expect(unsigned.status).toBe(404);
    expect(await unsigned.json()).toEqual({ message: 'Not Found' });
    expect(gw.accessLog).toHaveLength(logged + 1);
  });
});

describe('management API of a REST API (API Gateway v1 paths)', () => {
  let gw: LocalGateway;
  let server: RunningServer;
  let client: APIGatewayClient;

  beforeAll(async () => {
    gw = await LocalGateway.fromAssembly(synthRestApi(), { loopback: false, onFunctionLog: () => {} });
    server = await serveGateway(gw, { port: 0 });
    client = new APIGatewayClient({ region: 'us-east-1', endpoint: server.url, credentials, maxAttempts: 1 });
  });
  afterAll(async () => {
    client.destroy();
    await server.close();
    await gw.close();
  });

  test('GetResources embeds each method with its authorization and integration', async () => {
    const { items: apis = [] } = await client.send(new GetRestApisCommand({}));
    expect(apis.map((api) => api.name)).toEqual(['verify-rest']);
    const restApiId = apis[0].id;
    const { items: resources = [] } = await client.send(
      new GetResourcesCommand({ restApiId, embed: ['methods'], limit: 2 }),
    );
    // `limit` pages the list; the first page holds the root and /items.
    expect(resources.map((resource) => resource.path)).toEqual(['/', '/items']);
    const items = resources[1];
    expect(items.resourceMethods?.POST).toMatchObject({
      httpMethod: 'POST',
      authorizationType: 'NONE',
      apiKeyRequired: true,
      methodIntegration: {
        type: 'AWS_PROXY',
        httpMethod: 'POST',
        uri: expect.stringMatching(/:function:Ok[0-9A-F]{8}\/invocations$/),
      },
    });
  });

  test('GetUsagePlans gives the plan with its throttle, quota and the API stage it covers', async () => {
    const { items: plans = [] } = await client.send(new GetUsagePlansCommand({}));
    expect(plans).toEqual([
      expect.objectContaining({
        name: 'basic',
        throttle: { rateLimit: 10, burstLimit: 20 },
        quota: { limit: 1000, offset: 0, period: 'DAY' },
        apiStages: [{ apiId: gw.model.apis[0].apiId, stage: 'live' }],
      }),
    ]);
  });
});
