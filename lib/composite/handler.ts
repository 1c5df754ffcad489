/**
 * The composite route's Lambda handler (REST payload 1.0, AWS docs: "Lambda proxy integrations in API Gateway"): call the members in
 * parallel through the gateway as the caller, apply the failure policy, merge, and report each member's
 * latency. `aggregator.ts` builds it from the bundled plan and merge module; tests build it directly.
 */
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { gatewayBaseUrl } from './base-url';
import { callMembers, type MemberOutcome } from './call-members';
import { COMPOSITE_MARKER_HEADER, headerOf, memberRequestHeaders } from './event-headers';
import { memberTimings, timingHeaders } from './member-timings';
import type { CompositeMergeFunction, MemberFailure } from './merge';
import type { CompositePlan } from './plan';

export interface CompositeHandlerOptions {
  /** @default globalThis.fetch */
  readonly fetch?: typeof fetch;
  /** Receives the one log line per request. @default console.log */
  readonly log?: (line: string) => void;
  /** Monotonic milliseconds. @default performance.now */
  readonly now?: () => number;
}

export type CompositeHandler = (event: APIGatewayProxyEvent) => Promise<APIGatewayProxyResult>;

export function createCompositeHandler(
  plan: CompositePlan,
  merge: CompositeMergeFunction,
  options: CompositeHandlerOptions = {},
): CompositeHandler {
  const log = options.log ?? ((line: string) => console.log(line));

  return async (event) => {
    if (headerOf(event, COMPOSITE_MARKER_HEADER) !== undefined) {
      // A composite reached from another composite (e.g. through a greedy member route) would fan out
      // without bound; the construct forbids it at synth, this guards what synth cannot see.
      return json(508, { message: `Composite route ${plan.route} cannot be a member of another composite route` });
    }
    const pathParameters = event.pathParameters ?? {};
    const outcomes = await callMembers(plan, {
      baseUrl: gatewayBaseUrl(event),
      headers: memberRequestHeaders(event, plan.route),
      pathParameters: Object.fromEntries(
        Object.entries(pathParameters).flatMap(([k, v]) => (v === undefined ? [] : [[k, v]])),
      ),
      fetch: options.fetch,
      now: options.now,
    });
    const timings = memberTimings(outcomes);
    const result = await answer(plan, merge, outcomes, decodedParameters(pathParameters));
    log(
      JSON.stringify({
        composite: plan.route,
        requestId: event.requestContext?.requestId,
        status: result.statusCode,
        ...(result.mergeError === undefined ? {} : { mergeError: result.mergeError }),
        members: timings,
      }),
    );
    return {
      statusCode: result.statusCode,
      headers: { 'content-type': 'application/json', ...timingHeaders(timings) },
      body: JSON.stringify(result.body),
    };
  };
}

interface Answer {
  readonly statusCode: number;
  readonly body: unknown;
  readonly mergeError?: string;
}

async function answer(
  plan: CompositePlan,
  merge: CompositeMergeFunction,
  outcomes: readonly MemberOutcome[],
  pathParameters: Readonly<Record<string, string>>,
): Promise<Answer> {
  const errors = failuresOf(outcomes);
  const failed = Object.keys(errors);
  const succeeded = outcomes.filter((outcome) => outcome.kind === 'ok');
  if (failed.length > 0 && (plan.onMemberFailure === 'fail' || succeeded.length === 0)) {
    const names = failed.map((name) => `"${name}"`).join(', ');
    const message = `Composite ${plan.route}: member${failed.length > 1 ? 's' : ''} ${names} failed`;
    return { statusCode: 502, body: { message, errors } };
  }
  const results = Object.fromEntries(succeeded.map((outcome) => [outcome.name, outcome.body]));
  let merged: unknown;
  try {
    merged = await merge({ results, errors, pathParameters });
  } catch (error) {
    // A defect in the merge function: logged, never shown to the client (as API Gateway hides Lambda errors).
    const mergeError = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return { statusCode: 500, body: { message: 'Internal server error' }, mergeError };
  }
  if (failed.length > 0 && isPlainObject(merged) && !('errors' in merged)) merged = { ...merged, errors };
  return { statusCode: 200, body: merged ?? null };
}

/**
 * Failed members by name. Under `fail`, members cancelled because another failed first are not errors
 * of their own: the 502 names the member that failed.
 */
function failuresOf(outcomes: readonly MemberOutcome[]): Record<string, MemberFailure> {
  const failures = outcomes.flatMap((outcome) => (outcome.kind === 'failed' ? [outcome] : []));
  const own = failures.filter((outcome) => outcome.failure.reason !== 'aborted');
  return Object.fromEntries((own.length > 0 ? own : failures).map((outcome) => [outcome.name, outcome.failure]));
}

function decodedParameters(parameters: APIGatewayProxyEvent['pathParameters']): Record<string, string> {
  const decoded: Record<string, string> = {};
  for (const [name, value] of Object.entries(parameters ?? {})) {
    if (value === undefined) continue;
    try {
      decoded[name] = decodeURIComponent(value);
    } catch {
      decoded[name] = value;
    }
  }
  return decoded;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function json(statusCode: number, body: unknown): APIGatewayProxyResult {
  return { statusCode, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}
