/**
 * `portico verify`: compare a deployed API Gateway (HTTP or REST API) with the synthesized template it came
 * from, through the API Gateway management API (AWS, or the emulator's read-only copy of it).
 */
export type {
  ApiDescription,
  ApiFlavor,
  AuthorizationType,
  AuthorizerDescription,
  IntegrationDescription,
  RouteDescription,
  StageDescription,
  ThrottleDescription,
  UsagePlanDescription,
} from './api-description';
export { describeExpected, describeHttpApi, describeRestApi } from './describe-expected';
export { diffApis, type Finding, type FindingSubject } from './diff';
export { type ApiVerification, type FormatOptions, formatDiff } from './format-diff';
export { findHttpApiIds, type ReadOptions, readDeployedHttpApi } from './read-http-api';
export { findRestApiIds, readDeployedRestApi } from './read-rest-api';
export { VerifyError, type VerifyOptions, verifyDeployed } from './verify-deployed';
