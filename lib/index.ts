/** Portico's construct library (what a CDK app imports at synth time): the constructs, the access log presets and the core vocabulary they use. The emulator is `portico/testing`. */
export type {
  CompositeMergeFunction,
  CompositeMergeInput,
  MemberFailure,
  MemberFailureReason,
} from './composite/merge';
export type { CompositePlan, MemberFailurePolicy, MemberPlan } from './composite/plan';
export * from './constructs';
export type { AuthorizerDefinition } from './constructs/authorizer-definition';
export type { DefinitionSource } from './constructs/definition-asset';
export type { HttpAuthorizerDefinition } from './constructs/http/http-authorization';
export type { HttpGatewayProps } from './constructs/http/http-gateway';
export type { HttpGatewayStageProps } from './constructs/http/http-stage';
export type { IntegrationTarget } from './constructs/integrations';
export type { GatewayConsumerProps, GatewayUsagePlanProps, PlanApiStage } from './constructs/usage-plans';
export type { GatewayVersionProps } from './constructs/versions';
export { ACCESS_LOG_FORMATS, type AccessLogFormatName } from './core/access-log-formats';
export type { DeploymentHashInput } from './core/deployment-hash';
export type {
  DefaultRouteKey,
  HttpAuthorizerSpec,
  HttpCorsSpec,
  HttpIntegrationSpec,
  HttpRouteSpec,
  HttpRouteTable,
  PayloadFormatVersion,
} from './core/http-route-table';
export { DEFAULT_ROUTE_KEY } from './core/http-route-table';
export type { ExportedApi } from './core/openapi/export';
export { exportOpenApi, type OpenApiExportOptions } from './core/openapi/export';
export type {
  ErrorBodySchema,
  ExportedOpenApiDocument,
  ExportedOperation,
  ExportedPathItem,
  ExportedResponse,
  ServerObject,
  ServerVariable,
  SharedResponse,
} from './core/openapi/export-document';
// Types that appear in the public signatures above, exported so that users can name them.
export type {
  AuthorizerExtension,
  GatewayResponseExtension,
  IntegrationExtension,
  IntegrationResponse,
  MethodResponse,
  OpenApiDocument,
  Operation,
  Parameter,
  PathItem,
  SecurityRequirement,
  SecurityScheme,
} from './core/openapi/openapi-document';
export type { PublicSecurityScheme } from './core/openapi/public-security';
export type {
  HttpAuthorizerExtension,
  HttpCorsExtension,
  HttpIntegrationExtension,
  HttpOpenApiDocument,
  HttpOperation,
  HttpPathItem,
  HttpSecurityScheme,
} from './core/openapi/render-http-definition';
export type { HttpMethod, PathSegment, RouteKey } from './core/route-key';
export { HTTP_METHODS } from './core/route-key';
export type {
  ApiKeySource,
  AuthorizationSpec,
  AuthorizerSpec,
  AuthorizerType,
  IntegrationSpec,
  RouteSpec,
  RouteTable,
} from './core/route-table';
export type { QuotaPeriod, QuotaSettings, ThrottleSettings } from './core/throttle-settings';
export type { IntegrationMapping, IntegrationResponseSpec, RequestValidationSpec } from './core/transformation';
export type { ApiKeySpec, UsagePlanSpec } from './core/usage-plan-spec';
