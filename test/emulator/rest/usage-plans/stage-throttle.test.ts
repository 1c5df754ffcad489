import { ManualClock } from '../../../../lib/core/clock';
import { GatewayError } from '../../../../lib/core/gateway-responses';
import { ACCOUNT_BURST_LIMIT } from '../../../../lib/core/token-bucket';
import type { MethodSetting } from '../../../../lib/emulator/model';
import { createStageThrottleStep, methodThrottle } from '../../../../lib/emulator/rest/usage-plans';
import { matchedRequest, route, stage } from '../request-fixture';

const setting = (resourcePath: string, httpMethod: string, rateLimit?: number, burstLimit?: number): MethodSetting => ({
  resourcePath,
  httpMethod,
  throttle: { rateLimit, burstLimit },
});

describe('methodThrottle', () => {
  test('the */* setting is the default for every method', () => {
    expect(methodThrottle([setting('*', '*', 10, 5)], '/users/{id}', 'GET')).toEqual({ rateLimit: 10, burstLimit: 5 });
  });

  test('a setting for the resource path and method overrides the default, field by field', () => {
    const settings = [setting('/users/{id}', 'GET', 1), setting('*', '*', 10, 5)];
    expect(methodThrottle(settings, '/users/{id}', 'GET')).toEqual({ rateLimit: 1, burstLimit: 5 });
    expect(methodThrottle(settings, '/users/{id}', 'POST')).toEqual({ rateLimit: 10, burstLimit: 5 });
  });

  test('reads CloudFormation’s ~1-escaped resource paths', () => {
    expect(methodThrottle([setting('/~1users~1{id}', 'GET', 2, 2)], '/users/{id}', 'GET')).toEqual({
      rateLimit: 2,
      burstLimit: 2,
    });
  });

  test('an unset field falls back to the account default; no setting means no stage throttle', () => {
    expect(methodThrottle([setting('*', '*', 3)], '/x', 'GET')).toEqual({
      rateLimit: 3,
      burstLimit: ACCOUNT_BURST_LIMIT,
    });
    expect(methodThrottle([], '/x', 'GET')).toBeUndefined();
  });
});

describe('createStageThrottleStep', () => {
  const throttled = (
    step: (ctx: ReturnType<typeof matchedRequest>) => void,
    ctx: ReturnType<typeof matchedRequest>,
  ) => {
    try {
      step(ctx);
      return false;
    } catch (error) {
      if (error instanceof GatewayError && error.responseType === 'THROTTLED') return true;
      throw error;
    }
  };

  test('each method of the stage has its own bucket, shared by all callers', () => {
    const clock = new ManualClock();
    const step = createStageThrottleStep(clock);
    const prod = stage('prod', { methodSettings: [setting('*', '*', 1, 1)] });
    const users = route('GET /users/{id}');
    const orders = route('GET /orders');
    expect(throttled(step, matchedRequest({ stage: prod, route: users, sourceIp: '198.51.100.1' }))).toBe(false);
    expect(throttled(step, matchedRequest({ stage: prod, route: users, sourceIp: '198.51.100.2' }))).toBe(true);
    expect(throttled(step, matchedRequest({ stage: prod, route: orders }))).toBe(false);
    clock.advance(1000);
    expect(throttled(step, matchedRequest({ stage: prod, route: users }))).toBe(false);
  });

  test('another stage has its own buckets', () => {
    const step = createStageThrottleStep(new ManualClock());
    const settings = [setting('*', '*', 0, 1)];
    expect(throttled(step, matchedRequest({ stage: stage('prod', { methodSettings: settings }) }))).toBe(false);
    expect(throttled(step, matchedRequest({ stage: stage('beta', { methodSettings: settings }) }))).toBe(false);
  });

  test('rate 0 and burst 0 block the method', () => {
    const step = createStageThrottleStep(new ManualClock());
    expect(
      throttled(step, matchedRequest({ stage: stage('prod', { methodSettings: [setting('*', '*', 0, 0)] }) })),
    ).toBe(true);
  });

  test('a stage without method settings does not throttle', () => {
    const step = createStageThrottleStep(new ManualClock());
    const prod = stage('prod');
    for (let i = 0; i < 100; i++) expect(throttled(step, matchedRequest({ stage: prod }))).toBe(false);
  });
});
