import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ExampleHttpGatewayStack } from '../../../bin/example-http-stack';
import { resourcesOfType } from '../helpers';
import { httpDefinitionOf } from './http-helpers';

function exampleStack(app = new App({ context: { 'aws:cdk:bundling-stacks': [] } })) {
  return new ExampleHttpGatewayStack(app, 'PorticoExampleHttp');
}

describe('the example HTTP gateway stack', () => {
  const template = Template.fromStack(exampleStack());
  const definition = httpDefinitionOf(template);

  test('serves the seed routes with payload 1.0 Lambda integrations through the service stage variables', () => {
    const routes = Object.entries(definition.paths).flatMap(([p, item]) =>
      Object.keys(item as object)
        .filter((key) => key !== 'parameters')
        .map((method) => `${method === 'x-amazon-apigateway-any-method' ? 'ANY' : method.toUpperCase()} ${p}`),
    );
    expect(routes.sort()).toEqual(
      [
        'GET /health',
        'GET /orders',
        'POST /orders',
        'GET /orders/{id}',
        'DELETE /orders/{id}',
        'GET /search',
        'ANY /search/{proxy+}',
        'GET /status/{proxy+}',
        'GET /users',
        'POST /users',
        'GET /users/{id}',
      ].sort(),
    );
    const users = definition.paths['/users'].get['x-amazon-apigateway-integration'];
    expect(users).toMatchObject({ type: 'aws_proxy', payloadFormatVersion: '1.0' });
    expect(JSON.stringify(users.uri)).toContain(`\${stageVariables.usersFunction}`);
  });

  test('authorizes with the JWT authorizer by default and the Lambda authorizer (payload 1.0, IAM policy) on POST /orders', () => {
    const schemes = definition.components.securitySchemes;
    expect(schemes.jwt['x-amazon-apigateway-authorizer']).toEqual({
      type: 'jwt',
      identitySource: '$request.header.Authorization',
      jwtConfiguration: { issuer: 'https://portico.local', audience: ['portico-example'] },
    });
    expect(schemes.lambda['x-amazon-apigateway-authorizer']).toMatchObject({
      type: 'request',
      authorizerPayloadFormatVersion: '1.0',
      authorizerResultTtlInSeconds: 300,
    });
    expect(schemes.lambda['x-amazon-apigateway-authorizer']).not.toHaveProperty('enableSimpleResponses');
    expect(definition.paths['/orders'].post.security).toEqual([{ lambda: [] }]);
    expect(definition.paths['/orders'].get.security).toEqual([{ jwt: [] }]);
    expect(definition.paths['/health'].get.security).toBeUndefined();
  });

  test('has stages $default and v2 with throttles, access logs, and v2 running the newer orders function', () => {
    const stages = Object.values(resourcesOfType(template, 'AWS::ApiGatewayV2::Stage')).map((s) => s.Properties);
    expect(stages.map((s) => s.StageName)).toEqual(['$default', 'v2']);
    const [root, v2] = stages;
    expect(root.DefaultRouteSettings).toEqual({ ThrottlingBurstLimit: 200, ThrottlingRateLimit: 100 });
    expect(v2.DefaultRouteSettings).toEqual({ ThrottlingBurstLimit: 400, ThrottlingRateLimit: 200 });
    for (const stage of stages) {
      expect(stage.AutoDeploy).toBe(true);
      expect(stage.RouteSettings).toEqual({ 'POST /orders': { ThrottlingRateLimit: 10, ThrottlingBurstLimit: 20 } });
      expect(stage.AccessLogSettings).toMatchObject({ Format: expect.stringContaining('$context.routeKey') });
    }
    const ordersFunction = (stage: Record<string, unknown>) =>
      JSON.stringify((stage.StageVariables as Record<string, unknown>).ordersFunction);
    expect(ordersFunction(root)).toContain('OrdersV1');
    expect(ordersFunction(v2)).toContain('OrdersV2');
  });

  test('maps the token subject into a header for the HTTP backend', () => {
    expect(definition.paths['/status/{proxy+}'].get['x-amazon-apigateway-integration']).toMatchObject({
      type: 'http_proxy',
      uri: 'https://status.example.com/{proxy}',
      requestParameters: { 'overwrite:header.x-user-id': '$context.authorizer.claims.sub' },
    });
  });
});

describe('the example HTTP stack under cdk-nag (AwsSolutions)', () => {
  test('has no unacknowledged findings, and every acknowledgement gives a reason', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'portico-nag-http-'));
    try {
      const app = new App({ outdir, context: { 'aws:cdk:bundling-stacks': [] } });
      exampleStack(app);
      Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
      app.synth();
      const report = JSON.parse(fs.readFileSync(path.join(outdir, 'validation-report.json'), 'utf8')) as {
        pluginReports: { pluginName: string; violations: unknown[]; suppressedViolations?: { reason?: string }[] }[];
      };
      const nag = report.pluginReports.find((plugin) => plugin.pluginName === 'AwsSolutions')!;
      expect(nag.violations).toEqual([]);
      for (const violation of nag.suppressedViolations ?? []) expect(violation.reason?.length ?? 0).toBeGreaterThan(20);
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });
});
