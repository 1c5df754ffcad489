/**
 * The per-request record of the observation feed: what the gateway decided and when, in plain JSON. The
 * summary is what the request stream shows and streams; the detail adds the request, the Lambda events as
 * sent, the handlers' answers, the final response and the access-log line. Large bodies are cut at
 * `maxBodyBytes` with a marker, so a ring of records stays bounded however big the payloads.
 */
import { isUtf8 } from 'node:buffer';
import type { AuthorizationSpec } from '../../core/route-table';
import type { InvokeResult } from '../lambda/invoker';
import type { GatewayModel } from '../model';
import type { GatewayResponse, RequestContext } from '../request-context';
import { httpRouteId, restRouteId } from './listed-route';
import type { ObservedInvocation } from './observing-invoker';

/** What a pipeline answered, as both wings report it (`PipelineResult` is one). */
export interface ObservedResult {
  readonly response: GatewayResponse;
  readonly accessLogLine?: string;
  readonly context: RequestContext;
}

export type AuthorizerDecision = 'allow' | 'deny' | 'unauthorized' | 'error';

export interface RequestSummary {
  /** Increases by one per request: the order of the stream, and what the SSE `id:` carries. */
  readonly seq: number;
  readonly requestId: string;
  /** Epoch milliseconds when the request arrived. */
  readonly time: number;
  readonly flavor?: 'REST' | 'HTTP';
  readonly api?: string;
  readonly stage?: string;
  readonly method: string;
  /** Path and query as sent. */
  readonly url: string;
  /** The matched route (`GET /users/{id}`, `$default`); absent when none matched. */
  readonly route?: string;
  /** Joins the Routes view's rows (see listed-route.ts). */
  readonly routeId?: string;
  readonly status: number;
  readonly latencyMs: number;
  readonly integrationLatencyMs?: number;
  readonly authorizer?: {
    readonly name?: string;
    readonly decision: AuthorizerDecision;
    readonly cached: boolean;
    /** The result came from the function or the cache (false: refused before either). */
    readonly invoked: boolean;
    readonly principalId?: string;
    readonly latencyMs: number;
  };
  readonly apiKey?: string;
  readonly plan?: string;
  readonly throttled?: boolean;
  readonly quotaExceeded?: boolean;
  /** The gateway response type when the gateway answered itself (`UNAUTHORIZED`, `THROTTLED`, ...). */
  readonly gatewayResponse?: string;
}

export interface ObservedMessage {
  readonly headers: readonly (readonly [string, string])[];
  readonly body: string;
  /** `base64` when the body is not UTF-8 text. */
  readonly encoding?: 'base64';
  readonly size: number;
}

export interface RequestDetail extends RequestSummary {
  readonly request: ObservedMessage;
  readonly invocations: readonly {
    readonly functionName: string;
    readonly cold: boolean;
    readonly event: unknown;
    /** The handler's answer: `payload` for `ok`, the error or timeout otherwise. */
    readonly answer: unknown;
  }[];
  readonly response: ObservedMessage;
  readonly accessLogLine?: string;
}

export interface RecordLimits {
  readonly maxBodyBytes: number;
}

/** HTTP API context fields, read structurally: the base never imports a wing (docs/decisions/0012-layout.md). */
interface HttpFields {
  readonly httpApi?: { readonly logicalId: string };
  readonly httpStage?: { readonly name: string };
  readonly routeKey?: string;
  readonly httpRoute?: { readonly authorization: AuthorizationSpec };
}

