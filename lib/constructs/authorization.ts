/**
 * Who may call a route. Every route carries an explicit choice (DESIGN principle 3): `none()` to make
 * a route public, IAM, a Lambda TOKEN or REQUEST authorizer, or a Cognito user pool authorizer; on the
 * HTTP flavor also a JWT or HTTP API Lambda authorizer (`jwt()`, `lambda()`, built in `http/`).
 * One `RouteAuthorization` object can be reused on many routes; it renders as one authorizer.
 */
import type { Duration } from 'aws-cdk-lib';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type { AuthorizationSpec } from '../core/route-table';
import { DEFAULT_AUTHORIZER_TTL_SECONDS } from '../core/route-table';
import type { AuthorizerDefinition } from './authorizer-definition';
import {
  type HttpAuthorizerDefinition,
  type JwtAuthorizationOptions,
  jwtAuthorization,
  type LambdaAuthorizationOptions,
  lambdaAuthorization,
} from './http/http-authorization';
import { requireList, requireOption, requireOptions } from './required-options';

export interface AuthorizerOptions {
  /**
   * The authorizer's name: its OpenAPI security scheme name and its name in API Gateway.
   * @default - Lambda authorizers: the function's construct id with its first letter lower-cased;
   * Cognito: 'cognito'
   */
  readonly authorizerName?: string;
  /**
   * How long API Gateway caches a result per identity source (0 disables caching, at most 1 hour).
   * A cached policy is reused for every route of the API (AWS docs: "Configure an API Gateway Lambda authorizer"), so it must cover them all.
   * @default Duration.seconds(300)
   */
  readonly resultsCacheTtl?: Duration;
}

export interface TokenAuthorizerOptions extends AuthorizerOptions {
  /**
   * Request header that carries the token.
   * @default 'Authorization'
   */
  readonly headerName?: string;
  /**
   * Regular expression the token must match; API Gateway answers 401 without invoking the function otherwise.
   * @default - no validation
   */
  readonly validationRegex?: string;
}

export interface RequestAuthorizerOptions extends AuthorizerOptions {
  /**
   * Identity sources in API Gateway's form (`method.request.header.Authorization`,
   * `method.request.querystring.token`, `stageVariables.x`, `context.y`; `IdentitySource` from
   * aws-cdk-lib/aws-apigateway builds them). They are the cache key; a request missing one gets 401.
   * @default ['method.request.header.Authorization']
   */
  readonly identitySources?: string[];
}

export interface CognitoAuthorizationOptions extends AuthorizerOptions {
  /**
   * Request header that carries the ID or access token.
   * @default 'Authorization'
   */
  readonly headerName?: string;
  /**
   * OAuth scopes the access token must hold on this route.
   * @default - an ID token (or any access token) is accepted
   */
  readonly scopes?: string[];
}

export type { AuthorizerDefinition };

export class RouteAuthorization {
  /** Anyone may call the route (it may still require an API key). */
  static none(): RouteAuthorization {
    return new RouteAuthorization({ kind: 'none' });
  }

  /** Callers sign requests with SigV4 and need `execute-api:Invoke` on the route. */
  static iam(): RouteAuthorization {
    return new RouteAuthorization({ kind: 'iam' });
  }

  /** A Lambda TOKEN authorizer: the function gets the header value and returns an IAM policy. */
  static token(handler: lambda.IFunction, options: TokenAuthorizerOptions = {}): RouteAuthorization {
    requireOption(
      'RouteAuthorization.token',
      'handler (the authorizer function)',
      handler,
      'RouteAuthorization.token(authorizerFn)',
    );
    const name = options.authorizerName ?? authorizerNameOf(handler);
    return new RouteAuthorization(
      { kind: 'authorizer', authorizer: name },
      {
        spec: {
          name,
          type: 'TOKEN',
          functionArn: handler.functionArn,
          identitySources: [`method.request.header.${options.headerName ?? 'Authorization'}`],
          ...(options.validationRegex === undefined ? {} : { validationExpression: options.validationRegex }),
          resultTtlSeconds: ttlSeconds(options),
        },
        handler,
      },
    );
  }

