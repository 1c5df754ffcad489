import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App } from 'aws-cdk-lib';
import { ExampleHttpGatewayStack } from '../../bin/example-http-stack';
import { httpOpenApiDocument } from '../../lib/cli/openapi';
import { validateOpenApi } from '../core/openapi/validate-openapi';

describe('portico openapi --http on the example HTTP app', () => {
  let assembly: string;
  const region = 'eu-west-1';

  beforeAll(() => {
    assembly = fs.mkdtempSync(path.join(os.tmpdir(), 'portico-openapi-http-'));
    const app = new App({ outdir: assembly, context: { 'aws:cdk:bundling-stacks': [] } });
    new ExampleHttpGatewayStack(app, 'PorticoHttpExample');
    app.synth();
  });
  afterAll(() => fs.rmSync(assembly, { recursive: true, force: true }));

  test('exports the routes as a valid OpenAPI 3.0 document without AWS extensions', () => {
    const document = httpOpenApiDocument({ assembly, region, http: true });
    expect(validateOpenApi(document)).toMatchObject({ valid: true, version: '3.0' });
    expect(JSON.stringify(document)).not.toMatch(/x-amazon-apigateway/);
    expect(document.servers?.map((server) => server.url)).toEqual([
      'https://{apiId}.execute-api.{region}.amazonaws.com',
      'https://{apiId}.execute-api.{region}.amazonaws.com/v2',
    ]);
    const paths = document.paths as Record<string, Record<string, { operationId: string; security?: unknown }>>;
    expect(paths['/users/{id}'].get.operationId).toBe('getUsersById');
    const schemes = document.components?.securitySchemes as Record<string, { type: string; openIdConnectUrl?: string }>;
    // POST /orders is behind the Lambda authorizer (its identity header), the rest behind the JWT issuer.
    const [postScheme] = Object.keys((paths['/orders'].post.security as Record<string, string[]>[])[0]);
    const [getScheme] = Object.keys((paths['/orders'].get.security as Record<string, string[]>[])[0]);
    expect(schemes[postScheme].type).toBe('apiKey');
    expect(schemes[getScheme].type).toBe('openIdConnect');
    // ANY becomes the seven methods; the explicit GET on /search stays its own operation.
    expect(
      Object.keys(paths['/search/{proxy+}'])
        .filter((key) => key !== 'parameters')
        .sort(),
    ).toEqual(['delete', 'get', 'head', 'options', 'patch', 'post', 'put']);
    expect(
      Object.values(schemes)
        .map((scheme) => scheme.type)
        .sort(),
    ).toEqual(['apiKey', 'openIdConnect']);
    expect(Object.values(schemes).find((s) => s.type === 'openIdConnect')?.openIdConnectUrl).toMatch(
      /\/\.well-known\/openid-configuration$/,
    );
  });

  test('with --aws-extensions it is the importable definition, with servers, and stays valid', () => {
    const document = httpOpenApiDocument({ assembly, region, http: true, awsExtensions: true });
    expect(validateOpenApi(document)).toMatchObject({ valid: true });
    expect(document['x-amazon-apigateway-importexport-version']).toBe('1.0');
    expect(JSON.stringify(document.paths)).toMatch(/x-amazon-apigateway-integration/);
    expect(document.servers).toHaveLength(2);
  });

  test('a stage that is not there is an error that names it', () => {
    expect(() => httpOpenApiDocument({ assembly, region, http: true, stage: 'v9' })).toThrow(/stage "v9"/);
  });
});
