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

  test('more than 300 paths draws the resource quota warning', () => {
    const { stack } = gatewayWithRoutes(900);
    expect(warningsOf(stack).join('\n')).toMatch(/The API has 1800 REST resources/);
  });

  // Definitions that leave the template, and the processed-template limit: test/constructs/large-gateway.test.ts.
  test('definitions that together exceed the 1 MB processed template fail the synth', () => {
    const { stack } = gatewayWithRoutes(1300, ['v1', 'v2']);
    expect(synthError(stack)).toMatch(
      /The processed template of stack "TestStack" would be about [\d,]+ bytes, above CloudFormation's 1 MB limit; the API definitions take v1 [\d,]+ bytes via AWS::Include, v2/,
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
