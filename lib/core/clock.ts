/**
 * Wall-clock time for everything time-based in the emulator (authorizer cache TTLs, token buckets,
 * quota periods, request times). Passing a clock in keeps those rules deterministic under test.
 */

export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that only moves when told to: for tests of TTLs, refills and quota periods. */
export class ManualClock implements Clock {
  constructor(private epochMs = 0) {}

  now(): number {
    return this.epochMs;
  }

  advance(ms: number): void {
    this.epochMs += ms;
  }

  set(epochMs: number): void {
    this.epochMs = epochMs;
  }
}
