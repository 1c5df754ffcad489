/**
 * The props of `Gateway`, shared by both flavors: the REST gateway (`gateway.ts`) and the HTTP gateway
 * (`http/http-gateway.ts`, `http/rest-only-features.ts`) read them; this file imports neither.
 */
import type { ApiKeySource } from '../core/route-table';
import type { RouteAuthorization } from './authorization';
import type { CustomDomainOptions } from './custom-domain';
import type { HttpGatewayOptions } from './http/http-options';
import type { RouteOptions } from './routes';
import type { ConsumerOptions, UsagePlanOptions } from './usage-plans';
import type { StageOptions, VersionOptions } from './versions';

/** REST API (API Gateway v1) or HTTP API (v2); docs/decisions/0009. */
export type GatewayFlavor = 'rest' | 'http';

export interface GatewayProps {
  /**
   * Which kind of API the gateway is. `'http'` synthesizes one HTTP API (API Gateway v2) whose stages are the
   * versions; REST-only settings (usage plans, API keys, canaries, ...) then fail the synth, naming an alternative.
   * @default 'rest'
   */
  readonly flavor?: GatewayFlavor;
  /**
   * Settings only the HTTP flavor has: payload format, CORS, per-route throttles.
   * @default - none
   */
  readonly http?: HttpGatewayOptions;
  /**
   * Name of the REST APIs; each version's API is named `<restApiName>-<version>`. HTTP flavor: the HTTP API's name.
   * @default - the construct id
   */
  readonly restApiName?: string;
  /**
   * Description of the REST APIs.
   * @default - none
   */
  readonly description?: string;
  /**
   * Routes by route key (`'GET /users/{id}'`, `'ANY /search/{proxy+}'`); more with `addRoute()`.
   * @default - none
   */
  readonly routes?: Record<string, RouteOptions>;
  /**
   * Authorization of every route that does not name its own.
   * @default - none: every route must name its authorization, or the synth fails naming the route
   */
  readonly defaultAuthorization?: RouteAuthorization;
  /**
   * Whether routes require an API key unless they say otherwise.
   * @default false
   */
  readonly apiKeyRequired?: boolean;
  /**
   * Where API Gateway reads the API key: the `x-api-key` header, or the `usageIdentifierKey` a Lambda
   * authorizer returns.
   * @default 'HEADER'
   */
  readonly apiKeySource?: ApiKeySource;
  /**
   * Media types API Gateway treats as binary (e.g. `image/png`, `*\/*`).
   * @default - none
   */
  readonly binaryMediaTypes?: string[];
  /**
   * API versions by name (each one REST API with one stage of that name).
   * @default { v1: {} }
   */
  readonly versions?: Record<string, VersionOptions>;
  /**
   * Stage settings for every version (a version's own settings take precedence).
   * @default - see StageOptions: JSON access logs kept one month, no stage throttle, no execution logs
   */
  readonly stageOptions?: StageOptions;
  /**
   * Usage plans (tiers) by name; more with `addUsagePlan()`.
   * @default - none
   */
  readonly usagePlans?: Record<string, UsagePlanOptions>;
  /**
   * API key holders by name, each assigned to one usage plan; more with `addConsumer()`.
   * @default - none
   */
  readonly consumers?: Record<string, ConsumerOptions>;
  /**
   * A custom domain with a base path per version.
   * @default - only the execute-api URLs
   */
  readonly domain?: CustomDomainOptions;
}
