import { ManualClock } from '../../../../lib/core/clock';
import { GatewayError } from '../../../../lib/core/gateway-responses';
import type { ApiKeyModel, UsagePlanModel } from '../../../../lib/emulator/model';
import type { RequestContext } from '../../../../lib/emulator/request-context';
import { createStageThrottleStep, createUsagePlanStep } from '../../../../lib/emulator/rest/usage-plans';
import { api, matchedRequest, type RequestOptions, route, stage } from '../request-fixture';

const GOLD_KEY = 'gold-key-value-0123456789';
const OTHER_KEY = 'other-key-value-0123456789';

const key = (logicalId: string, value: string, enabled = true): ApiKeyModel => ({
  logicalId,
  name: logicalId,
  value,
  generated: false,
  enabled,
});

function plan(options: Partial<UsagePlanModel> = {}): UsagePlanModel {
  return {
    logicalId: 'GoldPlan',
    name: 'gold',
    apiStages: [{ apiLogicalId: 'Api', stage: 'prod', throttle: {} }],
    apiKeyIds: ['GoldKey'],
    ...options,
  };
}

const KEYS = [key('GoldKey', GOLD_KEY), key('OtherKey', OTHER_KEY), key('OldKey', 'old-key-value-0123456789', false)];
const keyed = route('GET /users/{id}', { apiKeyRequired: true });

function withKey(value: string | undefined, options: RequestOptions = {}): RequestContext {
  return matchedRequest({ route: keyed, headers: value === undefined ? [] : [['X-API-Key', value]], ...options });
}

function outcome(step: (ctx: RequestContext) => void, ctx: RequestContext): string {
  try {
    step(ctx);
    return 'admitted';
  } catch (error) {
    if (error instanceof GatewayError) return `${error.responseType} ${error.gatewayMessage}`;
    throw error;
  }
}

describe('API keys', () => {
  const step = createUsagePlanStep({ usagePlans: [plan()], apiKeys: KEYS }, new ManualClock());

  test('a known key in a plan bound to the stage is admitted and recorded', () => {
    const ctx = withKey(GOLD_KEY);
    expect(outcome(step, ctx)).toBe('admitted');
    expect(ctx.apiKey).toEqual({ id: 'GoldKey', value: GOLD_KEY });
  });

  test('the header name is case-insensitive', () => {
    expect(outcome(step, matchedRequest({ route: keyed, headers: [['x-api-key', GOLD_KEY]] }))).toBe('admitted');
  });

  test.each([
    ['a missing key', undefined],
    ['an unknown key', 'nobody-knows-this-key-0000'],
    ['a disabled key', 'old-key-value-0123456789'],
    ['a key in no plan for this stage', OTHER_KEY],
  ])('%s is 403 Forbidden', (_label, value) => {
    expect(outcome(step, withKey(value))).toBe('INVALID_API_KEY Forbidden');
  });

  test('a key whose plan serves another stage is 403 Forbidden', () => {
    expect(outcome(step, withKey(GOLD_KEY, { stage: stage('beta') }))).toBe('INVALID_API_KEY Forbidden');
  });

  test('methods without apiKeyRequired ignore keys and plans', () => {
    const ctx = matchedRequest({ headers: [['x-api-key', 'garbage']] });
    expect(outcome(step, ctx)).toBe('admitted');
    expect(ctx.apiKey).toBeUndefined();
  });

  test('with apiKeySource AUTHORIZER the key is the authorizer usageIdentifierKey, not the header', () => {
    const authorizerApi = api({ table: { apiKeySource: 'AUTHORIZER' } });
    const ctx = withKey(OTHER_KEY, { api: authorizerApi });
    expect(outcome(step, ctx)).toBe('INVALID_API_KEY Forbidden');
    ctx.authorizer = {
      context: {},
      usageIdentifierKey: GOLD_KEY,
      integrationLatency: 0,
      latency: 0,
      status: 200,
      cached: false,
    };
    expect(outcome(step, ctx)).toBe('admitted');
  });
});

