import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App } from 'aws-cdk-lib';
import { ExampleGatewayStack } from '../../bin/example-stack';
import { openApiDocument } from '../../lib/cli/openapi';
import { validateOpenApi } from '../core/openapi/validate-openapi';

describe('portico openapi on the example app', () => {
  let assembly: string;
  const region = 'eu-west-1';

  beforeAll(() => {
    assembly = fs.mkdtempSync(path.join(os.tmpdir(), 'portico-openapi-'));
    const app = new App({ outdir: assembly, context: { 'aws:cdk:bundling-stacks': [] } });
    new ExampleGatewayStack(app, 'PorticoExample');
    app.synth();
  });
  afterAll(() => fs.rmSync(assembly, { recursive: true, force: true }));

  test('exports both versions as one valid OpenAPI 3.0 document without AWS extensions', () => {
    const document = openApiDocument({ assembly, region });
    expect(validateOpenApi(document)).toMatchObject({ valid: true, version: '3.0' });
    expect(JSON.stringify(document)).not.toMatch(/x-amazon-apigateway/);
    expect(document.info).toEqual({ title: 'portico-example', version: 'v1, v2' });
    expect(document.servers?.map((server) => server.url)).toEqual([
      'https://{restApiId}.execute-api.{region}.amazonaws.com/v1',
      'https://{restApiId}.execute-api.{region}.amazonaws.com/v2',
    ]);
    expect(document.servers?.[0].variables?.region).toEqual({ default: region });
    // Only v2 serves DELETE /orders/{id}.
    expect(document.paths['/orders/{id}'].delete).toMatchObject({
      operationId: 'deleteOrdersById',
      servers: [expect.objectContaining({ url: expect.stringMatching(/\/v2$/) })],
    });
    expect(document.paths['/users/{id}'].get).toMatchObject({
      operationId: 'getUsersById',
      security: [{ jwt: [], api_key: [] }],
    });
    expect(document.paths['/health'].get).not.toHaveProperty('security');
    expect(document.components?.securitySchemes).toEqual({
      api_key: expect.objectContaining({ type: 'apiKey', name: 'x-api-key', in: 'header' }),
      jwt: expect.objectContaining({ type: 'apiKey', name: 'Authorization', in: 'header' }),
    });
  });

  test('with --aws-extensions keeps the integrations, the authorizer and the gateway responses, and stays valid', () => {
    const document = openApiDocument({ assembly, region, awsExtensions: true });
    expect(validateOpenApi(document)).toMatchObject({ valid: true, version: '3.0' });
    const status = document.paths['/status/{proxy+}'].get;
    expect(status).toMatchObject({
      'x-amazon-apigateway-integration': {
        type: 'http_proxy',
        requestParameters: { 'integration.request.header.x-user-id': 'context.authorizer.principalId' },
      },
    });
    expect(document.components?.securitySchemes?.jwt).toHaveProperty('x-amazon-apigateway-authorizer');
    expect(
      document['x-amazon-apigateway-gateway-responses']?.DEFAULT_4XX.responseParameters?.[
        'gatewayresponse.header.Strict-Transport-Security'
      ],
    ).toBe("'max-age=31536000; includeSubDomains'");
  });

  test('--stage picks one version', () => {
    const document = openApiDocument({ assembly, region, stage: 'v1' });
    expect(document.info).toEqual({ title: 'portico-example-v1', version: 'v1' });
    expect(document.paths['/orders/{id}']).not.toHaveProperty('delete');
    expect(document.paths['/orders/{id}'].get).not.toHaveProperty('servers');
  });

  test('a stage or stack that is not there is an error that says what is', () => {
    expect(() => openApiDocument({ assembly, region, stage: 'v9' })).toThrow(
      /no REST API .* stage "v9" \(stages: v1, v2\)/i,
    );
    expect(() => openApiDocument({ assembly, region, stack: 'Nope' })).toThrow(/No REST API found in stack "Nope"/);
  });
});
