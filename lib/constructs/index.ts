export { type AccessLogOptions, StageAccessLog } from './access-log';
export { ApiGatewayAccountLoggingRole, type ApiGatewayAccountLoggingRoleProps } from './account-logging-role';
export {
  ApiDomain,
  type ApiDomainMutualTls,
  type ApiDomainProps,
  type ApiMappingTarget,
  type MappableGateway,
} from './api-domain';
export {
  type AuthorizerOptions,
  type CognitoAuthorizationOptions,
  type RequestAuthorizerOptions,
  RouteAuthorization,
  type TokenAuthorizerOptions,
} from './authorization';
export {
  type CompositeMember,
  type CompositeMergeEntry,
  CompositeRoute,
  type CompositeRouteHost,
  type CompositeRouteOptions,
} from './composite-routes';
export { type CustomDomainOptions, GatewayDomain } from './custom-domain';
export { DEFINITION_WARNING_BYTES, definitionBytes, MAX_TEMPLATE_BYTES } from './definition-size';
export { Gateway, type GatewayFlavor, type GatewayProps } from './gateway';
export {
  HTTP_ACCESS_LOG_FORMAT,
  type HttpCorsOptions,
  HttpGateway,
  HttpGatewayDomain,
  type HttpGatewayOptions,
  HttpGatewayStage,
  type JwtAuthorizationOptions,
  type LambdaAuthorizationOptions,
} from './http';
export {
  type AwsServiceIntegrationOptions,
  type BackendIntegrationOptions,
  type HttpIntegrationOptions,
  type LambdaIntegrationOptions,
  type MockIntegrationOptions,
  RouteIntegration,
} from './integrations';
export type {
  ContentHandling,
  IntegrationResponseOptions,
  MappingTemplateOptions,
  PassthroughBehavior,
} from './mapping-templates';
export type { RequestValidationOptions } from './request-validation';
export { countStackResources, MAX_STACK_RESOURCES, STACK_RESOURCES_WARNING } from './resource-budget';
export type { RouteOptions } from './routes';
export {
  type ConsumerOptions,
  GatewayConsumer,
  GatewayUsagePlan,
  methodThrottleKey,
  type UsagePlanOptions,
} from './usage-plans';
export {
  type CanaryOptions,
  type ExecutionLogLevel,
  functionStageVariable,
  GatewayVersion,
  type StageOptions,
  type VersionOptions,
} from './versions';
