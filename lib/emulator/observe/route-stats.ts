/**
 * Per-route live counts and latency percentiles. Counts are totals since load; percentiles come from the
 * last `SAMPLE_SIZE` latencies of the route, so memory per route stays fixed however long the server runs.
 */
import { RingBuffer } from './ring-buffer';

const SAMPLE_SIZE = 1024;

export interface RouteStatistics {
  readonly count: number;
  readonly status2xx: number;
  readonly status4xx: number;
  readonly status5xx: number;
  readonly p50Ms?: number;
  readonly p99Ms?: number;
}

interface Tally {
  count: number;
  status2xx: number;
  status4xx: number;
  status5xx: number;
  readonly latencies: RingBuffer<number>;
}

export class RouteStats {
  private readonly byRoute = new Map<string, Tally>();

  add(routeId: string, status: number, latencyMs: number): void {
    let tally = this.byRoute.get(routeId);
    if (!tally) {
      tally = { count: 0, status2xx: 0, status4xx: 0, status5xx: 0, latencies: new RingBuffer(SAMPLE_SIZE) };
      this.byRoute.set(routeId, tally);
    }
    tally.count += 1;
    if (status >= 500) tally.status5xx += 1;
    else if (status >= 400) tally.status4xx += 1;
    else tally.status2xx += 1;
    tally.latencies.push(latencyMs);
  }

  snapshot(): Record<string, RouteStatistics> {
    const out: Record<string, RouteStatistics> = {};
    for (const [id, { latencies, ...counts }] of this.byRoute) {
      const sorted = latencies.newestFirst().sort((a, b) => a - b);
      out[id] = { ...counts, p50Ms: percentile(sorted, 0.5), p99Ms: percentile(sorted, 0.99) };
    }
    return out;
  }
}

/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted: readonly number[], p: number): number | undefined {
  if (sorted.length === 0) return undefined;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}
