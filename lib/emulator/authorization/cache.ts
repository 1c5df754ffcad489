/**
 * The authorizer result cache (AWS docs: "Configure an API Gateway Lambda authorizer"): one per authorizer, keyed by the identity-source
 * values, entries living `authorizerResultTtlInSeconds`. Bounded (least recently used goes first) so a
 * load test with a fresh token per request keeps memory flat.
 */
import type { Clock } from '../../core/clock';
import type { ObservableAuthorizerCache, ObservedCacheEntry } from '../observe/observer';

export const DEFAULT_AUTHORIZER_CACHE_SIZE = 10_000;

interface Entry<T> {
  readonly value: T;
  readonly expiresAt: number;
}

export class AuthorizerCache<T> implements ObservableAuthorizerCache {
  // A Map iterates in insertion order: re-inserting on every hit keeps the least recently used first.
  private readonly entries = new Map<string, Entry<T>>();

  constructor(
    private readonly ttlSeconds: number,
    private readonly clock: Clock,
    private readonly maxEntries = DEFAULT_AUTHORIZER_CACHE_SIZE,
  ) {}

  /** TTL 0 disables caching: nothing is stored, every request invokes the authorizer. */
  get enabled(): boolean {
    return this.ttlSeconds > 0 && this.maxEntries > 0;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (this.clock.now() >= entry.expiresAt) return undefined;
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: T): void {
    if (!this.enabled) return;
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt: this.clock.now() + this.ttlSeconds * 1000 });
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }

  /** Unexpired entries with the time they have left, for the dashboard (does not change their recency). */
  liveEntries(): ObservedCacheEntry[] {
    const now = this.clock.now();
    const live: ObservedCacheEntry[] = [];
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt > now) live.push({ key, value: entry.value, ttlLeftMs: entry.expiresAt - now });
    }
    return live;
  }

  /** Drops every entry (the dashboard's flush, like "Flush authorizer cache" on a stage). */
  clear(): void {
    this.entries.clear();
  }
}
