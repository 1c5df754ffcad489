import { CfnResource, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Gateway, RouteAuthorization, RouteIntegration } from '../../lib/constructs';
import { definitionBytes } from '../../lib/constructs/definition-size';
import { inlineFunction, newStack, simpleGateway, synthError, warningsOf } from './helpers';

/** A gateway with `count` routes over two services, an authorizer and API keys, in `versions` versions. */
function gatewayWithRoutes(count: number, versions = ['v1']) {
  const stack = newStack();
  const users = inlineFunction(stack, 'Users');
  const orders = inlineFunction(stack, 'Orders');
  const gateway = new Gateway(stack, 'Gateway', {
    defaultAuthorization: RouteAuthorization.request(inlineFunction(stack, 'Authorizer')),
    apiKeyRequired: true,
    versions: Object.fromEntries(versions.map((name) => [name, {}])),
    usagePlans: { free: {} },
    consumers: { hobbyist: { plan: 'free' } },
  });
  for (let i = 0; i < count; i++) {
    gateway.addRoute(`GET /resource${i}/{id}`, { integration: RouteIntegration.lambda(i % 2 === 0 ? users : orders) });
  }
  return { stack, gateway };
}

function resourceCount(stack: Stack): number {
  return Object.keys(Template.fromStack(stack).toJSON().Resources).length;
}

describe('Gateway resource and size budget', () => {
  test('the CloudFormation resource count is the same for 10 and 100 routes', () => {
    const ten = resourceCount(gatewayWithRoutes(10).stack);
    const hundred = resourceCount(gatewayWithRoutes(100).stack);
    expect(hundred).toBe(ten);
    // 3 functions and roles, RestApi, Deployment, Stage, log group, 3 permissions, plan, key, plan key.
    expect(ten).toBe(16);
  });

  test('the definition costs under 1 KB per route as written into the template', () => {
    const small = gatewayWithRoutes(10).gateway.version('v1');
    const large = gatewayWithRoutes(110).gateway.version('v1');
    const perRoute = (definitionBytes(large) - definitionBytes(small)) / 100;
    expect(perRoute).toBeGreaterThan(500);
    expect(perRoute).toBeLessThan(1024);
  });

  test('a definition above 700 KB draws a warning, and more than 300 paths draws the resource quota warning', () => {
    const { stack } = gatewayWithRoutes(900);
    const warnings = warningsOf(stack).join('\n');
    expect(warnings).toMatch(
      /Version "v1": the API definition \(RestApi Body\) is \d+ KB, approaching CloudFormation's 1 MB/,
    );
    expect(warnings).toMatch(/The API has 1800 REST resources/);
  });

  test('definitions that together exceed 1 MB fail the synth', () => {
    const { stack } = gatewayWithRoutes(600, ['v1', 'v2']);
    expect(synthError(stack)).toMatch(
      /The API definitions \(RestApi Body: v1 \d+ KB, v2 \d+ KB\) add up to \d+ KB, above/,
    );
  });

  test('a stack above 450 resources draws a warning', () => {
    const stack = newStack();
    simpleGateway(stack);
    for (let i = 0; i < 450; i++)
      new CfnResource(stack, `Handle${i}`, { type: 'AWS::CloudFormation::WaitConditionHandle' });
    expect(warningsOf(stack).join('\n')).toMatch(
      /Stack "TestStack" has \d+ CloudFormation resources, close to CloudFormation's limit of 500/,
    );
  });

  test('a stack above 500 resources fails the synth with the CloudFormation error', () => {
    const stack = newStack();
    simpleGateway(stack);
    for (let i = 0; i < 500; i++)
      new CfnResource(stack, `Handle${i}`, { type: 'AWS::CloudFormation::WaitConditionHandle' });
    expect(synthError(stack)).toMatch(
      /Stack "TestStack" has 50\d CloudFormation resources: Template format error: Number of resources, 50\d, is greater than maximum allowed, 500/,
    );
  });
});
