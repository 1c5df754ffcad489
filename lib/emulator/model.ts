/**
 * What the emulator knows after loading a cloud assembly: plain data, built once at start by the
 * assembly loader (`assembly/`), read by every step of the request pipeline. No CDK imports.
 */

import type { GatewayResponseType } from '../core/gateway-responses';
import type { HttpRouteTable } from '../core/http-route-table';
import type { RouteSpec, RouteTable } from '../core/route-table';
import type { QuotaSettings, ThrottleSettings } from '../core/throttle-settings';

export interface GatewayModel {
  readonly apis: readonly ApiModel[];
  /** HTTP APIs (API Gateway v2), served by their own pipeline (`http/`). */
  readonly httpApis: readonly HttpApiModel[];
  /** Every Lambda function in the assembly, by its canonical ARN. */
  readonly functions: ReadonlyMap<string, FunctionModel>;
  readonly usagePlans: readonly UsagePlanModel[];
  readonly apiKeys: readonly ApiKeyModel[];
  readonly domains: readonly DomainModel[];
  /** Resources the emulator cannot serve, reported once at start; requests to them get AWS's 5xx. */
  readonly unsupported: readonly UnsupportedResource[];
}

export interface UnsupportedResource {
  /** Construct path (`aws:cdk:path` metadata) or `Stack/LogicalId`. */
  readonly path: string;
  readonly reason: string;
}

export interface ApiModel {
  readonly stackName: string;
  readonly logicalId: string;
  /** Stable local stand-in for the API id (10 lowercase characters derived from the logical id). */
  readonly apiId: string;
  readonly name: string;
  /** Route table with ARNs resolved to canonical strings (see `FunctionModel.arn`). */
  readonly table: RouteTable;
  readonly stages: readonly StageModel[];
  /** `AWS::ApiGateway::GatewayResponse` overrides by type. */
  readonly gatewayResponses: Readonly<Partial<Record<GatewayResponseType, GatewayResponseOverride>>>;
}

export interface GatewayResponseOverride {
  readonly statusCode?: number;
  readonly responseParameters: Readonly<Record<string, string>>;
  readonly responseTemplates: Readonly<Record<string, string>>;
}

/** An API's gateway-response overrides by response type, as read from the template or definition. */
export type GatewayResponseOverrides = Partial<Record<GatewayResponseType, GatewayResponseOverride>>;

export interface MethodSetting {
  /** `/users/{id}` or `*` for all. */
  readonly resourcePath: string;
  /** `GET` or `*`. */
  readonly httpMethod: string;
  readonly throttle?: Partial<ThrottleSettings>;
}

export interface StageModel {
  readonly name: string;
  readonly variables: Readonly<Record<string, string>>;
  readonly deploymentId: string;
  readonly accessLog?: { readonly format: string; readonly destinationArn: string };
  readonly methodSettings: readonly MethodSetting[];
  readonly canary?: {
    readonly percentTraffic: number;
    readonly stageVariableOverrides: Readonly<Record<string, string>>;
  };
}

export interface FunctionModel {
  readonly logicalId: string;
  /** Canonical ARN: `arn:aws:lambda:<region>:<account>:function:<name>`. Qualified ARNs map here too. */
  readonly arn: string;
  readonly functionName: string;
  /** `aws:cdk:path` of the function, for messages. */
  readonly path: string;
  readonly runtime: string;
  /** `file.export`, as in the template. */
  readonly handler: string;
  /** Absolute directory of the code asset, when the code is an asset. */
  readonly codeDirectory?: string;
  /** Inline code (`Code.ZipFile`). */
  readonly inlineCode?: string;
  readonly environment: Readonly<Record<string, string>>;
  readonly timeoutSeconds: number;
  readonly memorySize: number;
  /** Directories of its layers (`Layers`), in order: what Lambda extracts into `/opt`. */
  readonly layers?: readonly string[];
  /** `ReservedConcurrentExecutions`: at most this many execution environments at once. */
  readonly reservedConcurrency?: number;
  /** Why it cannot run locally (unsupported runtime, missing asset); undefined when it can. */
  readonly unsupportedReason?: string;
}

export interface UsagePlanApiStage {
  readonly apiLogicalId: string;
  readonly stage: string;
  /** Per-method overrides keyed `"/path/METHOD"` (root is `"//GET"`), as API Gateway stores them. */
  readonly throttle: Readonly<Record<string, Partial<ThrottleSettings>>>;
}

export interface UsagePlanModel {
  readonly logicalId: string;
  readonly name: string;
  readonly apiStages: readonly UsagePlanApiStage[];
  readonly throttle?: Partial<ThrottleSettings>;
  readonly quota?: QuotaSettings;
  /** Logical ids of the API keys in this plan. */
  readonly apiKeyIds: readonly string[];
}

export interface ApiKeyModel {
  readonly logicalId: string;
  readonly name: string;
  readonly value: string;
  /** True when the template gave no value and the emulator generated one (print it at start). */
  readonly generated: boolean;
  readonly enabled: boolean;
}

export interface DomainModel {
  readonly domainName: string;
  /** The template's `SecurityPolicy` (`TLS_1_2`, `SecurityPolicy_TLS13_1_3_2025_09`, ...), when it sets one. */
  readonly securityPolicy?: string;
  /** Mutual TLS (AWS docs: "How to turn on mutual TLS authentication for your REST APIs in API Gateway"). */
  readonly mutualTls?: {
    readonly truststoreUri: string;
    readonly truststoreVersion?: string;
    /** The truststore file in the cloud assembly, when the URI names one of its file assets. */
    readonly truststoreFile?: string;
  };
  readonly mappings: readonly { readonly basePath: string; readonly apiLogicalId: string; readonly stage: string }[];
}

/** An HTTP API (API Gateway v2, `ProtocolType: HTTP`), from its OpenAPI `Body` or its Route/Integration resources. */
export interface HttpApiModel {
  readonly stackName: string;
  /** Model id, unique in the assembly (qualified with the stack name when another stack reuses it). */
  readonly logicalId: string;
  /** Stable local stand-in for the API id (10 lowercase characters derived from the logical id). */
  readonly apiId: string;
  readonly name: string;
  /** Routes and authorizers with ARNs resolved to canonical strings. */
  readonly table: HttpRouteTable;
  readonly stages: readonly HttpStageModel[];
}

export interface HttpStageModel {
  /** `$default` (served at the root) or a name (served under `/{name}`), AWS docs: "Stages for HTTP APIs". */
  readonly name: string;
  readonly variables: Readonly<Record<string, string>>;
  readonly accessLog?: { readonly format: string; readonly destinationArn: string };
  /** `DefaultRouteSettings` throttle: the limits of every route without its own. */
  readonly defaultRouteThrottle?: Partial<ThrottleSettings>;
  /** `RouteSettings` throttles by route key (`GET /items/{id}`, `$default`). */
  readonly routeThrottles: Readonly<Record<string, Partial<ThrottleSettings>>>;
}

export type { RouteSpec };
