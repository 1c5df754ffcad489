import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { porticoLargeStack } from '../../bench/large-stacks';
import { Gateway, RouteAuthorization, RouteIntegration } from '../../lib/constructs';
import { definitionPlacement, INLINE_DEFINITIONS_BUDGET } from '../../lib/constructs/definition-asset';
import { MAX_TEMPLATE_BYTES, processedTemplateBytes } from '../../lib/constructs/definition-size';
import { LocalGateway } from '../../lib/emulator/local-gateway';
import { inlineFunction, newStack, warningsOf } from './helpers';

type Resources = Record<string, { Type: string; Properties: Record<string, unknown> }>;

function restApiOf(template: Template): Record<string, unknown> {
  const apis = Object.values(template.findResources('AWS::ApiGateway::RestApi') as Resources);
  expect(apis).toHaveLength(1);
  return apis[0].Properties;
}

function assemblyDir(stack: Stack): string {
  return (stack.node.root as unknown as { outdir: string }).outdir;
}

describe('a 2000-route gateway over 40 services', () => {
  const { stack, gateway } = porticoLargeStack(2000);
  const template = Template.fromStack(stack);
  let local: LocalGateway;

  beforeAll(async () => {
    local = await LocalGateway.fromStack(stack, { onFunctionLog: () => {} });
  });
  afterAll(async () => {
    await local.close();
  });

  test('has as many CloudFormation resources as a 100-route gateway', () => {
    const small = Template.fromStack(porticoLargeStack(100).stack).toJSON();
    expect(Object.keys(template.toJSON().Resources).length).toBe(Object.keys(small.Resources).length);
  });

  test('moves its definition to an asset that CloudFormation includes, keeping the template file small', () => {
    const body = restApiOf(template).Body as Record<string, { Name: string; Parameters: { Location: unknown } }>;
    expect(body['Fn::Transform'].Name).toBe('AWS::Include');
    expect(JSON.stringify(body['Fn::Transform'].Parameters.Location)).toMatch(/s3:\/\/cdk-[^/]+\/[0-9a-f]{64}\.json/);
    expect(JSON.stringify(template.toJSON()).length).toBeLessThan(INLINE_DEFINITIONS_BUDGET);
  });

  test('fits the processed template under 1 MB, with a warning that little room is left', () => {
    expect(processedTemplateBytes(stack)).toBeLessThan(MAX_TEMPLATE_BYTES);
    expect(warningsOf(stack).join('\n')).toMatch(
      /approaching CloudFormation's 1 MB limit; the API definitions take v1 [\d,]+ bytes via AWS::Include\. They are included rather than imported from S3 because they hold deploy-time values \(Fn::GetAtt internalAuthorizer\w+\.Arn/,
    );
  });

  test('keeps the function ARNs CloudFormation must resolve, as Fn::Sub, in the included file', () => {
    const placement = definitionPlacement(gateway.version('v1'));
    expect(placement).toMatchObject({ kind: 'include' });
    const key = JSON.stringify(restApiOf(template).Body).match(/([0-9a-f]{64})\.json/)![1];
    const included = JSON.parse(readFileSync(path.join(assemblyDir(stack), `asset.${key}.json`), 'utf8'));
    expect(Object.keys(included.paths)).toHaveLength(new Set(Object.keys(included.paths)).size);
    expect(included.paths['/users/{usersId}'].get['x-amazon-apigateway-integration'].uri).toEqual({
      'Fn::Sub':
        // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation's Fn::Sub syntax, not JavaScript's
        'arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${!stageVariables.usersFunction}/invocations',
    });
    expect(JSON.stringify(included.components.securitySchemes.jwt)).toContain('${jwtAuthorizer');
  });

  test('is served by the emulator like a small gateway: deep routes, greedy routes, authorizers and keys', async () => {
    expect(local.model.apis[0].table.routes).toHaveLength(2000);
    const deep = await local.fetch('/v1/orders/42/items/7', { headers: { Authorization: 'Bearer x' } });
    expect(deep.status).toBe(200);
    expect(await deep.json()).toEqual({
      service: 'orders',
      resource: '/orders/{ordersId}/items/{itemsId}',
      pathParameters: { ordersId: '42', itemsId: '7' },
    });
    const greedy = await local.fetch('/v1/search/static/css/site.css', { headers: { Authorization: 'Bearer x' } });
    expect(await greedy.json()).toMatchObject({ service: 'search', resource: '/search/static/{proxy+}' });
    // "users" keeps its listing public and wants an API key elsewhere; "payments" wants the internal token.
    expect((await local.fetch('/v1/users')).status).toBe(200);
    expect((await local.fetch('/v1/payments/1', { headers: { Authorization: 'Bearer x' } })).status).toBe(401);
    expect((await local.fetch('/v1/users/1', { headers: { Authorization: 'Bearer x' } })).status).toBe(403);
    const keyed = await local.fetch('/v1/users/1', {
      headers: { Authorization: 'Bearer x', 'x-api-key': local.apiKey('bench') },
    });
    expect(keyed.status).toBe(200);
    expect((await local.fetch('/v1/no-such-service')).status).toBe(403);
  });
});

describe('where a definition goes', () => {
  /** Public and API-key routes only (no Lambda authorizer): nothing in the definition is decided at deploy time. */
  function keyOnlyGateway(count: number) {
    const stack = newStack();
    const fn = inlineFunction(stack, 'Items');
    const gateway = new Gateway(stack, 'Gateway', {
      defaultAuthorization: RouteAuthorization.none(),
      apiKeyRequired: true,
      usagePlans: { basic: {} },
      consumers: { client: { plan: 'basic', value: 'client-api-key-0123456789' } },
    });
    const integration = RouteIntegration.lambda(fn);
    for (let i = 0; i < count; i++) gateway.addRoute(`GET /items${i}/{id}`, { integration });
    return { stack, gateway };
  }

  test('a small definition stays inline in the template', () => {
    const { stack, gateway } = keyOnlyGateway(20);
    expect(restApiOf(Template.fromStack(stack)).Body).toMatchObject({ openapi: '3.0.1' });
    expect(definitionPlacement(gateway.version('v1'))).toEqual({ kind: 'inline' });
  });

  test('a large definition without deploy-time values is imported from S3, and the emulator reads it there', async () => {
    const { stack, gateway } = keyOnlyGateway(1200);
    const properties = restApiOf(Template.fromStack(stack));
    expect(properties.Body).toBeUndefined();
    expect(properties.BodyS3Location).toEqual({
      Bucket: 'cdk-hnb659fds-assets-123456789012-eu-west-1',
      Key: expect.stringMatching(/^[0-9a-f]{64}\.json$/),
    });
    expect(definitionPlacement(gateway.version('v1'))).toMatchObject({ kind: 's3' });
    // Imported from S3, it takes no room in the processed template.
    expect(processedTemplateBytes(stack)).toBeLessThan(50_000);
    const local = await LocalGateway.fromStack(stack, { onFunctionLog: () => {} });
    try {
      expect((await local.fetch('/v1/items1199/7')).status).toBe(403);
      const answer = await local.fetch('/v1/items1199/7', { headers: { 'x-api-key': 'client-api-key-0123456789' } });
      expect(answer.status).toBe(200);
    } finally {
      await local.close();
    }
  });

  test('the same routes give the same asset, so a second synth changes nothing', () => {
    const first = restApiOf(Template.fromStack(keyOnlyGateway(1200).stack)).BodyS3Location;
    const second = restApiOf(Template.fromStack(keyOnlyGateway(1200).stack)).BodyS3Location;
    expect(second).toEqual(first);
  });
});
