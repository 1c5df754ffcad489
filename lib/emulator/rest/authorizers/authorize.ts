/**
 * The authorize step of the REST pipeline (AWS docs: "Input to an API Gateway Lambda authorizer"; "Output from an API Gateway Lambda authorizer"; "Configure an API Gateway Lambda authorizer"): read the identity sources, refuse
 * early without invoking when they are missing or fail validation, invoke the Lambda authorizer (or reuse
 * its cached result), evaluate the returned policy against this request's method ARN, and record the
 * outcome in `ctx.authorizer` for the event and the access log. Failures throw a GatewayError.
 */
import type { Clock } from '../../../core/clock';
import { GatewayError } from '../../../core/gateway-responses';
import type { AuthorizationSpec, AuthorizerSpec } from '../../../core/route-table';
import { AuthorizerCache } from '../../authorization/cache';
import { CognitoKeys } from '../../authorization/cognito-pools';
import { evaluateCompiledPolicy } from '../../authorization/policy';
import {
  type AuthorizerResult,
  MalformedAuthorizerResponseError,
  parseAuthorizerResponse,
} from '../../authorization/response';
import type { LambdaInvoker } from '../../lambda/invoker';
import type { ApiModel } from '../../model';
import type { GatewayObserver } from '../../observe/observer';
import type { AuthorizerOutcome, RequestContext } from '../../request-context';
import { accessLogVariables } from '../access-log';
import { verifyCognitoToken } from './cognito';
import { buildRequestAuthorizerEvent, buildTokenAuthorizerEvent, methodArn } from './events';
import { authorizeIam } from './iam';
import { compileIdentitySource, type IdentitySourceReader, tokenHeaderName } from './identity-sources';

/** API Gateway waits at most 29 seconds for an authorizer, like for an integration (AWS docs: "Amazon API Gateway quotas"). */
export const AUTHORIZER_DEADLINE_MS = 29_000;

const EXPLICIT_DENY_MESSAGE = 'User is not authorized to access this resource with an explicit deny';
const IMPLICIT_DENY_MESSAGE = 'User is not authorized to access this resource';

export interface AuthorizeDeps {
  readonly invoker: LambdaInvoker;
  readonly clock: Clock;
  readonly region: string;
  readonly accountId: string;
  /** Most results kept per authorizer. @default 10000 */
  readonly cacheSize?: number;
  /** Keys of Cognito user pools (`--cognito-jwks`, `--trust-local-tokens`). @default - none: every token refused */
  readonly cognito?: CognitoKeys;
  /** Shown each authorizer's cache when it is created (the dashboard). @default - none */
  readonly observer?: GatewayObserver;
}

/**
 * Accepts the route's authorization (`none`, `iam`, or an authorizer by name, looked up in the API's
 * table) or an authorizer spec directly.
 */
export type AuthorizeStep = (ctx: RequestContext, authorization: AuthorizationSpec | AuthorizerSpec) => Promise<void>;

interface CompiledAuthorizer {
  readonly spec: AuthorizerSpec;
  readonly readers: readonly IdentitySourceReader[];
  readonly usesContextVariables: boolean;
  /** TOKEN only, anchored: API Gateway matches the whole token. */
  readonly validation?: RegExp;
  readonly cache: AuthorizerCache<AuthorizerResult>;
}

