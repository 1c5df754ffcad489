/**
 * The object that flows through the HTTP API pipeline. It extends the REST `RequestContext`, so the parts
 * both flavors share (request, ids, times, stage variables, path and query, authorizer and integration
 * outcomes, error, response) are read the same way by the servers, the CLI and tests; the REST-only model
 * fields (`api`, `stage`, `route`) stay unset and the HTTP API ones live beside them.
 */
import type { HttpRouteSpec } from '../../core/http-route-table';
import type { HttpApiModel, HttpStageModel } from '../model';
import type { RequestContext } from '../request-context';

/** JSON as a Lambda authorizer may return it in `context` (2.0 allows arrays and maps, AWS docs: "Control access to HTTP APIs with AWS Lambda authorizers"). */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** What an authorizer let through, as the integration event and the access log show it. */
export type HttpAuthorizerGrant =
  | {
      readonly kind: 'lambda';
      /** `principalId` of an IAM-policy response. */
      readonly principalId?: string;
      /** The returned `context`, JSON types kept; null when none was returned. */
      readonly context: Readonly<Record<string, JsonValue>> | null;
    }
  | {
      readonly kind: 'jwt';
      /** Claims as API Gateway passes them on: every value a string (as in events captured from AWS, docs/aws-behaviour.md, "Captured events"). */
      readonly claims: Readonly<Record<string, string>>;
      /** The token's `scope`/`scp` values; null when the token has none. */
      readonly scopes: readonly string[] | null;
    };

export interface HttpRequestContext extends RequestContext {
  httpApi?: HttpApiModel;
  httpStage?: HttpStageModel;
  httpRoute?: HttpRouteSpec;
  /** `"GET /items/{id}"` or `"$default"` once a route matched. */
  routeKey?: string;
  /** The request path exactly as sent, stage or base path included (`rawPath`, AWS docs: "Create AWS Lambda proxy integrations for HTTP APIs"). */
  rawPath: string;
  /** The query string as sent, without `?` (`rawQueryString`). */
  rawQueryString: string;
  /** `x-amzn-trace-id` passed to the integration (`Root=1-<epoch hex>-<24 hex>`). */
  readonly traceId: string;
  grant?: HttpAuthorizerGrant;
  /** `requestContext.authorizer.iam` of a SigV4-signed request on an `AWS_IAM` route (signature not verified). */
  iamCaller?: Readonly<Record<string, string | null>>;
  /** Status code the integration answered with (`$context.integration.status`); `integration.status` holds Lambda's. */
  integrationResponseStatus?: number;
  /** Set when API Gateway answered a CORS preflight itself (no route took it). */
  preflight?: boolean;
  /** `WWW-Authenticate` challenge of a refused JWT, added to the 401/403 answer. */
  challenge?: string;
}
