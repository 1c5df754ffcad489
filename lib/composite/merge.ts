/**
 * How member answers become the composite's body. By default each member is a named field
 * (`{ user, orders, recommendations }`); a user-written merge function can shape it instead:
 *
 * ```ts
 * // overview-merge.ts, given as merge: { entry: 'overview-merge.ts' }
 * import type { CompositeMergeFunction } from 'portico/lib/composite/merge';
 * export const merge: CompositeMergeFunction = ({ results }) => ({ ...(results.user as object), orders: results.orders });
 * ```
 */

/** Why a member is reported as failed. */
export type MemberFailureReason =
  /** It answered with a status outside 2xx (its own error, or the gateway's: 401, 403, 429, 5xx). */
  | 'status'
  /** It did not answer within the composite's member timeout. */
  | 'timeout'
  /** The request could not be sent or its answer not read. */
  | 'unreachable'
  /** Another member failed first under the `fail` policy, so this one was cancelled. */
  | 'aborted';

export interface MemberFailure {
  readonly reason: MemberFailureReason;
  /** The member's HTTP status, when it answered. */
  readonly status?: number;
  /** The member's `message` (API Gateway's and the example services' error shape), or a description. */
  readonly message: string;
}

export interface CompositeMergeInput {
  /** Bodies of the members that answered 2xx, by member name: parsed JSON, or the text when not JSON. */
  readonly results: Readonly<Record<string, unknown>>;
  /** Members that failed, by name (only under the `partial` policy; `fail` answers 502 before merging). */
  readonly errors: Readonly<Record<string, MemberFailure>>;
  /** The composite request's path parameters, URL-decoded. */
  readonly pathParameters: Readonly<Record<string, string>>;
}

/** A merge function: returns the composite's JSON body. It may be async. */
export type CompositeMergeFunction = (input: CompositeMergeInput) => unknown;

/** The default merge: one field per member that answered. */
export const mergeFields: CompositeMergeFunction = ({ results }) => ({ ...results });

/**
 * The merge function of a bundled merge module: its `merge` export, else its default export.
 * Checked at cold start so a wrong module fails loudly instead of on the first request.
 */
export function mergeFunctionOf(module: {
  readonly merge?: unknown;
  readonly default?: unknown;
}): CompositeMergeFunction {
  const candidate = module.merge ?? module.default;
  if (typeof candidate !== 'function') {
    throw new Error('Composite merge module must export a function named "merge" (or a default export)');
  }
  return candidate as CompositeMergeFunction;
}
