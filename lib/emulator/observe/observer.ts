/**
 * What the wings hand the observation feed, as read-only views: the authorizer result caches and the
 * usage-plan counters. The wings import only these types (docs/decisions/0012-layout.md); the feed reads
 * the views when the dashboard asks, so observing costs the request path nothing.
 */

/** One live entry of an authorizer result cache. */
export interface ObservedCacheEntry {
  /** The identity-source values the result is cached under (stage first, as the cache keys them). */
  readonly key: string;
  readonly value: unknown;
  readonly ttlLeftMs: number;
}

/** An authorizer result cache as the feed sees it (`AuthorizerCache` is one). */
export interface ObservableAuthorizerCache {
  readonly enabled: boolean;
  liveEntries(): ObservedCacheEntry[];
  clear(): void;
}

/** Which authorizer a cache belongs to. */
export interface AuthorizerCacheOwner {
  /** Logical id of the REST or HTTP API. */
  readonly api: string;
  readonly authorizer: string;
  readonly ttlSeconds: number;
}

/** One API key's standing in one usage plan (per-method buckets are separate rows). */
export interface UsagePlanCounter {
  readonly plan: string;
  readonly key: string;
  /** The stage of a per-method throttle bucket (each API stage of the plan has its own). */
  readonly stage?: string;
  /** `/path/METHOD` for a per-method throttle bucket; absent for the plan's own bucket. */
  readonly method?: string;
  readonly rateLimit?: number;
  readonly burstLimit?: number;
  /** Whole tokens in the bucket now (a request needs one). */
  readonly tokensLeft?: number;
  readonly quotaLimit?: number;
  readonly quotaPeriod?: string;
  readonly quotaUsed?: number;
  readonly quotaLeft?: number;
}

export interface GatewayObserver {
  /** Called once per authorizer cache, when the authorizer first runs. */
  authorizerCache(owner: AuthorizerCacheOwner, cache: ObservableAuthorizerCache): void;
  /** Called once by the REST wing's usage-plan step with a read-out of its buckets and quotas. */
  usagePlanCounters(read: () => UsagePlanCounter[]): void;
}
