/**
 * The observation feed: one record per request (kept in a bounded ring), live per-route statistics, per-key
 * throttle and quota refusals, authorizer cache hits and misses, Lambda environment statistics, and the
 * read-outs the wings hand over (authorizer caches, usage-plan counters). The dashboard's JSON/SSE API
 * (dashboard-api.ts) reads it; anything else can subscribe too.
 */
import type { LambdaInvoker } from '../lambda/invoker';
import type { GatewayModel } from '../model';
import type { GatewayRequest } from '../request-context';
import { type FunctionStatistics, FunctionStats } from './function-stats';
import type {
  AuthorizerCacheOwner,
  GatewayObserver,
  ObservableAuthorizerCache,
  ObservedCacheEntry,
  UsagePlanCounter,
} from './observer';
import { type ObservedInvocation, observingInvoker } from './observing-invoker';
import { buildRecord, type ObservedResult, type RequestDetail, type RequestSummary, summaryOf } from './request-record';
import { RingBuffer } from './ring-buffer';
import { type RouteStatistics, RouteStats } from './route-stats';

export interface ObservationFeedOptions {
  /** Requests kept for the stream and the detail view; older ones are dropped. @default 1000 */
  readonly requestLimit?: number;
  /** Request, event, answer and response bodies longer than this are cut, with a marker. @default 16384 */
  readonly maxBodyBytes?: number;
  /** Execution environments per function (the runtime's pool size), for cold-start counting. @default 2 */
  readonly poolSize?: number;
}

export interface UsageStanding extends UsagePlanCounter {
  /** Requests refused with 429 because the bucket was empty. */
  readonly throttledCount: number;
  /** Requests refused with 429 because the period's quota was used up. */
  readonly quotaExceededCount: number;
}

export interface AuthorizerStanding extends AuthorizerCacheOwner {
  readonly cacheEnabled: boolean;
  readonly hits: number;
  readonly misses: number;
  readonly entries: readonly ObservedCacheEntry[];
}

export type FeedListener = (summary: RequestSummary) => void;

/** Most requests' invocations waiting for their record at once. */
const PENDING_LIMIT = 10_000;

export class ObservationFeed implements GatewayObserver {
  private readonly records: RingBuffer<RequestDetail>;
  private readonly routeStats = new RouteStats();
  private readonly functionStats: FunctionStats;
  private readonly refusals = new Map<string, { throttled: number; quotaExceeded: number }>();
  private readonly authorizerCounts = new Map<string, { hits: number; misses: number }>();
  private readonly caches: { owner: AuthorizerCacheOwner; cache: ObservableAuthorizerCache }[] = [];
  private readonly listeners = new Set<FeedListener>();
  private readonly closeListeners = new Set<() => void>();
  private readUsagePlans: () => UsagePlanCounter[] = () => [];
  private readonly maxBodyBytes: number;
  private seq = 0;
  /** Invocations waiting for their request's record, by request id (`token\n<token>` for TOKEN authorizers). */
  private readonly pending = new Map<string, ObservedInvocation[]>();

  constructor(
    private readonly model: GatewayModel,
    options: ObservationFeedOptions = {},
  ) {
    this.records = new RingBuffer(options.requestLimit ?? 1000);
    this.maxBodyBytes = options.maxBodyBytes ?? 16 * 1024;
    this.functionStats = new FunctionStats(options.poolSize ?? 2);
  }

  /** The invoker to hand the pipeline: counts invocations and attaches them to their request. */
  wrapInvoker(invoker: LambdaInvoker): LambdaInvoker {
    const names = new Map<string, string>();
    for (const fn of this.model.functions.values()) names.set(fn.arn, fn.functionName);
    return observingInvoker(
      invoker,
      this.functionStats,
      (arn) => names.get(arn.split(':').slice(0, 7).join(':')) ?? arn,
      (invocation) => this.attach(invocation),
    );
  }

  /** Runs one request through `handle` and records what happened. */
  async observe<R extends ObservedResult>(
    request: GatewayRequest,
    handle: (r: GatewayRequest) => Promise<R>,
  ): Promise<R> {
    const result = await handle(request);
    this.publish(result);
    return result;
  }

