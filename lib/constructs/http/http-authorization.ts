/**
 * Authorization on the HTTP flavor (AWS docs: "Control access to HTTP APIs with JWT authorizers"; "Control access to HTTP APIs with AWS Lambda authorizers"): JWT authorizers and HTTP API Lambda authorizers
 * (`RouteAuthorization.jwt()` / `.lambda()` build them here), and the translation of the REST-shaped
 * authorizations an HTTP API also accepts (`none`, `iam`, a REST `request` authorizer as payload 1.0).
 */
import type { Duration } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type { HttpAuthorizerSpec, PayloadFormatVersion } from '../../core/http-route-table';
import type { AuthorizationSpec, AuthorizerSpec } from '../../core/route-table';
import { DEFAULT_AUTHORIZER_TTL_SECONDS } from '../../core/route-table';
import type { AuthorizerDefinition } from '../authorizer-definition';

export interface JwtAuthorizationOptions {
  /**
   * The tokens' issuer (`iss`), an https URL; API Gateway reads the signing keys from
   * `<issuer>/.well-known/openid-configuration`. For Cognito: `https://cognito-idp.<region>.amazonaws.com/<poolId>`.
   */
  readonly issuer: string;
  /** Accepted audiences: the token's `aud` (or, for access tokens, `client_id`) must be one of them. */
  readonly audience: string[];
  /**
   * Scopes the token must hold (any one of them) on this route.
   * @default - any valid token
   */
  readonly scopes?: string[];
  /**
   * The authorizer's name (its security scheme name); routes naming the same authorizer share it.
   * @default 'jwt'
   */
  readonly authorizerName?: string;
  /**
   * Where the token is read.
   * @default '$request.header.Authorization'
   */
  readonly identitySource?: string;
}

export interface LambdaAuthorizationOptions {
  /**
   * The authorizer's name (its security scheme name).
   * @default - the function's construct id with its first letter lower-cased
   */
  readonly authorizerName?: string;
  /**
   * Identity sources: `$request.header.<Name>`, `$request.querystring.<name>`, `$context.<variable>`,
   * `$stageVariables.<name>`. They are the cache key; a request missing one gets 401 without invoking.
   * @default ['$request.header.Authorization']
   */
  readonly identitySources?: string[];
  /**
   * The event the function receives (AWS docs: "Control access to HTTP APIs with AWS Lambda authorizers").
   * @default '2.0'
   */
  readonly payloadFormatVersion?: PayloadFormatVersion;
  /**
   * The function returns `{ isAuthorized, context }` instead of an IAM policy (payload 2.0 only).
   * @default - true with payload 2.0, false with 1.0
   */
  readonly simpleResponses?: boolean;
  /**
   * How long API Gateway caches a result per identity source (0 disables caching, at most 1 hour). The cached
   * result serves every route using the authorizer; add `$context.routeKey` to the sources to cache per route.
   * @default Duration.seconds(300)
   */
  readonly resultsCacheTtl?: Duration;
}

/** @internal An HTTP API authorizer, before it is bound to an API. */
export interface HttpAuthorizerDefinition {
  readonly spec: HttpAuthorizerSpec;
  /** The function API Gateway must be allowed to invoke (Lambda authorizers). */
  readonly handler?: lambda.IFunction;
}

/** @internal What `RouteAuthorization.jwt()` holds. */
export function jwtAuthorization(options: JwtAuthorizationOptions): {
  spec: AuthorizationSpec;
  authorizer: HttpAuthorizerDefinition;
} {
  const name = options.authorizerName ?? 'jwt';
  const scopes = options.scopes ?? [];
  return {
    spec: { kind: 'authorizer', authorizer: name, ...(scopes.length === 0 ? {} : { scopes: [...scopes] }) },
    authorizer: {
      spec: {
        name,
        type: 'JWT',
        identitySources: [options.identitySource ?? '$request.header.Authorization'],
        issuer: options.issuer,
        audience: [...options.audience],
      },
    },
  };
}

/** @internal What `RouteAuthorization.lambda()` holds. */
export function lambdaAuthorization(
  handler: lambda.IFunction,
  name: string,
  options: LambdaAuthorizationOptions,
): { spec: AuthorizationSpec; authorizer: HttpAuthorizerDefinition } {
  const payloadFormatVersion = options.payloadFormatVersion ?? '2.0';
  return {
    spec: { kind: 'authorizer', authorizer: name },
    authorizer: {
      spec: {
        name,
        type: 'REQUEST',
        functionArn: handler.functionArn,
        identitySources: [...(options.identitySources ?? ['$request.header.Authorization'])],
        payloadFormatVersion,
        enableSimpleResponses: options.simpleResponses ?? payloadFormatVersion === '2.0',
        resultTtlSeconds: options.resultsCacheTtl?.toSeconds() ?? DEFAULT_AUTHORIZER_TTL_SECONDS,
      },
      handler,
    },
  };
}

