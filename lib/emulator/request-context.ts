/**
 * The plain object that flows through the request pipeline (match stage → route → authorize →
 * API key and throttle → integrate → shape the response → access log). Each step reads and fills it.
 */
import type { GatewayError } from '../core/gateway-responses';
import type { RouteSpec } from '../core/route-table';
import type { ApiModel, StageModel } from './model';
import type { ClientCertificate } from './tls/client-certificate';

/** A request as it reached the gateway (the same for the HTTP server and the in-process fetch). */
/** API Gateway's payload limit, both flavors (AWS docs: "Amazon API Gateway quotas"). */
export const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

export interface GatewayRequest {
  readonly method: string;
  /** Path and query exactly as sent (`/v1/users/a%2Fb?x=1`). */
  readonly rawUrl: string;
  /** Header pairs as received: original name casing, duplicates kept, in order. */
  readonly headers: readonly (readonly [string, string])[];
  readonly body: Buffer;
  readonly sourceIp: string;
  readonly protocol: string;
  /** The verified client certificate of a mutual TLS connection (tls/, issue 13). */
  readonly clientCert?: ClientCertificate;
}

export interface GatewayResponse {
  readonly statusCode: number;
  /** Header pairs in order; names as they should be written. */
  readonly headers: readonly (readonly [string, string])[];
  readonly body: Buffer;
}

export type AuthorizerContextValue = string | number | boolean | null;

export interface AuthorizerOutcome {
  readonly principalId?: string;
  /** Context values as the authorizer returned them; stringified when put into the REST event. */
  readonly context: Readonly<Record<string, AuthorizerContextValue>>;
  /** A Cognito user pool authorizer's verified claims, as the REST event's `authorizer.claims` shows them. */
  readonly claims?: Readonly<Record<string, string>>;
  readonly usageIdentifierKey?: string;
  /** Authorizer Lambda latency in ms (0 when served from the cache). */
  readonly integrationLatency: number;
  readonly integrationStatus?: number;
  readonly latency: number;
  readonly status: number;
  readonly error?: string;
  readonly cached: boolean;
}

export interface IntegrationOutcome {
  readonly latency: number;
  readonly status?: number;
  readonly error?: string;
  /** The function error's type (`Runtime.ImportModuleError`, `TypeError`, ...), for the console's explanation. */
  readonly errorType?: string;
  readonly requestId?: string;
}

export interface RequestContext {
  readonly request: GatewayRequest;
  readonly requestId: string;
  readonly extendedRequestId: string;
  readonly requestTimeEpoch: number;
  /** Monotonic start, for latencies. */
  readonly startedAt: number;

  api?: ApiModel;
  stage?: StageModel;
  /** Custom domain base path that matched, when served through a DomainName. */
  basePathMatched?: string;
  domainName: string;
  stageVariables: Readonly<Record<string, string>>;
  isCanaryRequest: boolean;
  /** Request path with the stage (or base path) removed, as sent (not decoded), e.g. `/users/42`. */
  path: string;
  /** Decoded query parameters in order. */
  query: readonly (readonly [string, string])[];

  route?: RouteSpec;
  /** Path parameters, kept URL-encoded (AWS docs: "Amazon API Gateway important notes", docs/aws-behaviour.md, "REST paths"). */
  pathParameters: Readonly<Record<string, string>>;

  authorizer?: AuthorizerOutcome;
  apiKey?: { readonly id: string; readonly value: string };
  integration?: IntegrationOutcome;
  /** `$context.error.validationErrorString`: why request validation failed. */
  validationErrorString?: string;
  /** The gateway error raised by a step, if any; rendered by the response step. */
  error?: GatewayError;
  response?: GatewayResponse;
  responseLatency?: number;
}
