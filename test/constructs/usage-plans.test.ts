import { Template } from 'aws-cdk-lib/assertions';
import { Gateway, RouteAuthorization, RouteIntegration } from '../../lib/constructs';
import { inlineFunction, newStack, resourcesOfType, simpleGateway, synthError, warningsOf } from './helpers';

function tieredGateway(consumers: Record<string, { plan: string; value?: string }>) {
  const stack = newStack();
  const fn = inlineFunction(stack, 'Orders');
  new Gateway(stack, 'Gateway', {
    defaultAuthorization: RouteAuthorization.none(),
    apiKeyRequired: true,
    versions: { v1: {}, v2: {} },
    routes: {
      'GET /': { integration: RouteIntegration.lambda(fn) },
      'POST /orders': { integration: RouteIntegration.lambda(fn) },
      'DELETE /orders/{id}': { integration: RouteIntegration.lambda(fn), versions: ['v2'] },
    },
    usagePlans: {
      free: {
        throttle: { rateLimit: 5, burstLimit: 10 },
        quota: { limit: 1000, period: 'DAY' },
        methodThrottles: {
          'POST /orders': { rateLimit: 1, burstLimit: 2 },
          'GET /': { rateLimit: 2, burstLimit: 4 },
          'DELETE /orders/{id}': { rateLimit: 1, burstLimit: 1 },
        },
      },
      pro: { throttle: { rateLimit: 50, burstLimit: 100 }, quota: { limit: 100000, period: 'MONTH' } },
    },
    consumers,
  });
  return { stack, template: Template.fromStack(stack) };
}

describe('Gateway usage plans and API keys', () => {
  test('each plan lists every version stage, with method throttles keyed "/path/METHOD" and the root as "//GET"', () => {
    const { template } = tieredGateway({ hobbyist: { plan: 'free' }, acme: { plan: 'pro' } });
    const plans = Object.values(resourcesOfType(template, 'AWS::ApiGateway::UsagePlan'));
    const free = plans.find((plan) => plan.Properties.UsagePlanName === 'free')!;
    expect(free.Properties).toMatchObject({
      Throttle: { RateLimit: 5, BurstLimit: 10 },
      Quota: { Limit: 1000, Period: 'DAY' },
    });
    const stages = free.Properties.ApiStages as { ApiId: { Ref: string }; Stage: { Ref: string }; Throttle: object }[];
    expect(stages.map((stage) => stage.Stage.Ref)).toEqual([
      expect.stringMatching(/^Gatewayv1Stage/),
      expect.stringMatching(/^Gatewayv2Stage/),
    ]);
    expect(stages[0].Throttle).toEqual({
      '//GET': { RateLimit: 2, BurstLimit: 4 },
      '/orders/POST': { RateLimit: 1, BurstLimit: 2 },
    });
    // The DELETE route exists only in v2, so only v2's stage carries its throttle.
    expect(stages[1].Throttle).toEqual({
      '//GET': { RateLimit: 2, BurstLimit: 4 },
      '/orders/POST': { RateLimit: 1, BurstLimit: 2 },
      '/orders/{id}/DELETE': { RateLimit: 1, BurstLimit: 1 },
    });
    const pro = plans.find((plan) => plan.Properties.UsagePlanName === 'pro')!;
    expect(pro.Properties).toMatchObject({ Quota: { Limit: 100000, Period: 'MONTH' } });
  });

  test('API keys carry no value unless one is given, so API Gateway generates them', () => {
    const { template } = tieredGateway({
      hobbyist: { plan: 'free' },
      partner: { plan: 'pro', value: 'partner-key-0123456789abcdef' },
    });
    const keys = Object.values(resourcesOfType(template, 'AWS::ApiGateway::ApiKey'));
    const hobbyist = keys.find((key) => key.Properties.Name === 'hobbyist')!;
    expect(hobbyist.Properties).toEqual({ Name: 'hobbyist', Enabled: true });
    const partner = keys.find((key) => key.Properties.Name === 'partner')!;
    expect(partner.Properties.Value).toBe('partner-key-0123456789abcdef');
  });

  test('each consumer is added to its plan exactly once', () => {
    const { template } = tieredGateway({ hobbyist: { plan: 'free' }, acme: { plan: 'pro' } });
    const planKeys = Object.values(resourcesOfType(template, 'AWS::ApiGateway::UsagePlanKey'));
    expect(planKeys).toHaveLength(2);
    const pairs = planKeys.map(
      (key) => `${JSON.stringify(key.Properties.KeyId)} ${JSON.stringify(key.Properties.UsagePlanId)}`,
    );
    expect(new Set(pairs).size).toBe(2);
    expect(planKeys.every((key) => key.Properties.KeyType === 'API_KEY')).toBe(true);
  });

  test('usage plan key logical ids do not depend on the order consumers are declared in', () => {
    const ids = (template: Template) => Object.keys(resourcesOfType(template, 'AWS::ApiGateway::UsagePlanKey')).sort();
    const forward = tieredGateway({ hobbyist: { plan: 'free' }, acme: { plan: 'pro' } }).template;
    const reversed = tieredGateway({ acme: { plan: 'pro' }, hobbyist: { plan: 'free' } }).template;
    expect(ids(reversed)).toEqual(ids(forward));
    expect(ids(forward)).toEqual([
      expect.stringMatching(/^GatewayConsumeracmeUsagePlanKey/),
      expect.stringMatching(/^GatewayConsumerhobbyistUsagePlanKey/),
    ]);
  });

  test('a consumer assigned to an undeclared plan throws naming the key and the plans', () => {
    const stack = newStack();
    expect(() => simpleGateway(stack, { usagePlans: { free: {} }, consumers: { acme: { plan: 'gold' } } })).toThrow(
      'API key "acme" is assigned to usage plan "gold", which is not declared (declared: "free").',
    );
  });

  test('an API key value shorter than 20 characters throws', () => {
    const stack = newStack();
    expect(() =>
      simpleGateway(stack, { usagePlans: { free: {} }, consumers: { acme: { plan: 'free', value: 'short' } } }),
    ).toThrow(/API key "acme": its value has 5 characters: API Key value should be at least 20 characters/);
  });

  test('two consumers with the same key value fail the synth (core check)', () => {
    const stack = newStack();
    const value = 'the-same-value-0123456789';
    simpleGateway(stack, {
      usagePlans: { free: {} },
      consumers: { a: { plan: 'free', value }, b: { plan: 'free', value } },
    });
    expect(synthError(stack)).toMatch(/API key "b" has the same value as API key "a"/);
  });

  test('a method throttle for a route the gateway does not have fails the synth (core check)', () => {
    const stack = newStack();
    simpleGateway(stack, {
      usagePlans: { free: { methodThrottles: { 'GET /nope': { rateLimit: 1, burstLimit: 1 } } } },
    });
    expect(synthError(stack)).toMatch(
      /Usage plan "free": method throttle for "GET \/nope" names a route the API does not have/,
    );
  });

  test('routes that require keys while no consumer exists draw a warning', () => {
    const stack = newStack();
    simpleGateway(stack, { apiKeyRequired: true });
    expect(warningsOf(stack).join('\n')).toMatch(/Routes require an API key but no consumer/);
  });

  test('a plan declared twice through addUsagePlan throws', () => {
    const stack = newStack();
    const gateway = simpleGateway(stack, { usagePlans: { free: {} } });
    expect(() => gateway.addUsagePlan('free')).toThrow(
      'Usage plan "free" is declared twice; plan names must be unique.',
    );
  });
});
