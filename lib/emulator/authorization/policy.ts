/**
 * Evaluates the IAM policy a Lambda authorizer returns against the request's method ARN
 * (AWS docs: "Output from an API Gateway Lambda authorizer"): an explicit Deny wins, then an Allow must cover the ARN, else implicit deny.
 * A policy is compiled once (regular expressions for its wildcards) and kept with the cached result,
 * since the cached policy is re-evaluated for every method the caller reaches (AWS docs: "Configure an API Gateway Lambda authorizer").
 */

export type PolicyVerdict = 'allow' | 'deny' | 'implicit-deny';

/** A policy document that cannot be read as one: the authorizer's output is malformed (500). */
export class PolicyDocumentError extends Error {
  constructor(detail: string) {
    super(`Invalid policy document: ${detail}`);
    this.name = 'PolicyDocumentError';
  }
}

interface CompiledStatement {
  readonly effect: 'Allow' | 'Deny';
  readonly actions: readonly RegExp[];
  readonly resources: readonly RegExp[];
}

export interface CompiledPolicy {
  readonly statements: readonly CompiledStatement[];
}

const INVOKE_ACTION = 'execute-api:Invoke';

/**
 * IAM wildcards: `*` any run of characters (across `/` and `:`), `?` one character. Actions compare
 * case-insensitively, resources case-sensitively, as in IAM.
 */
function wildcardPattern(pattern: string, caseInsensitive: boolean): RegExp {
  const source = pattern
    .split('')
    .map((char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[\\^$.|+()[\]{}]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, caseInsensitive ? 'is' : 's');
}

function stringList(value: unknown, field: string): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string')) return value;
  throw new PolicyDocumentError(`${field} must be a string or a non-empty array of strings`);
}

function compileStatement(statement: unknown): CompiledStatement {
  if (typeof statement !== 'object' || statement === null || Array.isArray(statement)) {
    throw new PolicyDocumentError('each Statement must be an object');
  }
  const { Effect, Action, Resource } = statement as Record<string, unknown>;
  if (Effect !== 'Allow' && Effect !== 'Deny') throw new PolicyDocumentError('Effect must be "Allow" or "Deny"');
  return {
    effect: Effect,
    actions: stringList(Action, 'Action').map((action) => wildcardPattern(action, true)),
    resources: stringList(Resource, 'Resource').map((resource) => wildcardPattern(resource, false)),
  };
}

/** Reads a policy document (`Statement` an object or an array); throws PolicyDocumentError when malformed. */
export function compilePolicy(policyDocument: unknown): CompiledPolicy {
  if (typeof policyDocument !== 'object' || policyDocument === null || Array.isArray(policyDocument)) {
    throw new PolicyDocumentError('policyDocument must be an object');
  }
  const statement = (policyDocument as Record<string, unknown>).Statement;
  if (statement === undefined || statement === null) throw new PolicyDocumentError('Statement is missing');
  const statements = Array.isArray(statement) ? statement : [statement];
  return { statements: statements.map(compileStatement) };
}

export function evaluateCompiledPolicy(policy: CompiledPolicy, methodArn: string): PolicyVerdict {
  let allowed = false;
  for (const statement of policy.statements) {
    const applies =
      statement.actions.some((action) => action.test(INVOKE_ACTION)) &&
      statement.resources.some((resource) => resource.test(methodArn));
    if (!applies) continue;
    if (statement.effect === 'Deny') return 'deny';
    allowed = true;
  }
  return allowed ? 'allow' : 'implicit-deny';
}

/** One-shot evaluation of a policy document; throws PolicyDocumentError when it is malformed. */
export function evaluatePolicy(policyDocument: unknown, methodArn: string): PolicyVerdict {
  return evaluateCompiledPolicy(compilePolicy(policyDocument), methodArn);
}