  /** A Lambda REQUEST authorizer: the function gets headers, query, stage variables and context. */
  static request(handler: lambda.IFunction, options: RequestAuthorizerOptions = {}): RouteAuthorization {
    requireOption(
      'RouteAuthorization.request',
      'handler (the authorizer function)',
      handler,
      'RouteAuthorization.request(authorizerFn)',
    );
    const name = options.authorizerName ?? authorizerNameOf(handler);
    return new RouteAuthorization(
      { kind: 'authorizer', authorizer: name },
      {
        spec: {
          name,
          type: 'REQUEST',
          functionArn: handler.functionArn,
          identitySources: [...(options.identitySources ?? ['method.request.header.Authorization'])],
          resultTtlSeconds: ttlSeconds(options),
        },
        handler,
      },
    );
  }

  /** A Cognito user pool authorizer: API Gateway validates the pool's tokens itself. */
  static cognito(userPools: cognito.IUserPool[], options: CognitoAuthorizationOptions = {}): RouteAuthorization {
    requireList('RouteAuthorization.cognito', 'userPools', userPools, 'RouteAuthorization.cognito([userPool])');
    const name = options.authorizerName ?? 'cognito';
    const scopes = options.scopes ?? [];
    return new RouteAuthorization(
      { kind: 'authorizer', authorizer: name, ...(scopes.length === 0 ? {} : { scopes }) },
      {
        spec: {
          name,
          type: 'COGNITO_USER_POOLS',
          providerArns: userPools.map((pool) => pool.userPoolArn),
          identitySources: [`method.request.header.${options.headerName ?? 'Authorization'}`],
          resultTtlSeconds: ttlSeconds(options),
        },
      },
    );
  }

  /**
   * HTTP flavor only: a JWT authorizer. API Gateway validates the token against the issuer's keys, its
   * audience and expiry, and the route's scopes.
   */
  static jwt(options: JwtAuthorizationOptions): RouteAuthorization {
    requireOptions('RouteAuthorization.jwt', options, {
      issuer: "'https://cognito-idp.eu-west-1.amazonaws.com/<poolId>'",
      audience: "['<app client id>']",
    });
    requireList('RouteAuthorization.jwt', 'audience', options.audience, "['<app client id>']");
    const { spec, authorizer } = jwtAuthorization(options);
    return new RouteAuthorization(spec, undefined, authorizer);
  }

  /**
   * HTTP flavor only: an HTTP API Lambda authorizer (payload 2.0 with simple `{ isAuthorized }` responses by
   * default; payload 1.0 for functions that return IAM policies).
   */
  static lambda(handler: lambda.IFunction, options: LambdaAuthorizationOptions = {}): RouteAuthorization {
    requireOption(
      'RouteAuthorization.lambda',
      'handler (the authorizer function)',
      handler,
      'RouteAuthorization.lambda(authorizerFn)',
    );
    const { spec, authorizer } = lambdaAuthorization(
      handler,
      options.authorizerName ?? authorizerNameOf(handler),
      options,
    );
    return new RouteAuthorization(spec, undefined, authorizer);
  }

  private constructor(
    /** @internal */
    readonly _spec: AuthorizationSpec,
    /** @internal */
    readonly _authorizer?: AuthorizerDefinition,
    /** @internal An HTTP API authorizer (flavor 'http' only). */
    readonly _httpAuthorizer?: HttpAuthorizerDefinition,
  ) {}
}

function ttlSeconds(options: AuthorizerOptions): number {
  return options.resultsCacheTtl?.toSeconds() ?? DEFAULT_AUTHORIZER_TTL_SECONDS;
}

function authorizerNameOf(handler: lambda.IFunction): string {
  const id = handler.node.id.replace(/[^A-Za-z0-9_.-]/g, '') || 'authorizer';
  return id.charAt(0).toLowerCase() + id.slice(1);
}
