/**
 * Portico's synth-time checks (cdk-nag's shape): each rule is a pure function over one input returning
 * `Finding[]`, in its own file. The constructs run them and turn errors into synth errors and warnings into
 * annotations; docs/checks.md lists them (keep it in step with `CHECKS`).
 */

import type { DomainSpec } from '../domain-spec';
import type { HttpRouteTable } from '../http-route-table';
import type { RouteTable } from '../route-table';
import type { ThrottleSettings } from '../throttle-settings';
import type { ApiKeySpec, StageSpec, UsagePlanSpec } from '../usage-plan-spec';
import { accessLogFormat, checkAccessLogFormat, contextVariables } from './access-log-format';
import { apiKeyPlan, checkApiKeyPlan } from './api-key-plan';
import { apiKeyValue, checkApiKeyValue } from './api-key-value';
import { authorizerIdentitySources, checkAuthorizerIdentitySources } from './authorizer-identity-sources';
import { authorizerTtlRange, checkAuthorizerTtlRange } from './authorizer-ttl-range';
import {
  authorizerValidationExpression,
  checkAuthorizerValidationExpression,
} from './authorizer-validation-expression';
import { checkDomainBasePath, domainBasePath } from './domain-base-path';
import { checkDomainCertificateRegion, domainCertificateRegion } from './domain-certificate-region';
import { checkDomainDuplicateMapping, domainDuplicateMapping } from './domain-duplicate-mapping';
import { checkDomainMultiLevelPath, domainMultiLevelPath } from './domain-multi-level-path';
import { checkDomainMutualTls, domainMutualTls } from './domain-mutual-tls';
import { checkDuplicatePathParameters, duplicatePathParameter } from './duplicate-path-parameter';
import { checkDuplicateRoutes, duplicateRoute } from './duplicate-route';
import type { Finding } from './finding';
import { checkGreedyNotLast, greedyNotLast } from './greedy-not-last';
import { checkHttpAuthorizerSettings, httpAuthorizerSettings } from './http-authorizer-settings';
import { checkHttpConflictingVariables, httpConflictingVariables } from './http-conflicting-variables';
import { checkHttpCors, httpCors } from './http-cors';
import { checkHttpDuplicateRoutes, httpDuplicateRoute } from './http-duplicate-route';
import { checkHttpIntegrationSettings, httpIntegrationSettings } from './http-integration-settings';
import { checkHttpRouteKeys, httpRouteKeySyntax } from './http-route-key-syntax';
import { checkHttpRouteQuota, httpRouteQuota } from './http-route-quota';
import { checkHttpRouteThrottles, httpRouteThrottle } from './http-route-throttle';
import { checkIntegrationTimeoutRange, integrationTimeoutRange } from './integration-timeout-range';
import { checkMappingTemplateSize, mappingTemplateSize } from './mapping-template-size';
import { checkMappingTemplateSyntax, mappingTemplateSyntax } from './mapping-template-syntax';
import { checkMissingModel, missingModel } from './missing-model';
import { checkPlanMethodThrottle, planMethodThrottle } from './plan-method-throttle';
import { checkPlanMethodThrottleKeyless, planMethodThrottleKeyless } from './plan-method-throttle-keyless';
import { checkPlanQuota, planQuota } from './plan-quota';
import { checkPlanThrottle, planThrottle } from './plan-throttle';
import { checkResourceQuota, resourceQuota } from './resource-quota';
import { checkRestApiWithoutMethods, restApiWithoutMethods } from './rest-api-without-methods';
import { checkRouteKeys, routeKeySyntax } from './route-key-syntax';
import type { CheckRule } from './rule';
import { checkSelectionPatternRegex, selectionPatternRegex } from './selection-pattern-regex';
import { checkSiblingPathVariables, siblingPathVariables } from './sibling-path-variables';
import { checkStageName, type StageCheckOptions, stageName } from './stage-name';
import { checkStageThrottle, stageThrottle } from './stage-throttle';
import { checkStageVariable, stageVariable } from './stage-variable';
import { checkTooManyAuthorizers, tooManyAuthorizers } from './too-many-authorizers';
import { checkTooManyStages, tooManyStages } from './too-many-stages';
import { checkUndeclaredMethodParameter, undeclaredMethodParameter } from './undeclared-method-parameter';
import { checkUnknownAuthorizer, unknownAuthorizer } from './unknown-authorizer';

export type { Finding } from './finding';
export type { CheckRule } from './rule';
export type { StageCheckOptions } from './stage-name';
export { checkAccessLogFormat, checkHttpRouteKeys, checkHttpRouteThrottles, checkRouteKeys, contextVariables };

