/**
 * Member latencies, where a client and an operator can see them: the `Server-Timing` header (browsers'
 * developer tools show it), `x-portico-members` (start and end of each member, so overlap is visible),
 * and one JSON line in the aggregator's log. Each member's API Gateway request id leads to its access-log line.
 */
import type { MemberOutcome } from './call-members';

/** Response header listing each member's outcome, start and end (ms since the fan-out began), as JSON. */
export const MEMBERS_HEADER = 'x-portico-members';

export interface MemberTiming {
  readonly name: string;
  readonly route: string;
  /** `ok`, or why the member failed (`status`, `timeout`, `unreachable`, `aborted`). */
  readonly outcome: 'ok' | 'status' | 'timeout' | 'unreachable' | 'aborted';
  readonly status?: number;
  readonly startMs: number;
  readonly endMs: number;
  readonly requestId?: string;
}

export function memberTimings(outcomes: readonly MemberOutcome[]): MemberTiming[] {
  return outcomes.map((outcome) => ({
    name: outcome.name,
    route: outcome.route,
    outcome: outcome.kind === 'ok' ? 'ok' : outcome.failure.reason,
    ...(outcome.kind === 'ok'
      ? { status: outcome.status }
      : outcome.failure.status === undefined
        ? {}
        : { status: outcome.failure.status }),
    startMs: tenths(outcome.startMs),
    endMs: tenths(outcome.endMs),
    ...(outcome.requestId === undefined ? {} : { requestId: outcome.requestId }),
  }));
}

/** `Server-Timing` and `x-portico-members` for the composite's response. */
export function timingHeaders(timings: readonly MemberTiming[]): Record<string, string> {
  const serverTiming = timings
    .map((t) => `${t.name};dur=${tenths(t.endMs - t.startMs)};desc="${t.status ?? t.outcome}"`)
    .join(', ');
  return { 'server-timing': serverTiming, [MEMBERS_HEADER]: JSON.stringify(timings) };
}

const tenths = (ms: number): number => Math.round(ms * 10) / 10;
