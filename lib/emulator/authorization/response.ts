/**
 * Reads what a REST Lambda authorizer returned (AWS docs: "Output from an API Gateway Lambda authorizer"):
 * `{principalId, policyDocument, context?, usageIdentifierKey?}`. Anything else is a malformed
 * response, which API Gateway answers with 500 AuthorizerConfigurationException.
 */
import type { AuthorizerContextValue } from '../request-context';
import { type CompiledPolicy, compilePolicy, PolicyDocumentError } from './policy';

/** An authorizer's answer as the cache keeps it: the policy compiled, ready to meet any method ARN. */
export interface AuthorizerResult {
  readonly principalId: string;
  readonly policy: CompiledPolicy;
  readonly context: Readonly<Record<string, AuthorizerContextValue>>;
  readonly usageIdentifierKey?: string;
}

export class MalformedAuthorizerResponseError extends Error {
  constructor(detail: string) {
    super(`Malformed authorizer response: ${detail}`);
    this.name = 'MalformedAuthorizerResponseError';
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Context values may be strings, numbers or booleans ("you cannot set a JSON object or array"); null is kept. */
function readContext(context: unknown): Record<string, AuthorizerContextValue> {
  if (context === undefined || context === null) return {};
  if (!isObject(context)) throw new MalformedAuthorizerResponseError('context must be an object');
  const values: Record<string, AuthorizerContextValue> = {};
  for (const [key, value] of Object.entries(context)) {
    if (value === undefined) continue;
    if (value !== null && typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      throw new MalformedAuthorizerResponseError(
        `context.${key} is ${Array.isArray(value) ? 'an array' : `a ${typeof value}`}: only strings, numbers and booleans are allowed`,
      );
    }
    values[key] = value;
  }
  return values;
}

export function parseAuthorizerResponse(payload: unknown): AuthorizerResult {
  if (!isObject(payload)) throw new MalformedAuthorizerResponseError('the function must return an object');
  const { principalId, policyDocument, context, usageIdentifierKey } = payload;
  if (typeof principalId !== 'string' && typeof principalId !== 'number') {
    throw new MalformedAuthorizerResponseError('principalId is missing');
  }
  if (policyDocument === undefined || policyDocument === null) {
    throw new MalformedAuthorizerResponseError('policyDocument is missing');
  }
  let policy: CompiledPolicy;
  try {
    policy = compilePolicy(policyDocument);
  } catch (error) {
    if (error instanceof PolicyDocumentError) throw new MalformedAuthorizerResponseError(error.message);
    throw error;
  }
  return {
    principalId: String(principalId),
    policy,
    context: readContext(context),
    ...(typeof usageIdentifierKey === 'string' && { usageIdentifierKey }),
  };
}
