/** Throttle and quota settings as API Gateway stores them (usage plans, stage method settings). */

export interface ThrottleSettings {
  /** Steady-state requests per second (token refill rate). */
  readonly rateLimit: number;
  /** Bucket capacity: how many requests may arrive at once. */
  readonly burstLimit: number;
}

export type QuotaPeriod = 'DAY' | 'WEEK' | 'MONTH';
export const QUOTA_PERIODS: readonly QuotaPeriod[] = ['DAY', 'WEEK', 'MONTH'];

export interface QuotaSettings {
  readonly limit: number;
  readonly period: QuotaPeriod;
  /** Requests subtracted from the limit in the first period (API:QuotaSettings). */
  readonly offset?: number;
}
