/**
 * HTTP API throttling (AWS docs: "Throttle requests to your HTTP APIs"): a stage's `DefaultRouteSettings` limit every
 * route of the stage, `RouteSettings` override them for one route key. Each route of a stage has its own
 * token bucket (the limits are per route, not shared by the stage). A limit left unset falls back to the
 * account default; a route with no limit at all is not throttled. Exact and deterministic, like the REST
 * buckets (docs/decisions/0004); a request over the limit gets 429 Too Many Requests.
 */
import type { Clock } from '../../core/clock';
import { resolveThrottle, TokenBucket } from '../../core/token-bucket';
import type { HttpStageModel } from '../model';
import type { HttpRequestContext } from './http-context';
import { httpError } from './http-errors';

export type HttpThrottleStep = (ctx: HttpRequestContext) => void;

export function createHttpThrottleStep(clock: Clock): HttpThrottleStep {
  const buckets = new Map<string, TokenBucket | null>();

  function bucketFor(apiId: string, stage: HttpStageModel, routeKey: string): TokenBucket | null {
    const key = `${apiId}\n${stage.name}\n${routeKey}`;
    let bucket = buckets.get(key);
    if (bucket === undefined) {
      const route = stage.routeThrottles[routeKey];
      const limits = stage.defaultRouteThrottle || route ? { ...stage.defaultRouteThrottle, ...route } : undefined;
      const resolved = limits && resolveThrottle(limits);
      bucket = resolved ? new TokenBucket(resolved.rateLimit, resolved.burstLimit, clock.now()) : null;
      buckets.set(key, bucket);
    }
    return bucket;
  }

  return (ctx) => {
    if (!ctx.httpApi || !ctx.httpStage || !ctx.routeKey) return;
    const bucket = bucketFor(ctx.httpApi.apiId, ctx.httpStage, ctx.routeKey);
    if (bucket && !bucket.take(clock.now())) throw httpError('THROTTLED');
  };
}
