/**
 * The member plan of one composite route (docs/decisions/0007): what the construct writes into the
 * aggregator's environment and the aggregator reads once, at cold start. Plain JSON with route templates
 * only, no CDK tokens: the function must not reference its REST API, or function and API would depend on
 * each other. Where the gateway is comes from each request instead (`base-url.ts`).
 */

/** Environment variable holding the plan as JSON. */
export const COMPOSITE_PLAN_VARIABLE = 'PORTICO_COMPOSITE_PLAN';

/** Package name the aggregator imports its merge function from; the bundler aliases it to a real module. */
export const MERGE_MODULE_ALIAS = 'portico-composite-merge';

/**
 * What a member failure does to the composite's answer: `fail` answers 502 naming the member; `partial`
 * answers with the other members and an `errors` entry for each failed one.
 */
export type MemberFailurePolicy = 'fail' | 'partial';

export interface MemberPlan {
  /** The member's name: its field in the merged body and its key in `errors`. */
  readonly name: string;
  /** The route the member calls, as declared (`GET /users/{id}`), for logs and messages. */
  readonly route: string;
  /** Method of the member request (GET; an `ANY` route is called with GET). */
  readonly method: string;
  /**
   * Path below the stage or base path. `{name}` stands for the composite's path parameter `name`
   * (`/users/{id}`); every other character is sent as written.
   */
  readonly path: string;
  /** Query parameters; values are templates like `path` (`{ userId: '{id}' }`). */
  readonly query: Readonly<Record<string, string>>;
}

export interface CompositePlan {
  /** The composite route's key, e.g. `GET /users/{id}/overview`. */
  readonly route: string;
  readonly members: readonly MemberPlan[];
  readonly onMemberFailure: MemberFailurePolicy;
  /** How long the aggregator waits for each member. */
  readonly memberTimeoutMs: number;
}

/** Reads the plan from its JSON form; throws naming what is wrong (a cold-start error surfaces as a 502). */
export function parseCompositePlan(json: string | undefined): CompositePlan {
  if (json === undefined || json === '') {
    throw new Error(`Composite aggregator misconfigured: environment variable ${COMPOSITE_PLAN_VARIABLE} is not set`);
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new Error(`Composite aggregator misconfigured: ${COMPOSITE_PLAN_VARIABLE} is not valid JSON`);
  }
  const plan = record(value, 'the plan');
  const members = plan.members;
  if (!Array.isArray(members) || members.length === 0) throw planError('members must be a non-empty array');
  const policy = plan.onMemberFailure;
  if (policy !== 'fail' && policy !== 'partial') throw planError('onMemberFailure must be "fail" or "partial"');
  const timeout = plan.memberTimeoutMs;
  if (typeof timeout !== 'number' || !(timeout > 0)) throw planError('memberTimeoutMs must be a positive number');
  return {
    route: text(plan.route, 'route'),
    members: members.map((member, index) => {
      const fields = record(member, `members[${index}]`);
      const query = record(fields.query, `members[${index}].query`);
      return {
        name: text(fields.name, `members[${index}].name`),
        route: text(fields.route, `members[${index}].route`),
        method: text(fields.method, `members[${index}].method`),
        path: text(fields.path, `members[${index}].path`),
        query: Object.fromEntries(
          Object.entries(query).map(([key, v]) => {
            if (typeof v !== 'string') throw planError(`members[${index}].query.${key} must be a string`);
            return [key, v];
          }),
        ),
      };
    }),
    onMemberFailure: policy,
    memberTimeoutMs: timeout,
  };
}

function planError(detail: string): Error {
  return new Error(`Composite aggregator misconfigured: ${COMPOSITE_PLAN_VARIABLE}: ${detail}`);
}

function record(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw planError(`${what} must be an object`);
  return value as Record<string, unknown>;
}

function text(value: unknown, what: string): string {
  if (typeof value !== 'string' || value === '') throw planError(`${what} must be a non-empty string`);
  return value;
}