export function buildRecord(
  seq: number,
  result: ObservedResult,
  invocations: readonly ObservedInvocation[],
  model: GatewayModel,
  limits: RecordLimits,
): RequestDetail {
  const ctx = result.context as RequestContext & HttpFields;
  const { request } = ctx;
  const flavor = ctx.httpApi ? 'HTTP' : ctx.api ? 'REST' : undefined;
  const api = ctx.httpApi?.logicalId ?? ctx.api?.logicalId;
  const stage = ctx.httpStage?.name ?? ctx.stage?.name;
  let route: string | undefined;
  let routeId: string | undefined;
  if (ctx.routeKey && api && stage) {
    route = ctx.routeKey;
    routeId = httpRouteId(api, stage, ctx.routeKey);
  } else if (ctx.route && api && stage) {
    route = `${ctx.route.key.method} ${ctx.route.key.path}`;
    routeId = restRouteId(api, stage, ctx.route.key.method, ctx.route.key.path);
  }
  const key = ctx.apiKey && model.apiKeys.find((k) => k.logicalId === ctx.apiKey?.id);
  const plan =
    key &&
    model.usagePlans.find(
      (p) =>
        p.apiKeyIds.includes(key.logicalId) && p.apiStages.some((s) => s.apiLogicalId === api && s.stage === stage),
    );
  const gatewayResponse = ctx.error?.responseType;
  const authorization = ctx.route?.authorization ?? ctx.httpRoute?.authorization;
  return {
    seq,
    requestId: ctx.requestId,
    time: ctx.requestTimeEpoch,
    ...(flavor && { flavor }),
    ...(api && { api }),
    ...(stage && { stage }),
    method: request.method,
    url: request.rawUrl,
    ...(route && { route, routeId }),
    status: result.response.statusCode,
    latencyMs: ctx.responseLatency ?? Math.round(performance.now() - ctx.startedAt),
    ...(ctx.integration && { integrationLatencyMs: ctx.integration.latency }),
    ...(ctx.authorizer && {
      authorizer: {
        ...(authorization?.kind === 'authorizer' && { name: authorization.authorizer }),
        decision: decisionOf(ctx.authorizer.status),
        cached: ctx.authorizer.cached,
        // Refused before invoking (a missing identity source) is neither a cache hit nor a miss.
        invoked: ctx.authorizer.cached || ctx.authorizer.integrationStatus !== undefined,
        ...(ctx.authorizer.principalId !== undefined && { principalId: ctx.authorizer.principalId }),
        latencyMs: ctx.authorizer.latency,
      },
    }),
    ...(key && { apiKey: key.name }),
    ...(plan && { plan: plan.name }),
    ...(gatewayResponse === 'THROTTLED' && { throttled: true }),
    ...(gatewayResponse === 'QUOTA_EXCEEDED' && { quotaExceeded: true }),
    ...(gatewayResponse && { gatewayResponse }),
    request: message(request.headers, request.body, limits),
    invocations: invocations.map(({ functionName, cold, event, result: answer }) => ({
      functionName,
      cold,
      event: cutBody(event, limits),
      answer: cutBody(answerOf(answer), limits),
    })),
    response: message(result.response.headers, result.response.body, limits),
    ...(result.accessLogLine !== undefined && { accessLogLine: result.accessLogLine }),
  };
}

/** The fields the stream shows, without the bodies. */
export function summaryOf(detail: RequestDetail): RequestSummary {
  const {
    request: _request,
    invocations: _invocations,
    response: _response,
    accessLogLine: _line,
    ...summary
  } = detail;
  return summary;
}

function decisionOf(status: number): AuthorizerDecision {
  if (status === 200) return 'allow';
  if (status === 403) return 'deny';
  if (status === 401) return 'unauthorized';
  return 'error';
}

function answerOf(result: InvokeResult): unknown {
  switch (result.kind) {
    case 'ok':
      return result.payload;
    case 'error':
      return { errorType: result.errorType, errorMessage: result.errorMessage };
    case 'timeout':
      return { errorType: 'Sandbox.Timedout', errorMessage: `Task timed out after ${result.durationMs} ms` };
    case 'unavailable':
      return { errorType: 'Unavailable', errorMessage: result.reason };
  }
}

const truncatedMarker = (size: number) => `…[truncated by Portico: ${size} bytes in all]`;

function message(
  headers: readonly (readonly [string, string])[],
  body: Buffer,
  { maxBodyBytes }: RecordLimits,
): ObservedMessage {
  const cut = body.length > maxBodyBytes;
  const shown = cut ? body.subarray(0, maxBodyBytes) : body;
  // A body that is not UTF-8 is binary: show it as base64 (a cut body may end inside a character: still text).
  const binary = !cut && !isUtf8(shown);
  const rendered = binary
    ? shown.toString('base64')
    : shown.toString('utf8') + (cut ? truncatedMarker(body.length) : '');
  // The header pairs are the request's and the response's own (never changed after the answer): kept, not copied.
  return { headers, body: rendered, size: body.length, ...(binary && { encoding: 'base64' as const }) };
}

/**
 * Events and answers carry the payload in `body`: cut it there (a copy of the top level only, so the
 * event object the handler got is not touched and the common small case costs one length check).
 */
function cutBody(value: unknown, { maxBodyBytes }: RecordLimits): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const body = (value as { body?: unknown }).body;
  if (typeof body !== 'string' || body.length <= maxBodyBytes) return value;
  return { ...value, body: body.slice(0, maxBodyBytes) + truncatedMarker(Buffer.byteLength(body)) };
}
