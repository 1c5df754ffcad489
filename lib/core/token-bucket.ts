/**
 * API Gateway's throttle model (AWS docs: "Throttle requests to your REST APIs"): a token bucket per throttle target, holding at most
 * `burstLimit` tokens and refilled at `rateLimit` tokens per second. AWS calls its limits "targets rather
 * than guaranteed ceilings"; this bucket is exact and deterministic instead (docs/decisions/0004).
 */
import type { ThrottleSettings } from './throttle-settings';

/** Account-level defaults per Region (AWS docs: "Throttle requests to your REST APIs"): what an unset rate or burst falls back to. */
export const ACCOUNT_RATE_LIMIT = 10_000;
export const ACCOUNT_BURST_LIMIT = 5_000;

/**
 * Refills are computed from elapsed milliseconds in floating point; this tolerance keeps sums such as
 * 10 × 0.1 tokens from landing a hair under one whole token.
 */
const WHOLE_TOKEN = 1 - 1e-9;

/**
 * Fills the unset half of a partial throttle with the account default. A negative value means "no
 * limit" (API Gateway reports -1 for unset method throttles), which resolves to undefined.
 */
export function resolveThrottle(throttle: Partial<ThrottleSettings>): ThrottleSettings | undefined {
  const rateLimit = throttle.rateLimit ?? ACCOUNT_RATE_LIMIT;
  const burstLimit = throttle.burstLimit ?? ACCOUNT_BURST_LIMIT;
  if (rateLimit < 0 || burstLimit < 0) return undefined;
  return { rateLimit, burstLimit };
}

/**
 * - Starts full: the first `burstLimit` requests at one instant are admitted.
 * - Capacity is `burstLimit` rounded down (AWS stores an integer). Burst 0 admits nothing, whatever the
 *   rate: with no room for a token there is nothing to spend (AWS: rate 0 and burst 0 block a method).
 * - Rate 0 with a burst admits `burstLimit` requests once and never refills.
 * - Time running backwards (a clock set back) refills nothing.
 */
export class TokenBucket {
  readonly capacity: number;
  private tokens: number;
  private updatedAt: number;

  constructor(
    readonly rateLimit: number,
    burstLimit: number,
    now: number,
  ) {
    this.capacity = Math.max(0, Math.floor(burstLimit));
    this.tokens = this.capacity;
    this.updatedAt = now;
  }

  /** Tokens available at `now` (after refilling). */
  available(now: number): number {
    this.refill(now);
    return this.tokens;
  }

  /** Whether a request at `now` would be admitted, without spending a token. */
  canTake(now: number): boolean {
    return this.available(now) >= WHOLE_TOKEN;
  }

  /** Spends one token for a request arriving at `now`; false when the request is throttled. */
  take(now: number): boolean {
    if (!this.canTake(now)) return false;
    this.tokens = Math.max(0, this.tokens - 1);
    return true;
  }

  private refill(now: number): void {
    const elapsedMs = now - this.updatedAt;
    if (elapsedMs <= 0) return;
    this.updatedAt = now;
    if (this.tokens >= this.capacity) return;
    this.tokens = Math.min(this.capacity, this.tokens + (elapsedMs * this.rateLimit) / 1000);
  }
}
