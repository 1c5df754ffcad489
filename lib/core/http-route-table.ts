/**
 * The normalized route table of one HTTP API (API Gateway v2). Pure data, no CDK: the constructs build it
 * from the user's props and render it into the API's OpenAPI `Body` (`openapi/render-http-definition.ts`);
 * the synth-time checks in `checks/http-*.ts` read it. ARNs are opaque strings (CDK tokens at synth time).
 */
import { parseRouteKey, type RouteKey } from './route-key';
import type { AuthorizationSpec } from './route-table';

/** The catch-all route of an HTTP API (AWS docs: "Create routes for HTTP APIs"). */
export const DEFAULT_ROUTE_KEY = '$default';
export type DefaultRouteKey = typeof DEFAULT_ROUTE_KEY;

/** Lambda event and response shape (AWS docs: "Create AWS Lambda proxy integrations for HTTP APIs"; "Control access to HTTP APIs with AWS Lambda authorizers"). */
export type PayloadFormatVersion = '1.0' | '2.0';
export const PAYLOAD_FORMAT_VERSIONS: readonly PayloadFormatVersion[] = ['1.0', '2.0'];

export type HttpIntegrationSpec =
  | {
      readonly kind: 'lambda';
      /** Function ARN, or an ARN template with `${stageVariables.name}` (one function per stage). */
      readonly functionArn: string;
      readonly payloadFormatVersion: PayloadFormatVersion;
      /** Integration timeout in milliseconds (50–30000). */
      readonly timeoutMs: number;
    }
  | {
      readonly kind: 'http';
      /** Backend URL; may use the route's `{param}` path variables and `${stageVariables.x}`. */
      readonly url: string;
      /** Method used toward the backend; `ANY` passes the client's method through. */
      readonly method: string;
      readonly timeoutMs: number;
      /** HTTP API parameter mapping: `{ 'overwrite:header.x-user-id': '$context.authorizer.claims.sub' }`. */
      readonly requestParameters: Readonly<Record<string, string>>;
      /** Response mapping by backend status code: `{ '404': { 'overwrite:statuscode': '204' } }`. */
      readonly responseParameters: Readonly<Record<string, Readonly<Record<string, string>>>>;
    };

export interface HttpRouteSpec {
  /** The parsed route key, or `$default`. */
  readonly key: RouteKey | DefaultRouteKey;
  /** `none`, `iam`, or an authorizer by name (scopes only for JWT authorizers). */
  readonly authorization: AuthorizationSpec;
  readonly integration: HttpIntegrationSpec;
}

export type HttpAuthorizerSpec =
  | {
      readonly name: string;
      /** A Lambda authorizer. */
      readonly type: 'REQUEST';
      readonly functionArn: string;
      /** `$request.header.Authorization`, `$request.querystring.token`, `$context.x`, `$stageVariables.x`. */
      readonly identitySources: readonly string[];
      readonly payloadFormatVersion: PayloadFormatVersion;
      /** The function answers `{isAuthorized, context}` instead of an IAM policy (payload 2.0 only). */
      readonly enableSimpleResponses: boolean;
      /** 0 disables caching, at most 3600. */
      readonly resultTtlSeconds: number;
    }
  | {
      readonly name: string;
      /** API Gateway validates the token itself against the issuer's keys. */
      readonly type: 'JWT';
      /** Where the token is read, e.g. `$request.header.Authorization`. */
      readonly identitySources: readonly string[];
      readonly issuer: string;
      readonly audience: readonly string[];
    };

/** `x-amazon-apigateway-cors` (API Gateway answers preflight requests itself). */
export interface HttpCorsSpec {
  readonly allowOrigins: readonly string[];
  readonly allowMethods: readonly string[];
  readonly allowHeaders: readonly string[];
  readonly exposeHeaders: readonly string[];
  readonly allowCredentials: boolean;
  readonly maxAgeSeconds?: number;
}

export interface HttpRouteTable {
  readonly routes: readonly HttpRouteSpec[];
  readonly authorizers: readonly HttpAuthorizerSpec[];
  readonly cors?: HttpCorsSpec;
}

/** HTTP API integration timeout bounds (AWS docs: "Amazon API Gateway quotas"). */
export const MAX_HTTP_INTEGRATION_TIMEOUT_MS = 30_000;
export const MIN_HTTP_INTEGRATION_TIMEOUT_MS = 50;

/** `"GET /users/{id}"`, or `"$default"`. */
export function httpRouteKeyName(key: RouteKey | DefaultRouteKey): string {
  return key === DEFAULT_ROUTE_KEY ? key : `${key.method} ${key.path}`;
}

/** Parses an HTTP API route key: `$default`, or a key `parseRouteKey` accepts (it throws RouteKeyError). */
export function parseHttpRouteKey(routeKey: string): RouteKey | DefaultRouteKey {
  return routeKey.trim() === DEFAULT_ROUTE_KEY ? DEFAULT_ROUTE_KEY : parseRouteKey(routeKey);
}
