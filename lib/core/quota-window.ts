/**
 * Usage-plan quotas (AWS docs: "Usage plans and API keys for REST APIs"): at most `limit` requests per API key per DAY, WEEK or MONTH.
 * AWS does not document the time zone of period boundaries (docs/aws-behaviour.md, "Where AWS is silent"); Portico uses UTC calendar periods,
 * weeks starting Monday (ISO 8601). `offset` follows the current API reference: requests subtracted from
 * the limit of the initial period (docs/decisions/0004).
 */
import type { QuotaPeriod, QuotaSettings } from './throttle-settings';

const DAY_MS = 86_400_000;

/** Start (epoch ms) of the UTC period that contains `epochMs`. */
export function quotaPeriodStart(period: QuotaPeriod, epochMs: number): number {
  const date = new Date(epochMs);
  const midnight = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  switch (period) {
    case 'DAY':
      return midnight;
    case 'WEEK':
      // getUTCDay() is 0 on Sunday; count days back to Monday.
      return midnight - ((date.getUTCDay() + 6) % 7) * DAY_MS;
    case 'MONTH':
      return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
  }
}

/** Start (epoch ms) of the UTC period after the one that contains `epochMs`. */
export function nextQuotaPeriodStart(period: QuotaPeriod, epochMs: number): number {
  const start = quotaPeriodStart(period, epochMs);
  switch (period) {
    case 'DAY':
      return start + DAY_MS;
    case 'WEEK':
      return start + 7 * DAY_MS;
    case 'MONTH': {
      const date = new Date(start);
      return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
    }
  }
}

/** Requests one API key may make in one usage plan, period by period. */
export class QuotaCounter {
  private readonly firstPeriodStart: number;
  private periodStart: number;
  private periodEnd: number;
  private used = 0;

  /** `startedAt` places the initial period, the one `offset` applies to (the plan's creation, locally: load time). */
  constructor(
    readonly settings: QuotaSettings,
    startedAt: number,
  ) {
    this.firstPeriodStart = quotaPeriodStart(settings.period, startedAt);
    this.periodStart = this.firstPeriodStart;
    this.periodEnd = nextQuotaPeriodStart(settings.period, startedAt);
  }

  /** Requests still allowed in the period containing `now`. */
  remaining(now: number): number {
    this.roll(now);
    const offset = this.periodStart === this.firstPeriodStart ? (this.settings.offset ?? 0) : 0;
    return Math.max(0, this.settings.limit - offset - this.used);
  }

  /** Counts one request at `now`; false (and nothing counted) when the period's quota is used up. */
  tryConsume(now: number): boolean {
    if (this.remaining(now) < 1) return false;
    this.used += 1;
    return true;
  }

  /** Gives back one request counted at `now` (a request refused by a later check). */
  refund(now: number): void {
    this.roll(now);
    if (this.used > 0) this.used -= 1;
  }

  private roll(now: number): void {
    if (now >= this.periodStart && now < this.periodEnd) return;
    // A new period (or a clock set back into an earlier one) starts with nothing used.
    this.periodStart = quotaPeriodStart(this.settings.period, now);
    this.periodEnd = nextQuotaPeriodStart(this.settings.period, now);
    this.used = 0;
  }
}
