/**
 * `portico/testing`: the emulator for jest and the dev server. Load a synthesized stack or a `cdk.out`
 * directory and send it requests in-process (`LocalGateway`), or serve it on a port. Kept apart from the
 * package root so that a CDK app's synth never loads the emulator, JWT verification or worker code.
 */
export type { Clock } from './core/clock';
// Types that appear in the public signatures above, exported so that users can name them.
export type { GatewayError } from './core/gateway-responses';
export type { HttpRouteSpec } from './core/http-route-table';
export type { RouteSpec } from './core/route-table';
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
export type { HttpAuthorizerGrant, HttpRequestContext } from './emulator/http/http-context';
export {
  type FunctionAwsEnvironment,
  type FunctionCredentials,
  type ResolveAwsEnvironmentOptions,
  type ResolvedAwsEnvironment,
  resolveAwsEnvironment,
} from './emulator/lambda/aws-credentials';
export type { InvokeResult, LambdaInvoker } from './emulator/lambda/invoker';
export type { LambdaMode } from './emulator/lambda/process-pool';
export { LocalGateway, type LocalGatewayOptions } from './emulator/local-gateway';
export type {
  ApiKeyModel,
  ApiModel,
  DomainModel,
  FunctionModel,
  GatewayModel,
  HttpApiModel,
  HttpStageModel,
  StageModel,
  UnsupportedResource,
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
  AuthorizerOutcome,
  GatewayRequest,
  GatewayResponse,
  IntegrationOutcome,
  RequestContext,
} from './emulator/request-context';
export { type GatewayHandler, type RunningServer, type ServeOptions, serveGateway } from './emulator/server';
export type { StageIndex } from './emulator/stage-index';
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