/**
 * @internal What the HTTP flavor reads of a `RouteAuthorization` (named here so that this file does not
 * import `../authorization.ts`, which builds HTTP authorizers with the functions above).
 */
export interface AuthorizationParts {
  readonly _spec: AuthorizationSpec;
  readonly _authorizer?: AuthorizerDefinition;
  readonly _httpAuthorizer?: HttpAuthorizerDefinition;
}

/** The HTTP API form of a route's authorization; throws naming the route for REST-only authorizers. */
export function httpAuthorizationOf(
  authorization: AuthorizationParts,
  route: string,
): { spec: AuthorizationSpec; authorizer?: HttpAuthorizerDefinition } {
  if (authorization._httpAuthorizer) return { spec: authorization._spec, authorizer: authorization._httpAuthorizer };
  const rest = authorization._authorizer;
  if (rest === undefined) return { spec: authorization._spec };
  return { spec: authorization._spec, authorizer: fromRestAuthorizer(rest, route) };
}

/**
 * A REST REQUEST authorizer runs unchanged on an HTTP API with payload 1.0: its function gets the same
 * REQUEST event (plus `version`, `identitySource`) and returns the same IAM policy (AWS docs: "Control access to HTTP APIs with AWS Lambda authorizers").
 */
function fromRestAuthorizer(definition: AuthorizerDefinition, route: string): HttpAuthorizerDefinition {
  const spec = definition.spec;
  if (spec.type === 'TOKEN') {
    throw new Error(
      `Route "${route}": TOKEN authorizers ("${spec.name}") exist only on REST APIs. On an HTTP API use ` +
        `RouteAuthorization.lambda(fn, { identitySources: ['$request.header.Authorization'] }) (the function gets ` +
        "the header in identitySource), RouteAuthorization.request(fn) (payload 1.0), or flavor: 'rest'.",
    );
  }
  if (spec.type === 'COGNITO_USER_POOLS') {
    throw new Error(
      `Route "${route}": Cognito user pool authorizers ("${spec.name}") exist only on REST APIs. On an HTTP API use ` +
        "RouteAuthorization.jwt({ issuer: 'https://cognito-idp.<region>.amazonaws.com/<userPoolId>', audience: " +
        "['<app client id>'] }), or flavor: 'rest'.",
    );
  }
  return {
    spec: {
      name: spec.name,
      type: 'REQUEST',
      functionArn: spec.functionArn!,
      identitySources: spec.identitySources.map((source) => httpIdentitySource(source, spec, route)),
      payloadFormatVersion: '1.0',
      enableSimpleResponses: false,
      resultTtlSeconds: spec.resultTtlSeconds,
    },
    handler: definition.handler,
  };
}

/** `method.request.header.X` → `$request.header.X`, `stageVariables.x` → `$stageVariables.x`, `context.x` → `$context.x`. */
function httpIdentitySource(source: string, spec: AuthorizerSpec, route: string): string {
  const request = /^method\.request\.(header|querystring)\.(.+)$/.exec(source);
  if (request) return `$request.${request[1]}.${request[2]}`;
  if (/^(stageVariables|context)\./.test(source)) return `$${source}`;
  throw new Error(
    `Route "${route}": authorizer "${spec.name}" has identity source "${source}", which an HTTP API cannot read; ` +
      'use method.request.header.<Name>, method.request.querystring.<name>, stageVariables.<name> or context.<variable>.',
  );
}

/** The error a REST gateway raises for an HTTP-only authorization (`RouteAuthorization.jwt()` / `.lambda()`). */
export function restRejectsHttpAuthorizer(route: string, authorizer: HttpAuthorizerDefinition): Error {
  const factory = authorizer.spec.type === 'JWT' ? 'RouteAuthorization.jwt()' : 'RouteAuthorization.lambda()';
  const alternative =
    authorizer.spec.type === 'JWT'
      ? 'RouteAuthorization.cognito() or a RouteAuthorization.request() authorizer that verifies the JWT'
      : 'RouteAuthorization.request() or .token()';
  return new Error(
    `Route "${route}": ${factory} ("${authorizer.spec.name}") is an HTTP API authorizer. Set flavor: 'http' on the ` +
      `Gateway, or use ${alternative} on a REST API.`,
  );
}
