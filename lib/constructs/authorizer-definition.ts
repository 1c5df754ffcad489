/**
 * The authorizer behind a `RouteAuthorization`, shared by both flavors: `authorization.ts` builds it and
 * the REST and HTTP gateways (`http/http-authorization.ts`) read it; this file imports neither.
 */
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type { AuthorizerSpec } from '../core/route-table';

/** @internal The authorizer behind an authorization, before it is bound to an API. */
export interface AuthorizerDefinition {
  readonly spec: AuthorizerSpec;
  /** The function API Gateway must be allowed to invoke (Lambda authorizers). */
  readonly handler?: lambda.IFunction;
}
