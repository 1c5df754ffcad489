/** Construct-level rules not covered next to their feature, each with its message. */
import { Gateway, RouteAuthorization, RouteIntegration } from '../../lib/constructs';
import { inlineFunction, newStack, simpleGateway, warningsOf } from './helpers';

const CERTIFICATE = 'arn:aws:acm:eu-west-1:123456789012:certificate/abc';

describe('Gateway validation', () => {
  test('an empty versions map throws', () => {
    const stack = newStack();
    expect(() => simpleGateway(stack, { versions: {} })).toThrow(/versions is empty; declare at least one/);
  });

  test('a route with an empty versions list throws naming the route', () => {
    const stack = newStack();
    const gateway = simpleGateway(stack);
    expect(() => gateway.addRoute('GET /x', { integration: RouteIntegration.mock(), versions: [] })).toThrow(
      'Route "GET /x": versions is empty; leave it out to serve every version.',
    );
  });

  test('a consumer declared twice throws', () => {
    const stack = newStack();
    const gateway = simpleGateway(stack, { usagePlans: { free: {} }, consumers: { acme: { plan: 'free' } } });
    expect(() => gateway.addConsumer('acme', { plan: 'free' })).toThrow(
      'Consumer "acme" is declared twice; consumer names must be unique.',
    );
  });

  test('asking for an undeclared version throws listing the declared ones', () => {
    const stack = newStack();
    expect(() => simpleGateway(stack).version('v9')).toThrow(/has no version "v9" \(declared: "v1"\)/);
  });

  test('a custom domain base path for an undeclared version throws', () => {
    const stack = newStack();
    expect(() =>
      simpleGateway(stack, {
        domain: { domainName: 'api.example.com', certificateArn: CERTIFICATE, basePaths: { v3: 'three' } },
      }),
    ).toThrow(/Custom domain "api.example.com": basePaths names version "v3", which is not declared/);
  });

  test('a custom domain base path with characters API Gateway rejects throws', () => {
    const stack = newStack();
    expect(() =>
      simpleGateway(stack, {
        domain: { domainName: 'api.example.com', certificateArn: CERTIFICATE, basePaths: { v1: 'v 1' } },
      }),
    ).toThrow(/base path "v 1" of version "v1" may use only/);
  });

  test('API keys read from the authorizer on a route without a Lambda authorizer draw a warning', () => {
    const stack = newStack();
    const fn = inlineFunction(stack, 'Users');
    new Gateway(stack, 'Gateway', {
      apiKeySource: 'AUTHORIZER',
      apiKeyRequired: true,
      defaultAuthorization: RouteAuthorization.iam(),
      routes: { 'GET /users': { integration: RouteIntegration.lambda(fn) } },
      usagePlans: { free: {} },
      consumers: { acme: { plan: 'free' } },
    });
    expect(warningsOf(stack).join('\n')).toMatch(
      /Route "GET \/users" requires an API key read from the authorizer \(apiKeySource AUTHORIZER\) but has no Lambda authorizer/,
    );
  });

  test('a usage plan method throttle on a route without API keys draws a warning (core check)', () => {
    const stack = newStack();
    simpleGateway(stack, {
      usagePlans: { free: { methodThrottles: { 'GET /users': { rateLimit: 1, burstLimit: 1 } } } },
    });
    expect(warningsOf(stack).join('\n')).toMatch(
      /Usage plan "free": the method throttle for "GET \/users" never applies/,
    );
  });
});
