/**
 * A plain aws-cdk-lib stack using MockIntegration, LambdaIntegration({ proxy: false }) with templates and
 * integration responses, and a RequestValidator with a Model, served by the emulator over HTTP on 127.0.0.1
 * (AWS docs: "Mapping templates for REST APIs", "Handle Lambda errors in API Gateway", "Request validation
 * for REST APIs in API Gateway", "Set up mock integrations in API Gateway").
 */
import { App, Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { LocalGateway } from '../../lib/emulator/local-gateway';
import { type RunningServer, serveGateway } from '../../lib/emulator/server';

const LEGACY = `
exports.handler = async (event) => {
  if (event.id === 'missing') throw new Error('[NotFound] order ' + event.id + ' does not exist');
  if (event.id === 'broken') throw new Error('database unreachable');
  return { ORDER_ID: event.id, STATUS_CODE: 'SHIPPED', CLIENT: event.client, LINES: [{ SKU: 'a' }, { SKU: 'b' }] };
};
`;

function buildStack(): Stack {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new Stack(app, 'PlainTransformation');
  const api = new apigateway.RestApi(stack, 'Api', { deployOptions: { stageName: 'live' } });
  const legacy = new lambda.Function(stack, 'Legacy', {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline(LEGACY),
  });

  const status = api.root.addResource('status');
  status.addMethod(
    'GET',
    new apigateway.MockIntegration({
      requestTemplates: { 'application/json': '{"statusCode": 200}' },
      integrationResponses: [
        {
          statusCode: '200',
          responseTemplates: {
            'application/json': '{"status": "ok", "stage": "$context.stage", "path": "$context.resourcePath"}',
          },
        },
      ],
    }),
    { methodResponses: [{ statusCode: '200' }] },
  );
  status.addResource('teapot').addMethod(
    'GET',
    new apigateway.MockIntegration({
      requestTemplates: {
        'application/json':
          '#set($context.responseOverride.status = 418)#set($context.responseOverride.header.foo = "bar"){"statusCode": 200}',
      },
      integrationResponses: [{ statusCode: '200' }],
    }),
    { methodResponses: [{ statusCode: '200' }] },
  );

  const orders = api.root.addResource('orders');
  orders.addResource('{id}').addMethod(
    'GET',
    new apigateway.LambdaIntegration(legacy, {
      proxy: false,
      passthroughBehavior: apigateway.PassthroughBehavior.NEVER,
      requestTemplates: {
        // AWS's documented fix for escapeJavaScript's \' (invalid JSON): replaceAll("\\'", "'").
        'application/json': `{"id": "$input.params('id')", "client": "$util.escapeJavaScript($input.params('x-client')).replaceAll("\\\\'","'")"}`,
      },
      integrationResponses: [
        {
          statusCode: '200',
          responseTemplates: {
            'application/json': [
              '#set($o = $input.path("$"))',
              '{"orderId": "$o.ORDER_ID", "status": "$o.STATUS_CODE.toLowerCase()", "client": "$o.CLIENT", "skus": [#foreach($l in $o.LINES)"$l.SKU"#if($foreach.hasNext),#end#end]}',
            ].join('\n'),
          },
        },
        {
          selectionPattern: '.*\\[NotFound\\].*',
          statusCode: '404',
          responseParameters: { 'method.response.header.X-Error': "'not-found'" },
          responseTemplates: { 'application/json': `{"message": "$input.path('$.errorMessage')"}` },
        },
      ],
    }),
    {
      methodResponses: [
        { statusCode: '200' },
        { statusCode: '404', responseParameters: { 'method.response.header.X-Error': true } },
      ],
    },
  );

  const item = api.addModel('Item', {
    contentType: 'application/json',
    modelName: 'Item',
    schema: {
      schema: apigateway.JsonSchemaVersion.DRAFT4,
      type: apigateway.JsonSchemaType.OBJECT,
      required: ['sku'],
      properties: { sku: { type: apigateway.JsonSchemaType.STRING } },
    },
  });
  const order = api.addModel('Order', {
    contentType: 'application/json',
    modelName: 'Order',
    schema: {
      schema: apigateway.JsonSchemaVersion.DRAFT4,
      type: apigateway.JsonSchemaType.OBJECT,
      required: ['name', 'quantity'],
      properties: {
        name: { type: apigateway.JsonSchemaType.STRING },
        quantity: { type: apigateway.JsonSchemaType.INTEGER, minimum: 1 },
        items: {
          type: apigateway.JsonSchemaType.ARRAY,
          items: { ref: `https://apigateway.amazonaws.com/restapis/${api.restApiId}/models/${item.modelId}` },
        },
      },
    },
  });
  const validator = api.addRequestValidator('BodyAndParams', {
    validateRequestBody: true,
    validateRequestParameters: true,
  });
  orders.addMethod(
    'POST',
    new apigateway.MockIntegration({
      requestTemplates: { 'application/json': '{"statusCode": 201}' },
      integrationResponses: [
        { statusCode: '201', selectionPattern: '201', responseTemplates: { 'application/json': '{"created": true}' } },
      ],
    }),
    {
      requestValidator: validator,
      requestModels: { 'application/json': order },
      requestParameters: { 'method.request.querystring.source': true, 'method.request.header.x-client': true },
      methodResponses: [{ statusCode: '201' }],
    },
  );
  return stack;
}

const JSON_TYPE = { 'content-type': 'application/json' };

describe('plain aws-cdk-lib transformation constructs, over HTTP', () => {
  let gw: LocalGateway;
  let server: RunningServer;
  let base: string;

  beforeAll(async () => {
    gw = await LocalGateway.fromStack(buildStack(), { onFunctionLog: () => {} });
    server = await serveGateway(gw, { port: 0 });
    base = `${server.url}/live`;
  });
  afterAll(async () => {
    await server.close();
    await gw.close();
  });

  it('MockIntegration answers the status its request template names, through its response template', async () => {
    const response = await fetch(`${base}/status`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ status: 'ok', stage: 'live', path: '/status' });
  });

  it('$context.responseOverride set in a MOCK request template sets the status and a header, body empty', async () => {
    const response = await fetch(`${base}/status/teapot`);
    expect(response.status).toBe(418);
    expect(response.headers.get('foo')).toBe('bar');
    expect(await response.text()).toBe('');
  });

  it('a non-proxy Lambda integration gets the rendered payload and its answer is reshaped', async () => {
    const response = await fetch(`${base}/orders/o-1`, { headers: { 'x-client': "it's me" } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ orderId: 'o-1', status: 'shipped', client: "it's me", skus: ['a', 'b'] });
  });

  it('a function error matching a selectionPattern picks that integration response', async () => {
    const response = await fetch(`${base}/orders/missing`);
    expect(response.status).toBe(404);
    expect(response.headers.get('x-error')).toBe('not-found');
    expect(await response.json()).toEqual({ message: '[NotFound] order missing does not exist' });
  });

  it('an error no pattern matches goes to the default response, whose template reads the error body', async () => {
    const response = await fetch(`${base}/orders/broken`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ orderId: '', status: '', client: '', skus: [] });
  });

  it('passthroughBehavior NEVER answers 415 for a Content-Type without a template', async () => {
    const response = await fetch(`${base}/orders/o-1`, { headers: { 'content-type': 'text/plain' } });
    expect(response.status).toBe(415);
    expect(await response.json()).toEqual({ message: 'Unsupported Media Type' });
  });

  it('the validator reports missing parameters first, headers before query strings, with AWS body', async () => {
    const response = await fetch(`${base}/orders`, { method: 'POST', headers: JSON_TYPE, body: '{}' });
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe('BadRequestException');
    expect(await response.json()).toEqual({ message: 'Missing required request parameters: [x-client, source]' });
    const blank = await fetch(`${base}/orders?source=`, {
      method: 'POST',
      headers: { ...JSON_TYPE, 'x-client': 'c' },
      body: '{}',
    });
    expect(await blank.json()).toEqual({ message: 'Missing required request parameters: [source]' });
  });

  it('the body is validated against the model, $ref to another model included', async () => {
    const post = (body: string) =>
      fetch(`${base}/orders?source=web`, {
        method: 'POST',
        headers: { 'x-client': 'c', 'content-type': 'application/json' },
        body,
      });
    for (const bad of [
      '{"name": "x"}',
      '{"name": "x", "quantity": 0}',
      '{"name": "x", "quantity": 1, "items": [{}]}',
      'not json',
      '',
    ]) {
      const response = await post(bad);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ message: 'Invalid request body' });
    }
    const ok = await post('{"name": "x", "quantity": 2, "items": [{"sku": "a"}]}');
    expect(ok.status).toBe(201);
    expect(await ok.json()).toEqual({ created: true });
  });
});
