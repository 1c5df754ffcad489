/**
 * An HTTP API Lambda authorizer (AWS docs: "Control access to HTTP APIs with AWS Lambda authorizers"): read the identity sources (any missing: 401 without
 * invoking), reuse a cached answer or invoke the function with a 1.0 or 2.0 event, then allow or refuse.
 *
 * Caching: the key is the identity-source values (and the stage), so by default one answer serves every
 * route that uses the authorizer; putting `$context.routeKey` among the identity sources makes it per
 * route. A cached IAM policy is re-evaluated against each route ARN; a cached simple answer allows or
 * denies every route alike. TTL 0, or no identity source, disables the cache.
 */
import type { Clock } from '../../../core/clock';
import type { HttpAuthorizerSpec } from '../../../core/http-route-table';
import { AuthorizerCache } from '../../authorization/cache';
import { evaluateCompiledPolicy } from '../../authorization/policy';
import { MalformedAuthorizerResponseError } from '../../authorization/response';
import type { LambdaInvoker } from '../../lambda/invoker';
import type { GatewayObserver } from '../../observe/observer';
import type { AuthorizerContextValue, AuthorizerOutcome } from '../../request-context';
import type { HttpRequestContext, JsonValue } from '../http-context';
import { httpError } from '../http-errors';
import { buildHttpAuthorizerEventV1, buildHttpAuthorizerEventV2, routeArn } from './authorizer-events';
import { type HttpAuthorizerResult, parseHttpAuthorizerResponse } from './authorizer-response';
import { compileHttpIdentitySource, type HttpIdentitySourceReader } from './identity-sources';

/** HTTP API Lambda authorizers time out after 10 seconds (AWS docs: "Amazon API Gateway quotas"). */
export const HTTP_AUTHORIZER_DEADLINE_MS = 10_000;

export type LambdaAuthorizerSpec = Extract<HttpAuthorizerSpec, { type: 'REQUEST' }>;

export interface LambdaAuthorizerDeps {
  readonly invoker: LambdaInvoker;
  readonly clock: Clock;
  readonly region: string;
  readonly accountId: string;
  /** Most answers kept per authorizer. @default 10000 */
  readonly cacheSize?: number;
  /** Shown each authorizer's cache when it is created (the dashboard). @default - none */
  readonly observer?: GatewayObserver;
}

export type RunLambdaAuthorizer = (
  ctx: HttpRequestContext,
  spec: LambdaAuthorizerSpec,
  contextVariable: (name: string) => string | undefined,
) => Promise<void>;

interface CompiledAuthorizer {
  readonly readers: readonly HttpIdentitySourceReader[];
  readonly cache: AuthorizerCache<HttpAuthorizerResult>;
}

export function createLambdaAuthorizer(deps: LambdaAuthorizerDeps): RunLambdaAuthorizer {
  const compiledAuthorizers = new WeakMap<LambdaAuthorizerSpec, CompiledAuthorizer>();

  function compiled(spec: LambdaAuthorizerSpec, api: string): CompiledAuthorizer {
    let entry = compiledAuthorizers.get(spec);
    if (!entry) {
      const ttl = spec.identitySources.length > 0 ? spec.resultTtlSeconds : 0;
      entry = {
        readers: spec.identitySources.map(compileHttpIdentitySource),
        cache: new AuthorizerCache<HttpAuthorizerResult>(ttl, deps.clock, deps.cacheSize),
      };
      compiledAuthorizers.set(spec, entry);
      deps.observer?.authorizerCache({ api, authorizer: spec.name, ttlSeconds: ttl }, entry.cache);
    }
    return entry;
  }

  return async (ctx, spec, contextVariable) => {
    const startedAt = deps.clock.now();
    const record = (fields: Partial<AuthorizerOutcome> & Pick<AuthorizerOutcome, 'status'>): void => {
      ctx.authorizer = {
        context: {},
        integrationLatency: 0,
        cached: false,
        ...fields,
        latency: deps.clock.now() - startedAt,
      };
    };
    const authorizer = compiled(spec, ctx.httpApi?.logicalId ?? '');
    const values = authorizer.readers.map((read) => read(ctx, contextVariable));
    if (values.some((value) => value === undefined)) {
      record({ status: 401, error: 'Missing identity source' });
      throw httpError('UNAUTHORIZED');
    }
    const identityValues = values as string[];
    const arn = routeArn(ctx, deps.region, deps.accountId);
    const cacheKey = `${ctx.httpStage?.name ?? ''}\n${JSON.stringify(identityValues)}`;
    let result = authorizer.cache.get(cacheKey);
    const cached = result !== undefined;
    let integrationLatency = 0;
    let integrationStatus: number | undefined;

    if (!result) {
      const options = { region: deps.region, accountId: deps.accountId, identityValues };
      const event =
        spec.payloadFormatVersion === '1.0'
          ? buildHttpAuthorizerEventV1(ctx, options)
          : buildHttpAuthorizerEventV2(ctx, options);
      const invocation = await deps.invoker.invoke(spec.functionArn, event, {
        deadlineMs: HTTP_AUTHORIZER_DEADLINE_MS,
      });
      integrationLatency = 'durationMs' in invocation ? invocation.durationMs : 0;
      integrationStatus = invocation.kind === 'ok' || invocation.kind === 'error' ? 200 : undefined;
      const failure = { integrationLatency, integrationStatus };
      if (invocation.kind === 'error' && invocation.errorMessage === 'Unauthorized') {
        record({ ...failure, status: 401, error: 'Unauthorized' });
        throw httpError('UNAUTHORIZED');
      }
      if (invocation.kind !== 'ok') {
        const error =
          invocation.kind === 'error'
            ? `${invocation.errorType}: ${invocation.errorMessage}`
            : invocation.kind === 'timeout'
              ? `The authorizer timed out after ${invocation.durationMs} ms`
              : invocation.reason;
        record({ ...failure, status: 500, error });
        throw httpError('AUTHORIZER_FAILURE');
      }
      try {
        result = parseHttpAuthorizerResponse(invocation.payload, spec);
      } catch (error) {
        if (!(error instanceof MalformedAuthorizerResponseError)) throw error;
        record({ ...failure, status: 500, error: error.message });
        throw httpError('AUTHORIZER_CONFIGURATION_ERROR');
      }
      authorizer.cache.set(cacheKey, result);
    }

    const principalId = result.kind === 'policy' ? result.principalId : undefined;
    const granted = {
      principalId,
      context: scalarContext(result.context),
      integrationLatency,
      integrationStatus,
      cached,
    };
    const allowed =
      result.kind === 'simple' ? result.isAuthorized : evaluateCompiledPolicy(result.policy, arn) === 'allow';
    if (!allowed) {
      record({ ...granted, status: 403, error: 'The authorizer denied the request' });
      throw httpError('ACCESS_DENIED');
    }
    record({ ...granted, status: 200 });
    ctx.grant = { kind: 'lambda', ...(principalId !== undefined && { principalId }), context: result.context };
  };
}

/** The shared outcome keeps scalars; lists and maps are carried there as JSON text (the grant keeps them whole). */
function scalarContext(context: Readonly<Record<string, JsonValue>> | null): Record<string, AuthorizerContextValue> {
  const values: Record<string, AuthorizerContextValue> = {};
  for (const [key, value] of Object.entries(context ?? {})) {
    values[key] = typeof value === 'object' && value !== null ? JSON.stringify(value) : value;
  }
  return values;
}
