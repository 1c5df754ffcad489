/** One autocannon run, reduced to the numbers the report prints. */
import autocannon from 'autocannon';

export interface LoadResult {
  readonly requestsPerSecond: number;
  /** Latency percentiles in milliseconds. */
  readonly p50: number;
  readonly p99: number;
  readonly total: number;
  readonly non2xx: number;
  readonly errors: number;
}

export interface LoadOptions {
  readonly connections: number;
  /** Run for this long... */
  readonly durationSeconds?: number;
  /** ...or until this many requests are answered (quick runs). */
  readonly amount?: number;
  readonly headers?: Record<string, string>;
  /** @default 'GET' */
  readonly method?: 'GET' | 'POST';
  readonly body?: Buffer;
  /** Paths each connection cycles through, instead of the URL's own path. */
  readonly paths?: readonly string[];
}

export async function runLoad(url: string, options: LoadOptions): Promise<LoadResult> {
  const result = await autocannon({
    url,
    connections: options.connections,
    ...(options.amount === undefined ? { duration: options.durationSeconds ?? 10 } : { amount: options.amount }),
    headers: options.headers,
    ...(options.method ? { method: options.method } : {}),
    ...(options.body ? { body: options.body } : {}),
    ...(options.paths ? { requests: options.paths.map((path) => ({ path })) } : {}),
  });
  return {
    // autocannon averages per-second samples for timed runs; a run of N requests is timed end to end.
    requestsPerSecond:
      options.amount === undefined
        ? result.requests.average
        : result.requests.total / ((new Date(result.finish).getTime() - new Date(result.start).getTime()) / 1000),
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}
