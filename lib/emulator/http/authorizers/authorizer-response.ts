/**
 * What an HTTP API Lambda authorizer may answer (AWS docs: "Control access to HTTP APIs with AWS Lambda authorizers"):
 * - payload 2.0 with simple responses: `{isAuthorized: boolean, context?}`;
 * - otherwise an IAM policy `{principalId, policyDocument, context?}`, evaluated against the route ARN.
 * Payload 1.0 follows the REST rules (context values are scalars); 2.0 context values may be any JSON (the
 * developer guide's examples put lists and maps there). Anything else is malformed: 500.
 */
import type { HttpAuthorizerSpec } from '../../../core/http-route-table';
import { type CompiledPolicy, compilePolicy, PolicyDocumentError } from '../../authorization/policy';
import { MalformedAuthorizerResponseError, parseAuthorizerResponse } from '../../authorization/response';
import type { JsonValue } from '../http-context';

export type HttpAuthorizerResult =
  | {
      readonly kind: 'simple';
      readonly isAuthorized: boolean;
      readonly context: Readonly<Record<string, JsonValue>> | null;
    }
  | {
      readonly kind: 'policy';
      readonly principalId: string;
      readonly policy: CompiledPolicy;
      readonly context: Readonly<Record<string, JsonValue>> | null;
    };

type LambdaAuthorizerSpec = Extract<HttpAuthorizerSpec, { type: 'REQUEST' }>;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Throws MalformedAuthorizerResponseError for an answer the authorizer's settings do not allow. */
export function parseHttpAuthorizerResponse(payload: unknown, spec: LambdaAuthorizerSpec): HttpAuthorizerResult {
  if (spec.payloadFormatVersion === '1.0') {
    const result = parseAuthorizerResponse(payload);
    const context = Object.keys(result.context).length > 0 ? { ...result.context } : null;
    return { kind: 'policy', principalId: result.principalId, policy: result.policy, context };
  }
  if (!isObject(payload)) throw new MalformedAuthorizerResponseError('the function must return an object');
  const context = contextOf(payload.context);
  if (spec.enableSimpleResponses) {
    if (typeof payload.isAuthorized !== 'boolean') {
      throw new MalformedAuthorizerResponseError('a simple response needs a boolean isAuthorized');
    }
    return { kind: 'simple', isAuthorized: payload.isAuthorized, context };
  }
  const { principalId, policyDocument } = payload;
  if (typeof principalId !== 'string' && typeof principalId !== 'number') {
    throw new MalformedAuthorizerResponseError(
      'principalId is missing (simple responses are not enabled, so an IAM policy is expected)',
    );
  }
  try {
    return { kind: 'policy', principalId: String(principalId), policy: compilePolicy(policyDocument), context };
  } catch (error) {
    if (error instanceof PolicyDocumentError) throw new MalformedAuthorizerResponseError(error.message);
    throw error;
  }
}

function contextOf(context: unknown): Readonly<Record<string, JsonValue>> | null {
  if (context === undefined || context === null) return null;
  if (!isObject(context)) throw new MalformedAuthorizerResponseError('context must be an object');
  return context as Record<string, JsonValue>;
}