describe('usage plan throttle and quota', () => {
  test('the plan throttle is a bucket per key: burst, then rate', () => {
    const clock = new ManualClock(0);
    const step = createUsagePlanStep(
      {
        usagePlans: [plan({ apiKeyIds: ['GoldKey', 'OtherKey'], throttle: { rateLimit: 1, burstLimit: 2 } })],
        apiKeys: KEYS,
      },
      clock,
    );
    const gold = () => outcome(step, withKey(GOLD_KEY));
    expect([gold(), gold(), gold()]).toEqual(['admitted', 'admitted', 'THROTTLED Too Many Requests']);
    expect(outcome(step, withKey(OTHER_KEY))).toBe('admitted');
    clock.advance(1000);
    expect([gold(), gold()]).toEqual(['admitted', 'THROTTLED Too Many Requests']);
  });

  test('the plan bucket is shared by all stages of the plan', () => {
    const step = createUsagePlanStep(
      {
        usagePlans: [
          plan({
            throttle: { rateLimit: 0, burstLimit: 1 },
            apiStages: [
              { apiLogicalId: 'Api', stage: 'prod', throttle: {} },
              { apiLogicalId: 'Api', stage: 'beta', throttle: {} },
            ],
          }),
        ],
        apiKeys: KEYS,
      },
      new ManualClock(),
    );
    expect(outcome(step, withKey(GOLD_KEY))).toBe('admitted');
    expect(outcome(step, withKey(GOLD_KEY, { stage: stage('beta') }))).toBe('THROTTLED Too Many Requests');
  });

  test('a per-method override replaces the plan throttle for that method only; ANY routes match their own key', () => {
    const step = createUsagePlanStep(
      {
        usagePlans: [
          plan({
            throttle: { rateLimit: 0, burstLimit: 1 },
            apiStages: [
              {
                apiLogicalId: 'Api',
                stage: 'prod',
                throttle: {
                  '/users/{id}/GET': { rateLimit: 0, burstLimit: 3 },
                  '/orders/ANY': { rateLimit: 0, burstLimit: 2 },
                },
              },
            ],
          }),
        ],
        apiKeys: KEYS,
      },
      new ManualClock(),
    );
    const users = () => outcome(step, withKey(GOLD_KEY));
    expect([users(), users(), users(), users()]).toEqual([
      'admitted',
      'admitted',
      'admitted',
      'THROTTLED Too Many Requests',
    ]);
    const ordersRoute = route('ANY /orders', { apiKeyRequired: true });
    const orders = () => outcome(step, withKey(GOLD_KEY, { method: 'POST', path: '/orders', route: ordersRoute }));
    expect([orders(), orders(), orders()]).toEqual(['admitted', 'admitted', 'THROTTLED Too Many Requests']);
    const searchRoute = route('GET /search', { apiKeyRequired: true });
    const search = () => outcome(step, withKey(GOLD_KEY, { path: '/search', route: searchRoute }));
    expect([search(), search()]).toEqual(['admitted', 'THROTTLED Too Many Requests']);
  });

  test('the quota admits limit requests per key per period, then 429 Limit Exceeded until the next period', () => {
    const clock = new ManualClock(Date.UTC(2024, 5, 19, 8));
    const step = createUsagePlanStep(
      { usagePlans: [plan({ quota: { limit: 2, period: 'DAY' } })], apiKeys: KEYS },
      clock,
    );
    const gold = () => outcome(step, withKey(GOLD_KEY));
    expect([gold(), gold(), gold()]).toEqual(['admitted', 'admitted', 'QUOTA_EXCEEDED Limit Exceeded']);
    clock.set(Date.UTC(2024, 5, 20));
    expect(gold()).toBe('admitted');
  });

  test('the quota offset is taken from the first period', () => {
    const clock = new ManualClock(Date.UTC(2024, 5, 19, 8));
    const quota = { limit: 3, period: 'DAY' as const, offset: 2 };
    const step = createUsagePlanStep({ usagePlans: [plan({ quota })], apiKeys: KEYS }, clock);
    const gold = () => outcome(step, withKey(GOLD_KEY));
    expect([gold(), gold()]).toEqual(['admitted', 'QUOTA_EXCEEDED Limit Exceeded']);
  });

  test('a request throttled by the plan does not consume quota', () => {
    const clock = new ManualClock(Date.UTC(2024, 5, 19, 8));
    const step = createUsagePlanStep(
      {
        usagePlans: [plan({ throttle: { rateLimit: 1, burstLimit: 1 }, quota: { limit: 2, period: 'DAY' } })],
        apiKeys: KEYS,
      },
      clock,
    );
    const gold = () => outcome(step, withKey(GOLD_KEY));
    expect([gold(), gold(), gold()]).toEqual([
      'admitted',
      'THROTTLED Too Many Requests',
      'THROTTLED Too Many Requests',
    ]);
    clock.advance(1000);
    expect(gold()).toBe('admitted');
    clock.advance(1000);
    expect(gold()).toBe('QUOTA_EXCEEDED Limit Exceeded');
  });
});

