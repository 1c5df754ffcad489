/**
 * API keys and usage plans on REST methods with `apiKeyRequired` (AWS docs: "Usage plans and API keys for REST APIs"): find the key
 * (header `x-api-key`, or the authorizer's `usageIdentifierKey`), check it belongs to a usage plan bound
 * to this API stage, then apply the plan's throttle and quota. Other methods skip all of it. Indexes are
 * built once from the model; buckets and quota counters are created on first use.
 */
import type { Clock } from '../../../core/clock';
import { GatewayError } from '../../../core/gateway-responses';
import { QuotaCounter } from '../../../core/quota-window';
import type { ThrottleSettings } from '../../../core/throttle-settings';
import { resolveThrottle, TokenBucket } from '../../../core/token-bucket';
import type { ApiKeyModel, GatewayModel, UsagePlanApiStage, UsagePlanModel } from '../../model';
import type { GatewayObserver, UsagePlanCounter } from '../../observe/observer';
import type { RequestContext } from '../../request-context';
import { headerValue } from '../../request-values';
import { leaveQuotaRefund } from './quota-refund';

export type UsagePlanStep = (ctx: RequestContext) => void;

/** A key's membership of the plan that serves one API stage (a key is in at most one plan per stage). */
interface PlanBinding {
  readonly plan: UsagePlanModel;
  readonly key: ApiKeyModel;
  /** Bucket ids are per plan and key; per-method buckets also per API stage and method. */
  readonly planBucketId: string;
  readonly methodBucketPrefix: string;
  readonly planThrottle?: ThrottleSettings;
  /** Per-method overrides by `"/path/METHOD"` (root `"//GET"`); undefined value: not throttled. */
  readonly methodThrottles: ReadonlyMap<string, ThrottleSettings | undefined>;
}

const stageId = (apiLogicalId: string, stage: string): string => `${apiLogicalId}\n${stage}`;

function indexBindings(model: Pick<GatewayModel, 'usagePlans' | 'apiKeys'>): Map<string, Map<string, PlanBinding>> {
  const keysById = new Map(model.apiKeys.map((key) => [key.logicalId, key]));
  const bindings = new Map<string, Map<string, PlanBinding>>();
  for (const plan of model.usagePlans) {
    const planThrottle = plan.throttle ? resolveThrottle(plan.throttle) : undefined;
    for (const apiStage of plan.apiStages) {
      const id = stageId(apiStage.apiLogicalId, apiStage.stage);
      const byKey = bindings.get(id) ?? new Map<string, PlanBinding>();
      bindings.set(id, byKey);
      for (const keyId of plan.apiKeyIds) {
        const key = keysById.get(keyId);
        if (!key || byKey.has(keyId)) continue;
        byKey.set(keyId, {
          plan,
          key,
          planBucketId: `${plan.logicalId}\n${keyId}`,
          methodBucketPrefix: `${plan.logicalId}\n${keyId}\n${id}\n`,
          planThrottle,
          methodThrottles: methodThrottles(apiStage),
        });
      }
    }
  }
  return bindings;
}

function methodThrottles(apiStage: UsagePlanApiStage): Map<string, ThrottleSettings | undefined> {
  return new Map(Object.entries(apiStage.throttle).map(([method, throttle]) => [method, resolveThrottle(throttle)]));
}

