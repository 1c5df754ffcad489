/**
 * Calls every member of a composite route at once, over HTTP, through the gateway itself: each member is
 * authorized, throttled and logged by API Gateway as the caller's own request would be. Each call has the
 * member timeout; under the `fail` policy the first failure cancels the calls still running.
 */
import type { memberRequestHeaders } from './event-headers';
import type { MemberFailure } from './merge';
import type { CompositePlan, MemberPlan } from './plan';
import { fillPath, fillQueryValue } from './templates';

interface MemberCall {
  readonly name: string;
  readonly route: string;
  /** Milliseconds since the composite started calling, when the request was sent and when it ended. */
  readonly startMs: number;
  readonly endMs: number;
  /** API Gateway's request id of the member request (`x-amzn-RequestId`), to find its access-log line. */
  readonly requestId?: string;
}

export type MemberOutcome =
  | (MemberCall & { readonly kind: 'ok'; readonly status: number; readonly body: unknown })
  | (MemberCall & { readonly kind: 'failed'; readonly failure: MemberFailure });

export interface CallMembersOptions {
  /** The gateway's stage or base-path URL, e.g. `https://abc.execute-api.eu-west-1.amazonaws.com/v2`. */
  readonly baseUrl: string;
  /** Header pairs every member request carries (see `memberRequestHeaders`). */
  readonly headers: ReturnType<typeof memberRequestHeaders>;
  /** The composite request's path parameters, as in the event (URL-encoded). */
  readonly pathParameters: Readonly<Record<string, string>>;
  /** @default globalThis.fetch */
  readonly fetch?: typeof fetch;
  /** Monotonic milliseconds. @default performance.now */
  readonly now?: () => number;
}

/** The member's URL: base, filled path, filled query. */
export function memberUrl(member: MemberPlan, baseUrl: string, pathParameters: Readonly<Record<string, string>>) {
  const query = new URLSearchParams();
  for (const [name, template] of Object.entries(member.query))
    query.append(name, fillQueryValue(template, pathParameters));
  const search = query.toString() === '' ? '' : `?${query}`;
  return `${baseUrl}${fillPath(member.path, pathParameters)}${search}`;
}

/** Calls all members in parallel; the outcomes are in plan order. */
export async function callMembers(plan: CompositePlan, options: CallMembersOptions): Promise<MemberOutcome[]> {
  const fetchMember = options.fetch ?? globalThis.fetch;
  const now = options.now ?? (() => performance.now());
  const origin = now();
  const controllers = plan.members.map(() => new AbortController());
  let failedFirst = false;

  const call = async (member: MemberPlan, index: number): Promise<MemberOutcome> => {
    const controller = controllers[index];
    const base = { name: member.name, route: member.route, startMs: now() - origin };
    const timer = setTimeout(() => controller.abort('timeout'), plan.memberTimeoutMs);
    const end = () => ({ ...base, endMs: now() - origin });
    try {
      const response = await fetchMember(memberUrl(member, options.baseUrl, options.pathParameters), {
        method: member.method,
        headers: options.headers,
        signal: controller.signal,
      });
      const requestId = response.headers.get('x-amzn-requestid') ?? undefined;
      const body = parseBody(await response.text(), response.headers.get('content-type'));
      if (response.status >= 200 && response.status < 300) {
        return { ...end(), requestId, kind: 'ok', status: response.status, body };
      }
      return { ...end(), requestId, kind: 'failed', failure: statusFailure(response.status, body) };
    } catch (error) {
      return { ...end(), kind: 'failed', failure: thrownFailure(error, controller.signal, plan.memberTimeoutMs) };
    } finally {
      clearTimeout(timer);
    }
  };

  return Promise.all(
    plan.members.map(async (member, index) => {
      const outcome = await call(member, index);
      if (outcome.kind === 'failed' && plan.onMemberFailure === 'fail' && !failedFirst) {
        failedFirst = true;
        controllers.forEach((controller, other) => {
          if (other !== index) controller.abort('aborted');
        });
      }
      return outcome;
    }),
  );
}

function parseBody(text: string, contentType: string | null): unknown {
  if (text === '') return null;
  if (!/json/i.test(contentType ?? '') && !/^\s*[[{]/.test(text)) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function statusFailure(status: number, body: unknown): MemberFailure {
  const message =
    typeof body === 'object' && body !== null && typeof (body as { message?: unknown }).message === 'string'
      ? (body as { message: string }).message
      : `HTTP ${status}`;
  return { reason: 'status', status, message };
}

function thrownFailure(error: unknown, signal: AbortSignal, timeoutMs: number): MemberFailure {
  if (signal.aborted && signal.reason === 'timeout') {
    return { reason: 'timeout', message: `No answer within ${timeoutMs} ms` };
  }
  if (signal.aborted) return { reason: 'aborted', message: 'Cancelled: another member failed first' };
  const cause = (error as { cause?: { code?: string } }).cause?.code;
  const detail = error instanceof Error ? error.message : String(error);
  return { reason: 'unreachable', message: cause ? `${detail} (${cause})` : detail };
}
