/**
 * Stage method throttling (`MethodSettings` of a REST stage, AWS docs: "Throttle requests to your REST APIs"): the `*`/`*` setting is
 * the default for every method, a setting naming a resource path and method overrides it. Each method of
 * each stage has its own bucket, shared by all callers, API key or not. It applies after the usage
 * plan's limits, as AWS orders them.
 */
import type { Clock } from '../../../core/clock';
import { GatewayError } from '../../../core/gateway-responses';
import type { ThrottleSettings } from '../../../core/throttle-settings';
import { resolveThrottle, TokenBucket } from '../../../core/token-bucket';
import type { MethodSetting, RouteSpec, StageModel } from '../../model';
import type { RequestContext } from '../../request-context';
import { refundQuota } from './quota-refund';

export type StageThrottleStep = (ctx: RequestContext) => void;

const ALL = '*';

/** CloudFormation writes `/users/{id}` as `/~1users~1{id}` (JSON Pointer escaping); both forms are read. */
function decodeResourcePath(resourcePath: string): string {
  if (resourcePath === ALL || !resourcePath.includes('~')) return resourcePath;
  const decoded = resourcePath.replace(/~1/g, '/').replace(/~0/g, '~');
  return decoded.startsWith('//') ? decoded.slice(1) : decoded;
}

/**
 * The throttle for one method: fields of the most specific setting win (path+method, path+`*`,
 * `*`+method, `*`+`*`), a field no setting gives falls back to the account default.
 */
export function methodThrottle(
  settings: readonly MethodSetting[],
  resourcePath: string,
  httpMethod: string,
): ThrottleSettings | undefined {
  const specificity = (setting: MethodSetting): number => {
    const path = decodeResourcePath(setting.resourcePath);
    const pathMatches = path === resourcePath ? 2 : path === ALL ? 0 : -1;
    const methodMatches = setting.httpMethod === httpMethod ? 1 : setting.httpMethod === ALL ? 0 : -1;
    return pathMatches < 0 || methodMatches < 0 ? -1 : pathMatches + methodMatches;
  };
  const applicable = settings
    .filter((setting) => setting.throttle && specificity(setting) >= 0)
    .sort((a, b) => specificity(a) - specificity(b));
  if (applicable.length === 0) return undefined;
  const merged: { rateLimit?: number; burstLimit?: number } = {};
  for (const setting of applicable) {
    if (setting.throttle?.rateLimit !== undefined) merged.rateLimit = setting.throttle.rateLimit;
    if (setting.throttle?.burstLimit !== undefined) merged.burstLimit = setting.throttle.burstLimit;
  }
  return resolveThrottle(merged);
}

export function createStageThrottleStep(clock: Clock): StageThrottleStep {
  // Each route's throttle is resolved once per stage; `null`: the method is not throttled.
  const throttles = new WeakMap<StageModel, Map<RouteSpec, { id: string; throttle: ThrottleSettings } | null>>();
  // Bucket identity (api, stage, resourcePath, method), plus the limits so a reloaded setting starts afresh.
  const buckets = new Map<string, TokenBucket>();

  function throttleFor(ctx: RequestContext, stage: StageModel, route: RouteSpec) {
    let byRoute = throttles.get(stage);
    if (!byRoute) {
      byRoute = new Map();
      throttles.set(stage, byRoute);
    }
    let entry = byRoute.get(route);
    if (entry === undefined) {
      const { path, method } = route.key;
      const throttle = methodThrottle(stage.methodSettings, path, method);
      const id = [ctx.api?.logicalId, stage.name, path, method, throttle?.rateLimit, throttle?.burstLimit].join('\n');
      entry = throttle ? { id, throttle } : null;
      byRoute.set(route, entry);
    }
    return entry;
  }

  return (ctx) => {
    if (!ctx.stage || !ctx.route) return;
    const entry = throttleFor(ctx, ctx.stage, ctx.route);
    if (!entry) return;
    const now = clock.now();
    let bucket = buckets.get(entry.id);
    if (!bucket) {
      bucket = new TokenBucket(entry.throttle.rateLimit, entry.throttle.burstLimit, now);
      buckets.set(entry.id, bucket);
    }
    if (!bucket.take(now)) {
      refundQuota(ctx);
      throw new GatewayError('THROTTLED');
    }
  };
}
