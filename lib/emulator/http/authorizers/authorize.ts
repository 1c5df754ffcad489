/**
 * The authorize step of the HTTP API pipeline: the route's authorization decides between nothing, IAM
 * (SigV4), a Lambda authorizer and a JWT authorizer. Each fills `ctx.authorizer` (for logs and the CLI) and,
 * when it lets the request through, `ctx.grant` (what the integration event carries); refusals throw.
 */
import type { Clock } from '../../../core/clock';
import type { HttpAuthorizerSpec } from '../../../core/http-route-table';
import type { AuthorizationSpec } from '../../../core/route-table';
import type { LambdaInvoker } from '../../lambda/invoker';
import type { GatewayObserver } from '../../observe/observer';
import type { AuthorizerOutcome } from '../../request-context';
import { httpAccessLogVariables } from '../access-log';
import type { HttpRequestContext } from '../http-context';
import { httpError } from '../http-errors';
import { compileHttpIdentitySource } from './identity-sources';
import { JwksResolver } from './jwks';
import { stringifyClaims, tokenOf, verifyJwt } from './jwt';
import { createLambdaAuthorizer } from './lambda-authorizer';

export interface HttpAuthorizeDeps {
  readonly invoker: LambdaInvoker;
  readonly clock: Clock;
  readonly region: string;
  readonly accountId: string;
  /** Issuer → JWKS file path or URL, for JWT authorizers. @default - discovered from each issuer */
  readonly jwks?: Readonly<Record<string, string>>;
  /** Most answers kept per Lambda authorizer. @default 10000 */
  readonly cacheSize?: number;
  /** Shown each Lambda authorizer's cache (the dashboard). @default - none */
  readonly observer?: GatewayObserver;
}

export type HttpAuthorizeStep = (ctx: HttpRequestContext, authorization: AuthorizationSpec) => Promise<void>;

type JwtAuthorizerSpec = Extract<HttpAuthorizerSpec, { type: 'JWT' }>;

const SIGV4 = 'AWS4-HMAC-SHA256';

export function createHttpAuthorizeStep(deps: HttpAuthorizeDeps): HttpAuthorizeStep {
  const runLambda = createLambdaAuthorizer(deps);
  const jwks = new JwksResolver({ jwks: deps.jwks });
  const warnedIssuers = new Set<string>();

  async function runJwt(ctx: HttpRequestContext, spec: JwtAuthorizerSpec, scopes: readonly string[]): Promise<void> {
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
    // The token is read from the first identity source (API Gateway allows one for JWT authorizers).
    const source = spec.identitySources[0] ?? '$request.header.Authorization';
    const value = compileHttpIdentitySource(source)(ctx, contextLookup(ctx));
    if (value === undefined) {
      record({ status: 401, error: 'Missing identity source' });
      throw httpError('UNAUTHORIZED');
    }
    const verdict = await verifyJwt(
      tokenOf(value),
      spec,
      () =>
        jwks.keysFor(spec.issuer).catch((error: Error) => {
          if (!warnedIssuers.has(spec.issuer)) {
            warnedIssuers.add(spec.issuer);
            process.emitWarning(`portico: JWT authorizer "${spec.name}": ${error.message}; requests are refused`);
          }
          throw error;
        }),
      deps.clock.now(),
      scopes,
    );
    if (!verdict.ok) {
      const error = verdict.status === 403 ? 'insufficient_scope' : 'invalid_token';
      ctx.challenge = `Bearer scope="${scopes.join(' ')}" error="${error}" error_description="${verdict.description}"`;
      record({ status: verdict.status, error: verdict.description });
      throw httpError(verdict.status === 403 ? 'ACCESS_DENIED' : 'UNAUTHORIZED');
    }
    const claims = stringifyClaims(verdict.claims);
    record({ status: 200, principalId: claims.sub });
    ctx.grant = { kind: 'jwt', claims, scopes: verdict.scopes };
  }

  function contextLookup(ctx: HttpRequestContext): (name: string) => string | undefined {
    let lookup: ((name: string) => string | undefined) | undefined;
    return (name) => {
      lookup ??= httpAccessLogVariables(ctx, {
        accountId: deps.accountId,
        status: 0,
        responseLength: 0,
        responseLatency: 0,
      });
      return lookup(name);
    };
  }

  return async (ctx, authorization) => {
    switch (authorization.kind) {
      case 'none':
        return;
      case 'iam':
        return authorizeSigV4(ctx, deps.accountId);
      case 'authorizer': {
        const spec = ctx.httpApi?.table.authorizers.find((candidate) => candidate.name === authorization.authorizer);
        if (!spec) throw httpError('AUTHORIZER_CONFIGURATION_ERROR');
        if (spec.type === 'JWT') return runJwt(ctx, spec, authorization.scopes ?? []);
        return runLambda(ctx, spec, contextLookup(ctx));
      }
    }
  };
}

/**
 * `AWS_IAM` routes: the emulator holds no credentials to check a signature against, so it checks only that
 * the request is SigV4-signed and reports the access key it names; an unsigned request is refused (403).
 */
function authorizeSigV4(ctx: HttpRequestContext, accountId: string): void {
  let authorization: string | undefined;
  for (const [name, value] of ctx.request.headers) if (name.toLowerCase() === 'authorization') authorization = value;
  const presigned = ctx.query.some(([name, value]) => name === 'X-Amz-Algorithm' && value === SIGV4);
  if (!authorization?.startsWith(SIGV4) && !presigned) throw httpError('ACCESS_DENIED');
  const credential =
    /Credential=([^/,\s]+)/.exec(authorization ?? '')?.[1] ??
    ctx.query.find(([name]) => name === 'X-Amz-Credential')?.[1].split('/')[0] ??
    null;
  ctx.iamCaller = {
    accessKey: credential,
    accountId,
    callerId: null,
    cognitoIdentity: null,
    principalOrgId: null,
    userArn: null,
    userId: null,
  };
}
