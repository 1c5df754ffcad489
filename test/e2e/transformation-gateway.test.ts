/**
 * Portico's Gateway declares the same transformation (MOCK with templates, non-proxy Lambda with integration
 * responses, request validation, an AWS service integration): rendered into the definition, served by the emulator.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Gateway, RouteAuthorization, RouteIntegration } from '../../lib/constructs';
import { LocalGateway } from '../../lib/emulator/local-gateway';
import { definitionOf, newStack } from '../constructs/helpers';

const LEGACY = `
exports.handler = async (event) => {
  if (event.id === 'gone') throw new Error('[NotFound] ' + event.id);
  return { ORDER_ID: event.id, STATUS_CODE: 'OPEN' };
};
`;

function buildStack(backend: string) {
  const stack = newStack('PorticoTransformation');
  const legacy = new lambda.Function(stack, 'LegacyOrdersFunction', {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline(LEGACY),
  });
  const role = new iam.Role(stack, 'QueueRole', { assumedBy: new iam.ServicePrincipal('apigateway.amazonaws.com') });
  const gateway = new Gateway(stack, 'Gateway', {
    defaultAuthorization: RouteAuthorization.none(),
    versions: { v1: {} },
    routes: {
      'GET /status': {
        integration: RouteIntegration.mock({
          requestTemplates: { 'application/json': '{"statusCode": 200}' },
          integrationResponses: [
            {
              statusCode: '200',
              responseTemplates: { 'application/json': '{"status": "ok", "stage": "$context.stage"}' },
            },
          ],
        }),
      },
      'GET /orders/{id}': {
        integration: RouteIntegration.lambda(legacy, {
          requestTemplates: { 'application/json': `{"id": "$input.params('id')"}` },
          integrationResponses: [
            {
              statusCode: '200',
              responseTemplates: {
                'application/json': `{"orderId": "$input.path('$.ORDER_ID')", "status": "$input.path('$.STATUS_CODE').toLowerCase()"}`,
              },
            },
            {
              selectionPattern: '.*\\[NotFound\\].*',
              statusCode: '404',
              responseParameters: { 'method.response.header.X-Error': "'not-found'" },
              responseTemplates: { 'application/json': '{"message": "no such order"}' },
            },
          ],
        }),
      },
      'POST /orders': {
        integration: RouteIntegration.mock({
          requestTemplates: { 'application/json': '{"statusCode": 201}' },
          integrationResponses: [{ statusCode: '201', responseTemplates: { 'application/json': '{"created": true}' } }],
        }),
        requestValidation: {
          requiredHeaders: ['x-client'],
          bodySchema: {
            type: 'object',
            required: ['items'],
            properties: { items: { type: 'array', minItems: 1, items: { $ref: '#/components/schemas/OrderLine' } } },
          },
          models: { OrderLine: { type: 'object', required: ['sku'], properties: { sku: { type: 'string' } } } },
        },
      },
      // Non-proxy HTTP: only mapped parameters reach the backend; its status selects the integration response.
      'GET /items/{id}': {
        integration: RouteIntegration.http(`${backend}/items/{id}`, {
          requestParameters: {
            'integration.request.querystring.q': "'fixed'",
            'integration.request.header.x-mapped': 'method.request.header.x-client',
          },
          integrationResponses: [
            {
              statusCode: '200',
              responseTemplates: {
                'application/json': `{"item": "$input.path('$.ITEM')", "q": "$input.path('$.q')", "h": "$input.path('$.h')"}`,
              },
            },
            {
              selectionPattern: '4\\d{2}',
              statusCode: '400',
              responseParameters: { 'method.response.header.X-Backend-Status': 'integration.response.header.x-status' },
              responseTemplates: { 'application/json': '{"message": "bad item"}' },
            },
          ],
        }),
      },
      'POST /events': {
        integration: RouteIntegration.awsService({
          service: 'sqs',
          path: '123456789012/events',
          credentialsRole: role,
          requestTemplates: { 'application/json': 'Action=SendMessage&MessageBody=$util.urlEncode($input.body)' },
        }),
      },
    },
  });
  return { stack, gateway };
}

describe("Portico's Gateway declares request/response transformation", () => {
  const backend = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://backend');
    const id = url.pathname.split('/').pop();
    const status = id === 'missing' ? 404 : 200;
    response.writeHead(status, { 'content-type': 'application/json', 'x-status': String(status) });
    response.end(JSON.stringify({ ITEM: id, q: url.search, h: request.headers['x-mapped'] ?? null }));
  });
  let definition: {
    paths: Record<string, Record<string, Record<string, unknown>>>;
    components: { schemas: Record<string, unknown> };
    'x-amazon-apigateway-request-validators': unknown;
  };
  let stack: ReturnType<typeof buildStack>['stack'];
  let gw: LocalGateway;
  const traces: string[] = [];

  beforeAll(async () => {
    await new Promise<void>((resolve) => backend.listen(0, '127.0.0.1', resolve));
    stack = buildStack(`http://127.0.0.1:${(backend.address() as AddressInfo).port}`).stack;
    definition = definitionOf(Template.fromStack(stack)) as unknown as typeof definition;
    gw = await LocalGateway.fromStack(stack, { onFunctionLog: () => {}, onTrace: (line) => traces.push(line) });
  });
  afterAll(async () => {
    await gw.close();
    backend.close();
  });

  it('renders templates, integration responses, validators and models into the definition', () => {
    expect(definition.paths['/orders/{id}'].get['x-amazon-apigateway-integration']).toMatchObject({
      type: 'aws',
      httpMethod: 'POST',
      passthroughBehavior: 'when_no_match',
      responses: { default: { statusCode: '200' }, '.*\\[NotFound\\].*': { statusCode: '404' } },
    });
    expect(definition.paths['/orders/{id}'].get.responses).toMatchObject({
      '404': { headers: { 'X-Error': { schema: { type: 'string' } } } },
    });
    expect(definition['x-amazon-apigateway-request-validators']).toEqual({
      'body-and-params': { validateRequestBody: true, validateRequestParameters: true },
    });
    expect(definition.paths['/orders'].post).toMatchObject({
      'x-amazon-apigateway-request-validator': 'body-and-params',
      parameters: [{ name: 'x-client', in: 'header', required: true }],
      requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/PostOrdersBody' } } } },
    });
    expect(Object.keys(definition.components.schemas).sort()).toEqual(['OrderLine', 'PostOrdersBody']);
  });

  it('serves them: mock template, reshaped Lambda answer, selected error response', async () => {
    expect(await (await gw.fetch('/v1/status')).json()).toEqual({ status: 'ok', stage: 'v1' });
    expect(await (await gw.fetch('/v1/orders/o-7')).json()).toEqual({ orderId: 'o-7', status: 'open' });
    const gone = await gw.fetch('/v1/orders/gone');
    expect(gone.status).toBe(404);
    expect(gone.headers.get('x-error')).toBe('not-found');
    // --trace: the mapped integration request and the method response, per hop.
    expect(
      traces.some(
        (line) => line.includes('GET /orders/{id} integration request lambda') && line.endsWith('body {"id": "o-7"}'),
      ),
    ).toBe(true);
    expect(traces.some((line) => line.includes('GET /orders/{id} method response 404'))).toBe(true);
  });

  it('a non-proxy HTTP integration gets only mapped parameters and its status selects the response', async () => {
    const ok = await gw.fetch('/v1/items/i-1?q=client', { headers: { 'x-client': 'c-9', 'x-other': 'dropped' } });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ item: 'i-1', q: '?q=fixed', h: 'c-9' });
    const missing = await gw.fetch('/v1/items/missing');
    expect(missing.status).toBe(400);
    expect(missing.headers.get('x-backend-status')).toBe('404');
    expect(await missing.json()).toEqual({ message: 'bad item' });
  });

  it('validates parameters then the body against the model and its $ref', async () => {
    const post = (body: string, headers: Record<string, string> = { 'x-client': 'c' }) =>
      gw.fetch('/v1/orders', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    const missing = await post('{}', {});
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({ message: 'Missing required request parameters: [x-client]' });
    expect(await (await post('{"items": [{}]}')).json()).toEqual({ message: 'Invalid request body' });
    const created = await post('{"items": [{"sku": "a"}]}');
    expect(created.status).toBe(201);
  });

  it('an AWS service integration without --aws-endpoint answers 500 and says why in a warning', async () => {
    const emitWarning = jest.spyOn(process, 'emitWarning').mockImplementation(() => {});
    let warnings: string[] = [];
    try {
      const response = await gw.fetch('/v1/events', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"a": 1}',
      });
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({ message: 'Internal server error' });
      warnings = emitWarning.mock.calls.map(([message]) => String(message));
    } finally {
      emitWarning.mockRestore();
    }
    expect(warnings.join('\n')).toContain(
      'POST /events → AWS sqs path /123456789012/events: no --aws-endpoint was given, so it was not sent. Rendered request body: Action=SendMessage&MessageBody=%7B%22a%22%3A+1%7D',
    );
  });

  it('with awsEndpoint, sends the rendered request there, SigV4-signed for the service', async () => {
    let received: { url?: string; authorization?: string; contentType?: string; body: string } | undefined;
    const sqs = createServer((request: IncomingMessage, response) => {
      let body = '';
      request.on('data', (chunk) => {
        body += chunk;
      });
      request.on('end', () => {
        received = {
          url: request.url,
          authorization: request.headers.authorization,
          contentType: request.headers['content-type'],
          body,
        };
        response.writeHead(200, { 'content-type': 'text/xml' }).end('<SendMessageResponse/>');
      });
    });
    await new Promise<void>((resolve) => sqs.listen(0, '127.0.0.1', resolve));
    const endpoint = `http://127.0.0.1:${(sqs.address() as AddressInfo).port}`;
    const forwarding = await LocalGateway.fromStack(stack, { onFunctionLog: () => {}, awsEndpoint: endpoint });
    // Credentials from the environment come first in the chain: nothing else (files, instance metadata) is read.
    const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };
    process.env.AWS_ACCESS_KEY_ID = 'AKIALOCALTEST';
    process.env.AWS_SECRET_ACCESS_KEY = 'local-secret';
    try {
      const response = await forwarding.fetch('/v1/events', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"a": 1}',
      });
      expect(response.status).toBe(200);
      expect(await response.text()).toBe('<SendMessageResponse/>');
    } finally {
      await forwarding.close();
      sqs.close();
      restoreEnv('AWS_ACCESS_KEY_ID', saved.id);
      restoreEnv('AWS_SECRET_ACCESS_KEY', saved.secret);
    }
    expect(received).toMatchObject({
      url: '/123456789012/events',
      body: 'Action=SendMessage&MessageBody=%7B%22a%22%3A+1%7D',
    });
    expect(received?.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIALOCALTEST\/\d{8}\/eu-west-1\/sqs\/aws4_request/,
    );
  });
});

function restoreEnv(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
