import type { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Gateway, RouteAuthorization, RouteIntegration } from '../../../lib/constructs';
import { inlineFunction, newStack, warningsOf } from '../helpers';

/** An HTTP gateway with `count` routes over two services and a Lambda authorizer, in two stages. */
function httpGatewayWithRoutes(count: number) {
  const stack = newStack();
  const users = inlineFunction(stack, 'Users');
  const orders = inlineFunction(stack, 'Orders');
  const gateway = new Gateway(stack, 'Gateway', {
    flavor: 'http',
    defaultAuthorization: RouteAuthorization.lambda(inlineFunction(stack, 'Authorizer')),
    versions: { $default: {}, v2: {} },
  });
  for (let i = 0; i < count; i++) {
    gateway.addRoute(`GET /resource${i}/{id}`, { integration: RouteIntegration.lambda(i % 2 === 0 ? users : orders) });
  }
  return stack;
}

function resourceCount(stack: Stack): number {
  return Object.keys(Template.fromStack(stack).toJSON().Resources).length;
}

describe('HTTP gateway resource budget', () => {
  test('the CloudFormation resource count is the same for 10 and 100 routes', () => {
    const ten = resourceCount(httpGatewayWithRoutes(10));
    expect(resourceCount(httpGatewayWithRoutes(100))).toBe(ten);
    // 3 functions and roles, the Api, 2 stages with a log group each, 3 permissions.
    expect(ten).toBe(14);
  });

  test('more than 300 routes draws the route quota warning, not an error', () => {
    const stack = httpGatewayWithRoutes(301);
    expect(warningsOf(stack).join('\n')).toMatch(
      /The HTTP API has 301 routes, above API Gateway's default quota of 300/,
    );
  });
});
