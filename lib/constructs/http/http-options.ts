/**
 * The settings only the HTTP flavor has (`GatewayProps.http`), apart from the HTTP gateway construct so that
 * the shared `GatewayProps` can name them without importing the flavor's code.
 */
import type { Duration } from 'aws-cdk-lib';
import type { PayloadFormatVersion } from '../../core/http-route-table';
import type { ThrottleSettings } from '../../core/throttle-settings';

export interface HttpCorsOptions {
  /** Origins allowed to call the API from a browser (`https://app.example.com`, or `*`). */
  readonly allowOrigins: string[];
  /**
   * Methods allowed in cross-origin requests (`GET`, `POST`, or `*`).
   * @default - none listed
   */
  readonly allowMethods?: string[];
  /**
   * Request headers allowed in cross-origin requests (`authorization`, `content-type`, or `*`).
   * @default - none listed
   */
  readonly allowHeaders?: string[];
  /**
   * Response headers browsers may read.
   * @default - none
   */
  readonly exposeHeaders?: string[];
  /**
   * Allow cookies and `Authorization` on cross-origin requests (not with the origin `*`).
   * @default false
   */
  readonly allowCredentials?: boolean;
  /**
   * How long browsers cache a preflight answer.
   * @default - browsers' own default
   */
  readonly maxAge?: Duration;
}

/** Settings only the HTTP flavor has (`GatewayProps.http`). */
export interface HttpGatewayOptions {
  /**
   * The event Lambda integrations receive and the response they return (AWS docs: "Create AWS Lambda proxy integrations for HTTP APIs"). Functions
   * written for REST (`APIGatewayProxyEvent`) need '1.0'.
   * @default '2.0'
   */
  readonly payloadFormatVersion?: PayloadFormatVersion;
  /**
   * Payload format per service (`{ users: '1.0' }`), overriding `payloadFormatVersion`.
   * @default - payloadFormatVersion for every service
   */
  readonly servicePayloadFormatVersions?: Record<string, PayloadFormatVersion>;
  /**
   * CORS: API Gateway answers preflight requests itself and adds the CORS headers to responses.
   * @default - no CORS
   */
  readonly cors?: HttpCorsOptions;
  /**
   * Throttles of single routes on every stage (stage `RouteSettings`), keyed by route key (`'POST /orders'`);
   * other routes use the stage throttle.
   * @default - none
   */
  readonly routeThrottles?: Record<string, ThrottleSettings>;
}