export function createUsagePlanStep(
  model: Pick<GatewayModel, 'usagePlans' | 'apiKeys'>,
  clock: Clock,
  observer?: GatewayObserver,
): UsagePlanStep {
  const keysByValue = new Map(model.apiKeys.map((key) => [key.value, key]));
  const bindings = indexBindings(model);
  const buckets = new Map<string, TokenBucket>();
  const quotas = new Map<string, QuotaCounter>();
  // The first quota period (the one `offset` applies to) is the one the gateway was loaded in.
  const loadedAt = clock.now();

  function take(bucketId: string, throttle: ThrottleSettings, now: number): boolean {
    let bucket = buckets.get(bucketId);
    if (!bucket) {
      bucket = new TokenBucket(throttle.rateLimit, throttle.burstLimit, now);
      buckets.set(bucketId, bucket);
    }
    return bucket.take(now);
  }

  /** No throttle (none set, or a negative "unlimited" value) admits everything. */
  function admit(throttle: ThrottleSettings | undefined, bucketId: string, now: number): boolean {
    return throttle === undefined || take(bucketId, throttle, now);
  }

  function bindingFor(ctx: RequestContext): PlanBinding {
    const { api, stage } = ctx;
    const value =
      api?.table.apiKeySource === 'AUTHORIZER'
        ? ctx.authorizer?.usageIdentifierKey
        : headerValue(ctx.request.headers, 'x-api-key');
    const key = value === undefined ? undefined : keysByValue.get(value);
    const binding =
      key?.enabled && api && stage ? bindings.get(stageId(api.logicalId, stage.name))?.get(key.logicalId) : undefined;
    if (!binding) throw new GatewayError('INVALID_API_KEY');
    return binding;
  }

  observer?.usagePlanCounters(() => usagePlanCounters(bindings, buckets, quotas, clock.now()));

  return (ctx) => {
    const route = ctx.route;
    if (!route?.apiKeyRequired) return;
    const binding = bindingFor(ctx);
    ctx.apiKey = { id: binding.key.logicalId, value: binding.key.value };
    const now = clock.now();

    // A per-method override replaces the plan's throttle for that method; `ANY` routes match `/path/ANY`.
    const methodKey = `${route.key.path}/${route.key.method}`;
    const admitted = binding.methodThrottles.has(methodKey)
      ? admit(binding.methodThrottles.get(methodKey), binding.methodBucketPrefix + methodKey, now)
      : admit(binding.planThrottle, binding.planBucketId, now);
    if (!admitted) throw new GatewayError('THROTTLED');

    const quota = binding.plan.quota;
    if (!quota) return;
    let counter = quotas.get(binding.planBucketId);
    if (!counter) {
      counter = new QuotaCounter(quota, loadedAt);
      quotas.set(binding.planBucketId, counter);
    }
    if (!counter.tryConsume(now)) throw new GatewayError('QUOTA_EXCEEDED');
    const counted = counter;
    leaveQuotaRefund(ctx, () => counted.refund(now));
  };
}

/**
 * Every key's standing in its plans, as the dashboard shows it: a key that has not been used yet has a
 * full bucket and its whole quota (buckets and counters are created on first use).
 */
function usagePlanCounters(
  bindings: ReadonlyMap<string, ReadonlyMap<string, PlanBinding>>,
  buckets: ReadonlyMap<string, TokenBucket>,
  quotas: ReadonlyMap<string, QuotaCounter>,
  now: number,
): UsagePlanCounter[] {
  const counters = new Map<string, UsagePlanCounter>();
  for (const [apiStage, byKey] of bindings) {
    const stage = apiStage.split('\n')[1];
    for (const binding of byKey.values()) {
      const { plan, key, planThrottle } = binding;
      const quota = plan.quota;
      const quotaLeft =
        quota && (quotas.get(binding.planBucketId)?.remaining(now) ?? quota.limit - (quota.offset ?? 0));
      const base = {
        plan: plan.name,
        key: key.name,
        ...(quota && {
          quotaLimit: quota.limit,
          quotaPeriod: quota.period,
          quotaLeft,
          quotaUsed: quota.limit - (quota.offset ?? 0) - (quotaLeft ?? 0),
        }),
      };
      const bucketLevel = (id: string, throttle: ThrottleSettings) =>
        Math.floor(buckets.get(id)?.available(now) ?? throttle.burstLimit);
      if (!counters.has(binding.planBucketId)) {
        counters.set(binding.planBucketId, {
          ...base,
          ...(planThrottle && {
            rateLimit: planThrottle.rateLimit,
            burstLimit: planThrottle.burstLimit,
            tokensLeft: bucketLevel(binding.planBucketId, planThrottle),
          }),
        });
      }
      for (const [method, throttle] of binding.methodThrottles) {
        const id = binding.methodBucketPrefix + method;
        if (!throttle || counters.has(id)) continue;
        counters.set(id, {
          plan: plan.name,
          key: key.name,
          stage,
          method,
          rateLimit: throttle.rateLimit,
          burstLimit: throttle.burstLimit,
          tokensLeft: bucketLevel(id, throttle),
        });
      }
    }
  }
  return [...counters.values()];
}