describe('plan limits, then stage limits (AWS docs: "Usage plans and API keys for REST APIs")', () => {
  const stageWithBurst = (burstLimit: number) =>
    stage('prod', { methodSettings: [{ resourcePath: '*', httpMethod: '*', throttle: { rateLimit: 0, burstLimit } }] });

  function pipeline(usagePlan: Partial<UsagePlanModel>, clock = new ManualClock(Date.UTC(2024, 5, 19, 8))) {
    const checkUsagePlan = createUsagePlanStep({ usagePlans: [plan(usagePlan)], apiKeys: KEYS }, clock);
    const checkStageThrottle = createStageThrottleStep(clock);
    return (ctx: RequestContext) => {
      checkUsagePlan(ctx);
      checkStageThrottle(ctx);
    };
  }

  test('a request refused by the plan leaves the stage bucket to others', () => {
    const third = key('ThirdKey', 'third-key-value-0123456789');
    const checkUsagePlan = createUsagePlanStep(
      {
        usagePlans: [
          plan({ apiKeyIds: ['GoldKey', 'OtherKey', 'ThirdKey'], throttle: { rateLimit: 0, burstLimit: 1 } }),
        ],
        apiKeys: [...KEYS, third],
      },
      new ManualClock(),
    );
    const checkStageThrottle = createStageThrottleStep(new ManualClock());
    const step = (ctx: RequestContext) => {
      checkUsagePlan(ctx);
      checkStageThrottle(ctx);
    };
    const prod = stageWithBurst(2);
    expect(outcome(step, withKey(GOLD_KEY, { stage: prod }))).toBe('admitted');
    expect(outcome(step, withKey(GOLD_KEY, { stage: prod }))).toBe('THROTTLED Too Many Requests');
    // The plan refused Gold's second request before the stage bucket: one stage token is left.
    expect(outcome(step, withKey(OTHER_KEY, { stage: prod }))).toBe('admitted');
    expect(outcome(step, withKey(third.value, { stage: prod }))).toBe('THROTTLED Too Many Requests');
  });

  test('a request throttled by the stage does not consume quota', () => {
    const step = pipeline({ quota: { limit: 1, period: 'DAY' } });
    expect(outcome(step, withKey(GOLD_KEY, { stage: stageWithBurst(0) }))).toBe('THROTTLED Too Many Requests');
    const open = stage('prod');
    expect(outcome(step, withKey(GOLD_KEY, { stage: open }))).toBe('admitted');
    expect(outcome(step, withKey(GOLD_KEY, { stage: open }))).toBe('QUOTA_EXCEEDED Limit Exceeded');
  });
});