/** Every rule, in the order of docs/checks.md. */
export const CHECKS: readonly CheckRule[] = [
  routeKeySyntax,
  duplicateRoute,
  siblingPathVariables,
  greedyNotLast,
  duplicatePathParameter,
  restApiWithoutMethods,
  resourceQuota,
  unknownAuthorizer,
  tooManyAuthorizers,
  authorizerTtlRange,
  authorizerIdentitySources,
  authorizerValidationExpression,
  integrationTimeoutRange,
  mappingTemplateSyntax,
  mappingTemplateSize,
  selectionPatternRegex,
  undeclaredMethodParameter,
  missingModel,
  planThrottle,
  planQuota,
  planMethodThrottle,
  planMethodThrottleKeyless,
  apiKeyValue,
  apiKeyPlan,
  stageName,
  tooManyStages,
  stageThrottle,
  stageVariable,
  accessLogFormat,
  httpRouteKeySyntax,
  httpDuplicateRoute,
  httpConflictingVariables,
  httpRouteQuota,
  httpAuthorizerSettings,
  httpIntegrationSettings,
  httpRouteThrottle,
  httpCors,
  domainBasePath,
  domainMultiLevelPath,
  domainDuplicateMapping,
  domainCertificateRegion,
  domainMutualTls,
];

const ROUTE_TABLE_CHECKS: readonly ((table: RouteTable) => Finding[])[] = [
  checkDuplicateRoutes,
  checkSiblingPathVariables,
  checkGreedyNotLast,
  (table) => checkDuplicatePathParameters(table.routes.map((route) => route.key)),
  checkRestApiWithoutMethods,
  checkResourceQuota,
  checkUnknownAuthorizer,
  checkTooManyAuthorizers,
  checkAuthorizerTtlRange,
  checkAuthorizerIdentitySources,
  checkAuthorizerValidationExpression,
  checkIntegrationTimeoutRange,
  checkMappingTemplateSyntax,
  checkMappingTemplateSize,
  checkSelectionPatternRegex,
  checkUndeclaredMethodParameter,
  checkMissingModel,
];

/** Every rule over one API's route table (route keys in a table are already parsed; see `checkRouteKeys`). */
export function checkRouteTable(table: RouteTable): Finding[] {
  return ROUTE_TABLE_CHECKS.flatMap((check) => check(table));
}

export function checkUsagePlans(plans: readonly UsagePlanSpec[], table: RouteTable): Finding[] {
  return [
    ...checkPlanThrottle(plans),
    ...checkPlanQuota(plans),
    ...checkPlanMethodThrottle(plans, table),
    ...checkPlanMethodThrottleKeyless(plans, table),
  ];
}

export function checkApiKeys(keys: readonly ApiKeySpec[], planNames: readonly string[]): Finding[] {
  return [...checkApiKeyValue(keys), ...checkApiKeyPlan(keys, planNames)];
}

export function checkStages(stages: readonly StageSpec[], options: StageCheckOptions = {}): Finding[] {
  return [
    ...checkStageName(stages, options),
    ...checkTooManyStages(stages),
    ...checkStageThrottle(stages),
    ...checkStageVariable(stages),
  ];
}

const HTTP_API_CHECKS: readonly ((table: HttpRouteTable) => Finding[])[] = [
  checkHttpDuplicateRoutes,
  (table) =>
    checkDuplicatePathParameters(table.routes.flatMap((route) => (route.key === '$default' ? [] : [route.key]))),
  checkHttpConflictingVariables,
  checkHttpRouteQuota,
  checkHttpAuthorizerSettings,
  checkHttpIntegrationSettings,
  checkHttpCors,
];

/** Every rule over one HTTP API's route table (keys are already parsed; see `checkHttpRouteKeys`). */
export function checkHttpApi(
  table: HttpRouteTable,
  routeThrottles: Readonly<Record<string, ThrottleSettings>> = {},
): Finding[] {
  return [...HTTP_API_CHECKS.flatMap((check) => check(table)), ...checkHttpRouteThrottles(routeThrottles, table)];
}

/** Every rule over one custom domain name and its API mappings. */
export function checkDomain(domain: DomainSpec): Finding[] {
  return [
    ...checkDomainBasePath(domain),
    ...checkDomainMultiLevelPath(domain),
    ...checkDomainDuplicateMapping(domain),
    ...checkDomainCertificateRegion(domain),
    ...checkDomainMutualTls(domain),
  ];
}