export function createAuthorizeStep(deps: AuthorizeDeps): AuthorizeStep {
  const { invoker, clock, region, accountId } = deps;
  const compiledAuthorizers = new WeakMap<AuthorizerSpec, CompiledAuthorizer>();
  const authorizersByApi = new WeakMap<ApiModel, ReadonlyMap<string, AuthorizerSpec>>();
  const cognitoKeys = deps.cognito ?? new CognitoKeys();

  // Compiled on first use and kept: identity-source readers, the validation expression and the cache.
  function compiled(spec: AuthorizerSpec, api: ApiModel | undefined): CompiledAuthorizer {
    let entry = compiledAuthorizers.get(spec);
    if (!entry) {
      const sources =
        spec.type === 'REQUEST'
          ? spec.identitySources
          : [`method.request.header.${tokenHeaderName(spec.identitySources)}`];
      entry = {
        spec,
        readers: sources.map(compileIdentitySource),
        usesContextVariables: sources.some((source) => source.trim().startsWith('context.')),
        validation:
          spec.type === 'TOKEN' && spec.validationExpression
            ? new RegExp(`^(?:${spec.validationExpression})$`)
            : undefined,
        cache: new AuthorizerCache<AuthorizerResult>(spec.resultTtlSeconds, clock, deps.cacheSize),
      };
      compiledAuthorizers.set(spec, entry);
      deps.observer?.authorizerCache(
        { api: api?.logicalId ?? '', authorizer: spec.name, ttlSeconds: spec.resultTtlSeconds },
        entry.cache,
      );
    }
    return entry;
  }

  function authorizerNamed(api: ApiModel | undefined, name: string): AuthorizerSpec | undefined {
    if (!api) return undefined;
    let byName = authorizersByApi.get(api);
    if (!byName) {
      byName = new Map(api.table.authorizers.map((spec) => [spec.name, spec]));
      authorizersByApi.set(api, byName);
    }
    return byName.get(name);
  }

  async function runAuthorizer(ctx: RequestContext, spec: AuthorizerSpec, scopes?: readonly string[]): Promise<void> {
    const startedAt = clock.now();
    const record = (fields: Partial<AuthorizerOutcome> & Pick<AuthorizerOutcome, 'status'>): void => {
      ctx.authorizer = {
        context: {},
        integrationLatency: 0,
        cached: false,
        ...fields,
        latency: clock.now() - startedAt,
      };
    };
    const refuse = (error: string): never => {
      record({ status: 401, error });
      throw new GatewayError('UNAUTHORIZED');
    };

    const authorizer = compiled(spec, ctx.api);
    let contextVariable: ((name: string) => string | undefined) | undefined;
    const lookupContext = (name: string): string | undefined => {
      contextVariable ??= accessLogVariables(ctx, { accountId, status: 0, responseLength: 0, responseLatency: 0 });
      return contextVariable(name);
    };
    const values = authorizer.readers.map((read) => read(ctx, lookupContext));

    if (spec.type === 'COGNITO_USER_POOLS') {
      const token = values[0];
      if (token === undefined) return refuse('Missing authorization token');
      const verdict = await verifyCognitoToken(token, spec.providerArns ?? [], cognitoKeys, clock.now(), scopes);
      if (!verdict.ok) return refuse(verdict.error);
      return record({ status: 200, claims: verdict.claims });
    }

    // Missing identity sources mean 401 without an invocation; a REQUEST authorizer without caching
    // makes them optional (AWS docs: "Output from an API Gateway Lambda authorizer").
    const cacheEnabled = authorizer.cache.enabled;
    if ((spec.type === 'TOKEN' || cacheEnabled) && values.some((value) => value === undefined)) {
      refuse('Missing identity source');
    }
    const token = values[0] ?? '';
    if (authorizer.validation && !authorizer.validation.test(token))
      refuse('Token does not match the validation expression');

    const arn = methodArn(ctx, region, accountId);
    // The stage is part of the key: a method ARN names its stage, so one stage's result says nothing of another's.
    const cacheKey = `${ctx.stage?.name ?? ''}\n${spec.type === 'TOKEN' ? token : JSON.stringify(values)}`;
    let result = cacheEnabled ? authorizer.cache.get(cacheKey) : undefined;
    const cached = result !== undefined;
    let integrationLatency = 0;
    let integrationStatus: number | undefined;

    if (!result) {
      if (!spec.functionArn) {
        record({ status: 500, error: 'The authorizer has no function' });
        throw new GatewayError('AUTHORIZER_CONFIGURATION_ERROR');
      }
      const options = { methodArn: arn, accountId };
      const event =
        spec.type === 'TOKEN' ? buildTokenAuthorizerEvent(token, options) : buildRequestAuthorizerEvent(ctx, options);
      const invocation = await invoker.invoke(spec.functionArn, event, { deadlineMs: AUTHORIZER_DEADLINE_MS });
      integrationLatency = 'durationMs' in invocation ? invocation.durationMs : 0;
      integrationStatus = invocation.kind === 'ok' || invocation.kind === 'error' ? 200 : undefined;
      const failure = { integrationLatency, integrationStatus };

      if (invocation.kind === 'error' && invocation.errorMessage === 'Unauthorized') {
        record({ ...failure, status: 401, error: 'Unauthorized' });
        throw new GatewayError('UNAUTHORIZED');
      }
      if (invocation.kind !== 'ok') {
        const error =
          invocation.kind === 'error'
            ? `${invocation.errorType}: ${invocation.errorMessage}`
            : invocation.kind === 'timeout'
              ? `The authorizer timed out after ${invocation.durationMs} ms`
              : invocation.reason;
        record({ ...failure, status: 500, error });
        throw new GatewayError('AUTHORIZER_CONFIGURATION_ERROR');
      }
      try {
        result = parseAuthorizerResponse(invocation.payload);
      } catch (error) {
        if (!(error instanceof MalformedAuthorizerResponseError)) throw error;
        record({ ...failure, status: 500, error: error.message });
        throw new GatewayError('AUTHORIZER_CONFIGURATION_ERROR');
      }
      // The whole result is cached, Deny included, and re-evaluated against each later method ARN (AWS docs: "Configure an API Gateway Lambda authorizer").
      authorizer.cache.set(cacheKey, result);
    }

    const granted = {
      principalId: result.principalId,
      context: result.context,
      ...(result.usageIdentifierKey !== undefined && { usageIdentifierKey: result.usageIdentifierKey }),
      integrationLatency,
      integrationStatus,
      cached,
    };
    const verdict = evaluateCompiledPolicy(result.policy, arn);
    if (verdict !== 'allow') {
      const message = verdict === 'deny' ? EXPLICIT_DENY_MESSAGE : IMPLICIT_DENY_MESSAGE;
      record({ ...granted, status: 403, error: message });
      throw new GatewayError('ACCESS_DENIED', message);
    }
    record({ ...granted, status: 200 });
  }

  return async (ctx, authorization) => {
    if ('type' in authorization) return runAuthorizer(ctx, authorization);
    switch (authorization.kind) {
      case 'none':
        return;
      case 'iam':
        return authorizeIam(ctx);
      case 'authorizer': {
        const spec = authorizerNamed(ctx.api, authorization.authorizer);
        if (!spec) throw new GatewayError('AUTHORIZER_CONFIGURATION_ERROR');
        return runAuthorizer(ctx, spec, authorization.scopes);
      }
    }
  };
}