  /** Records a request and the invocations made for it. */
  publish(result: ObservedResult): void {
    this.seq += 1;
    const detail = buildRecord(this.seq, result, this.invocationsOf(result), this.model, {
      maxBodyBytes: this.maxBodyBytes,
    });
    this.records.push(detail);
    if (detail.routeId) this.routeStats.add(detail.routeId, detail.status, detail.latencyMs);
    if (detail.apiKey && (detail.throttled || detail.quotaExceeded)) {
      const id = `${detail.plan ?? ''}\n${detail.apiKey}`;
      const counts = this.refusals.get(id) ?? { throttled: 0, quotaExceeded: 0 };
      if (detail.throttled) counts.throttled += 1;
      else counts.quotaExceeded += 1;
      this.refusals.set(id, counts);
    }
    if (detail.authorizer?.name && detail.api && detail.authorizer.invoked) {
      const id = `${detail.api}\n${detail.authorizer.name}`;
      const counts = this.authorizerCounts.get(id) ?? { hits: 0, misses: 0 };
      if (detail.authorizer.cached) counts.hits += 1;
      else counts.misses += 1;
      this.authorizerCounts.set(id, counts);
    }
    if (this.listeners.size > 0) {
      const summary = summaryOf(detail);
      for (const listener of this.listeners) listener(summary);
    }
  }

  private attach(invocation: ObservedInvocation): void {
    const event = invocation.event as {
      requestContext?: { requestId?: unknown };
      type?: unknown;
      authorizationToken?: unknown;
    };
    const requestId = event?.requestContext?.requestId;
    const key =
      typeof requestId === 'string'
        ? requestId
        : event?.type === 'TOKEN' && typeof event.authorizationToken === 'string'
          ? `token\n${event.authorizationToken}`
          : undefined;
    if (key === undefined) return;
    const list = this.pending.get(key);
    if (list) list.push(invocation);
    else this.pending.set(key, [invocation]);
    // Invocations whose request never reaches `publish` (a request not sent through `observe`) must not pile up.
    if (this.pending.size > PENDING_LIMIT) this.pending.delete(this.pending.keys().next().value as string);
  }

  /** The request's invocations: a TOKEN authorizer's (matched by a header carrying its token) first. */
  private invocationsOf({ context }: ObservedResult): ObservedInvocation[] {
    const own = this.pending.get(context.requestId) ?? [];
    this.pending.delete(context.requestId);
    if (context.authorizer && !context.authorizer.cached && context.authorizer.integrationStatus !== undefined) {
      for (const [, value] of context.request.headers) {
        const tokenKey = `token\n${value}`;
        const waiting = this.pending.get(tokenKey);
        if (!waiting) continue;
        const first = waiting.shift() as ObservedInvocation;
        if (waiting.length === 0) this.pending.delete(tokenKey);
        return [first, ...own];
      }
    }
    return own;
  }

  /** Calls `listener` with every request from now on; returns the unsubscribe function. */
  subscribe(listener: FeedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called once when the feed closes (the gateway was reloaded or shut down). */
  onClose(listener: () => void): () => void {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  close(): void {
    this.listeners.clear();
    for (const listener of this.closeListeners) listener();
    this.closeListeners.clear();
  }

  /** The newest requests first. */
  requests(limit?: number): RequestSummary[] {
    return this.records.newestFirst(limit).map(summaryOf);
  }

  request(requestId: string): RequestDetail | undefined {
    return this.records.find((record) => record.requestId === requestId);
  }

  /** Requests kept now (at most `requestLimit`). */
  get requestCount(): number {
    return this.records.size;
  }

  /** Requests seen since load. */
  get totalRequests(): number {
    return this.seq;
  }

  routeStatistics(): Record<string, RouteStatistics> {
    return this.routeStats.snapshot();
  }

  usage(): UsageStanding[] {
    return this.readUsagePlans().map((counter) => {
      const refused = counter.method ? undefined : this.refusals.get(`${counter.plan}\n${counter.key}`);
      return { ...counter, throttledCount: refused?.throttled ?? 0, quotaExceededCount: refused?.quotaExceeded ?? 0 };
    });
  }

  authorizers(): AuthorizerStanding[] {
    return this.caches.map(({ owner, cache }) => {
      const counts = this.authorizerCounts.get(`${owner.api}\n${owner.authorizer}`) ?? { hits: 0, misses: 0 };
      return { ...owner, cacheEnabled: cache.enabled, ...counts, entries: cache.liveEntries() };
    });
  }

  /** Empties every authorizer cache; returns how many entries were dropped. */
  flushAuthorizerCaches(): number {
    let dropped = 0;
    for (const { cache } of this.caches) {
      dropped += cache.liveEntries().length;
      cache.clear();
    }
    return dropped;
  }

  functions(): FunctionStatistics[] {
    return this.functionStats.snapshot();
  }

  /** A line a function logged (LocalGateway forwards its `onFunctionLog` here). */
  functionLog(functionName: string, line: string): void {
    this.functionStats.log(functionName, line);
  }

  authorizerCache(owner: AuthorizerCacheOwner, cache: ObservableAuthorizerCache): void {
    this.caches.push({ owner, cache });
  }

  usagePlanCounters(read: () => UsagePlanCounter[]): void {
    this.readUsagePlans = read;
  }
}
