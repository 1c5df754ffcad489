/**
 * `portico/testing`: the emulator for jest and the dev server. Load a synthesized stack or a `cdk.out`
 * directory and send it requests in-process (`LocalGateway`), or serve it on a port. Kept apart from the
 * package root so that a CDK app's synth never loads the emulator, JWT verification or worker code.
 */
export type { Clock } from './core/clock';
export type { GatewayError, GatewayResponseType } from './core/gateway-responses';
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
export type { HttpMethod, PathSegment, RouteKey } from './core/route-key';
// Types that appear in the public signatures above, exported so that users can name them.
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
export type {
  ContentHandling,
  IntegrationMapping,
  IntegrationResponseSpec,
  PassthroughBehavior,
  RequestValidationSpec,
} from './core/transformation';
export { explainFailure, type FailureExplanation, type UnservableMethod, unservableMethods } from './emulator/advice';
export { type StackLike, synthesizeToAssembly } from './emulator/assembly';
export {
  type CognitoOptions,
  type CognitoPool,
  poolOf,
  poolOfArn,
  poolOfIssuer,
} from './emulator/authorization/cognito-pools';
export { type CognitoTokenOptions, mintCognitoToken } from './emulator/authorization/cognito-token';
export { type LocalTokenOptions, signLocalToken } from './emulator/authorization/local-token-key';
export type { HttpAuthorizerGrant, HttpRequestContext, JsonValue } from './emulator/http/http-context';
export {
  type FunctionAwsEnvironment,
  type FunctionCredentials,
  type ResolveAwsEnvironmentOptions,
  type ResolvedAwsEnvironment,
  resolveAwsEnvironment,
} from './emulator/lambda/aws-credentials';
export type { InvokeOptions, InvokeResult, LambdaInvoker } from './emulator/lambda/invoker';
export type { LambdaMode } from './emulator/lambda/process-pool';
export { LocalGateway, type LocalGatewayOptions } from './emulator/local-gateway';
export type {
  ApiKeyModel,
  ApiModel,
  DomainModel,
  FunctionModel,
  GatewayModel,
  GatewayResponseOverride,
  HttpApiModel,
  HttpStageModel,
  MethodSetting,
  StageModel,
  UnsupportedResource,
  UsagePlanApiStage,
  UsagePlanModel,
} from './emulator/model';
// The live dashboard and the observation feed it reads (docs/decisions/0015-dashboard.md).
export {
  createDashboard,
  DASHBOARD_PREFIX,
  type DashboardHandler,
  type DashboardOptions,
} from './emulator/observe/dashboard-api';
export type { FunctionStatistics } from './emulator/observe/function-stats';
export type { ListedRoute } from './emulator/observe/listed-route';
export type {
  AuthorizerStanding,
  FeedListener,
  ObservationFeed,
  ObservationFeedOptions,
  UsageStanding,
} from './emulator/observe/observation-feed';
export type {
  AuthorizerCacheOwner,
  GatewayObserver,
  ObservableAuthorizerCache,
  ObservedCacheEntry,
  UsagePlanCounter,
} from './emulator/observe/observer';
export type { ObservedInvocation } from './emulator/observe/observing-invoker';
export type {
  AuthorizerDecision,
  ObservedMessage,
  ObservedResult,
  RequestDetail,
  RequestSummary,
} from './emulator/observe/request-record';
export type { RouteStatistics } from './emulator/observe/route-stats';
export type { GatewayPipeline, PipelineOptions, PipelineResult } from './emulator/pipeline';
export type {
  AuthorizerContextValue,
  AuthorizerOutcome,
  GatewayRequest,
  GatewayResponse,
  IntegrationOutcome,
  RequestContext,
} from './emulator/request-context';
export { type GatewayHandler, type RunningServer, type ServeOptions, serveGateway } from './emulator/server';
export type { HttpStageTarget, StageIndex, StageTarget } from './emulator/stage-index';
export {
  type CertificateAndKey,
  type CertificateOptions,
  createCertificateAuthority,
  issueCertificate,
} from './emulator/tls/certificates';
export type { ClientCertificate } from './emulator/tls/client-certificate';
export type { HttpsDomain, HttpsServeOptions } from './emulator/tls/https-server';
export type { LocalCa } from './emulator/tls/local-ca';
export type { LocalHttpsOptions, LocalHttpsSetup } from './emulator/tls/local-https';
