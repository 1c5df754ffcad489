/**
 * One API as `portico verify` compares it: the same normalized shape whether it was described from the
 * synthesized template (`describe-expected.ts`) or read from a deployed API with the AWS SDK
 * (`read-http-api.ts`, `read-rest-api.ts`). Only what a deploy can drift on is kept; ids that API Gateway
 * makes up (route, integration, authorizer ids) are replaced by what they point at.
 */

export type ApiFlavor = 'http' | 'rest';

/** API Gateway's `authorizationType` values (v2: `CUSTOM` is a Lambda authorizer, `JWT` a JWT authorizer). */
export type AuthorizationType = 'NONE' | 'AWS_IAM' | 'CUSTOM' | 'JWT' | 'COGNITO_USER_POOLS';

export interface ThrottleDescription {
  readonly rateLimit?: number;
  readonly burstLimit?: number;
}

export type IntegrationDescription =
  | {
      readonly kind: 'lambda';
      /**
       * The function's name (the last part of its ARN), or the stage-variable template that names it
       * (`${stageVariables.usersFunction}`); compared with `sameFunctionName`.
       */
      readonly functionName: string;
      /** HTTP APIs only. */
      readonly payloadFormatVersion?: string;
    }
  | { readonly kind: 'http'; readonly url: string; readonly method: string }
  | { readonly kind: 'mock' }
  /** An integration type `portico` does not declare (AWS service, VPC link), read from a deployed API. */
  | { readonly kind: 'other'; readonly type: string; readonly uri?: string };

export interface RouteDescription {
  /** `GET /users/{id}`, `ANY /search/{proxy+}`, `$default`. */
  readonly routeKey: string;
  readonly authorizationType: AuthorizationType;
  /** Name of the authorizer, for `CUSTOM`, `JWT` and `COGNITO_USER_POOLS`. */
  readonly authorizer?: string;
  /** Sorted. */
  readonly scopes: readonly string[];
  /** REST only (HTTP APIs have no API keys). */
  readonly apiKeyRequired?: boolean;
  readonly integration: IntegrationDescription;
}

export interface AuthorizerDescription {
  readonly name: string;
  /** `JWT` or `REQUEST` on HTTP APIs; `TOKEN`, `REQUEST` or `COGNITO_USER_POOLS` on REST APIs. */
  readonly type: string;
  /** In the order API Gateway keeps them (it is part of the cache key). */
  readonly identitySources: readonly string[];
  /** Lambda authorizers: the function's name, as for integrations. */
  readonly functionName?: string;
  /** Lambda authorizers. */
  readonly resultTtlSeconds?: number;
  readonly payloadFormatVersion?: string;
  readonly enableSimpleResponses?: boolean;
  /** JWT authorizers. */
  readonly issuer?: string;
  /** JWT authorizers; sorted. */
  readonly audience?: readonly string[];
  /** Cognito authorizers: user pool ARNs, sorted. */
  readonly providerArns?: readonly string[];
  /** REST TOKEN authorizers. */
  readonly validationExpression?: string;
}

export interface StageDescription {
  readonly name: string;
  readonly variables: Readonly<Record<string, string>>;
  /** The access log format; undefined when the stage writes no access log. */
  readonly accessLogFormat?: string;
  /** Where the access log goes (a log group ARN); compared by log group name. */
  readonly accessLogDestination?: string;
  /** The throttle of every route without its own (v2 `DefaultRouteSettings`, v1 method setting `*\/*`). */
  readonly defaultThrottle?: ThrottleDescription;
  /** Per-route throttles by route key (`POST /orders`). */
  readonly routeThrottles: Readonly<Record<string, ThrottleDescription>>;
  /** REST canary: percent of traffic. */
  readonly canaryPercent?: number;
}

/** REST only: a usage plan as it applies to this API. */
export interface UsagePlanDescription {
  readonly name: string;
  readonly throttle?: ThrottleDescription;
  readonly quota?: { readonly limit: number; readonly period: string; readonly offset?: number };
  /** Stage names of this API that the plan covers, sorted, with per-method throttles by route key. */
  readonly stages: Readonly<Record<string, Readonly<Record<string, ThrottleDescription>>>>;
}

export interface ApiDescription {
  readonly flavor: ApiFlavor;
  readonly name: string;
  /** By route key. */
  readonly routes: Readonly<Record<string, RouteDescription>>;
  /** By name. */
  readonly authorizers: Readonly<Record<string, AuthorizerDescription>>;
  /** By stage name. */
  readonly stages: Readonly<Record<string, StageDescription>>;
  /** REST only, by plan name. */
  readonly usagePlans?: Readonly<Record<string, UsagePlanDescription>>;
}

/**
 * The function a Lambda ARN (or an API Gateway invocation URI that wraps one) names: `name`, or `name:qualifier`
 * for an alias or version. Anything else (a stage-variable template) is returned as it is.
 */
export function functionNameOf(arnOrUri: string): string {
  const invocation = /\/functions\/(.+)\/invocations$/.exec(arnOrUri);
  const arn = invocation ? invocation[1] : arnOrUri;
  const parts = arn.split(':');
  if (parts[0] === 'arn' && parts[5] === 'function' && parts.length >= 7) return parts.slice(6).join(':');
  return arn;
}
