/**
 * Compares what the template says (expected) with what is deployed (actual), both as `ApiDescription`s, and
 * lists every difference as a `Finding`: a route, authorizer, stage or usage plan that only one side has, or a
 * field of one that differs. Function and log group names are compared as CloudFormation generates them
 * (`physical-names.ts`); everything else exactly.
 */
import type {
  ApiDescription,
  AuthorizerDescription,
  IntegrationDescription,
  RouteDescription,
  StageDescription,
  ThrottleDescription,
  UsagePlanDescription,
} from './api-description';
import { lambdaFunctionName, logGroupNameOf, sameFunctionName, samePhysicalName } from './physical-names';

export type FindingSubject = 'api' | 'route' | 'authorizer' | 'stage' | 'usage plan';

export interface Finding {
  /** `missing`: in the template, not deployed. `extra`: deployed, not in the template. `changed`: both, different. */
  readonly kind: 'missing' | 'extra' | 'changed';
  readonly subject: FindingSubject;
  /** Route key, or the authorizer's, stage's or plan's name. */
  readonly name: string;
  /** What differs, for `changed`: `authorization`, `integration`, `throttle of POST /orders`, `variable version`. */
  readonly field?: string;
  /** The template's value, as text. */
  readonly expected?: string;
  /** The deployed value, as text. */
  readonly actual?: string;
}

export function diffApis(expected: ApiDescription, actual: ApiDescription): Finding[] {
  const findings: Finding[] = [];
  compareKeyed(findings, 'route', expected.routes, actual.routes, compareRoutes);
  compareKeyed(findings, 'authorizer', expected.authorizers, actual.authorizers, compareAuthorizers);
  compareKeyed(findings, 'stage', expected.stages, actual.stages, compareStages);
  if (expected.usagePlans || actual.usagePlans) {
    compareKeyed(findings, 'usage plan', expected.usagePlans ?? {}, actual.usagePlans ?? {}, compareUsagePlans);
  }
  return findings;
}

type Changed = (field: string, expected: string, actual: string) => void;

function compareKeyed<T>(
  findings: Finding[],
  subject: FindingSubject,
  expected: Readonly<Record<string, T>>,
  actual: Readonly<Record<string, T>>,
  compare: (expected: T, actual: T, changed: Changed) => void,
): void {
  for (const name of Object.keys(expected).sort()) {
    if (!Object.hasOwn(actual, name)) {
      findings.push({ kind: 'missing', subject, name });
      continue;
    }
    compare(expected[name], actual[name], (field, expectedText, actualText) =>
      findings.push({ kind: 'changed', subject, name, field, expected: expectedText, actual: actualText }),
    );
  }
  for (const name of Object.keys(actual).sort()) {
    if (!Object.hasOwn(expected, name)) findings.push({ kind: 'extra', subject, name });
  }
}

function compareRoutes(expected: RouteDescription, actual: RouteDescription, changed: Changed): void {
  const [expectedAuth, actualAuth] = [authorizationText(expected), authorizationText(actual)];
  if (expectedAuth !== actualAuth) changed('authorization', expectedAuth, actualAuth);
  if (expected.apiKeyRequired !== undefined && expected.apiKeyRequired !== (actual.apiKeyRequired ?? false)) {
    changed('API key required', String(expected.apiKeyRequired), String(actual.apiKeyRequired ?? false));
  }
  if (!sameIntegration(expected.integration, actual.integration)) {
    changed('integration', integrationText(expected.integration), integrationText(actual.integration));
  }
}

export function authorizationText(route: RouteDescription): string {
  if (route.authorizer === undefined) return route.authorizationType;
  const scopes = route.scopes.length > 0 ? ` scopes ${route.scopes.join(' ')}` : '';
  return `${route.authorizationType} "${route.authorizer}"${scopes}`;
}

function sameIntegration(expected: IntegrationDescription, actual: IntegrationDescription): boolean {
  if (expected.kind === 'lambda' && actual.kind === 'lambda') {
    const versions = expected.payloadFormatVersion === undefined || actual.payloadFormatVersion === undefined;
    return (
      sameFunctionName(expected.functionName, actual.functionName) &&
      (versions || expected.payloadFormatVersion === actual.payloadFormatVersion)
    );
  }
  return integrationText(expected) === integrationText(actual);
}

export function integrationText(integration: IntegrationDescription): string {
  switch (integration.kind) {
    case 'lambda': {
      const payload = integration.payloadFormatVersion ? ` (payload ${integration.payloadFormatVersion})` : '';
      return `Lambda ${integration.functionName}${payload}`;
    }
    case 'http':
      return `HTTP ${integration.method} ${integration.url}`;
    case 'mock':
      return 'MOCK';
    case 'other':
      return integration.uri ? `${integration.type} ${integration.uri}` : integration.type;
  }
}

function compareAuthorizers(expected: AuthorizerDescription, actual: AuthorizerDescription, changed: Changed): void {
  const field = (name: string, a: unknown, b: unknown) => {
    const [left, right] = [text(a), text(b)];
    if (left !== right) changed(name, left, right);
  };
  field('type', expected.type, actual.type);
  field('identity sources', expected.identitySources.join(', '), actual.identitySources.join(', '));
  if (
    expected.functionName !== undefined &&
    !(actual.functionName !== undefined && sameFunctionName(expected.functionName, actual.functionName))
  ) {
    changed('function', expected.functionName, text(actual.functionName));
  }
  if (expected.resultTtlSeconds !== undefined)
    field('cache TTL (s)', expected.resultTtlSeconds, actual.resultTtlSeconds);
  if (expected.payloadFormatVersion !== undefined)
    field('payload format', expected.payloadFormatVersion, actual.payloadFormatVersion);
  if (expected.enableSimpleResponses !== undefined)
    field('simple responses', expected.enableSimpleResponses, actual.enableSimpleResponses);
  if (expected.issuer !== undefined) field('issuer', expected.issuer, actual.issuer);
  if (expected.audience !== undefined) field('audience', expected.audience.join(', '), actual.audience?.join(', '));
  if (expected.providerArns !== undefined && !sameProviders(expected.providerArns, actual.providerArns ?? [])) {
    changed('user pools', expected.providerArns.join(', '), text(actual.providerArns?.join(', ')));
  }
  field('validation expression', expected.validationExpression, actual.validationExpression);
}

/**
 * A user pool the same template creates has no ARN before it is deployed (the assembly shows a local
 * stand-in), so such pools are only counted; pools named by ARN are compared exactly.
 */
function sameProviders(expected: readonly string[], actual: readonly string[]): boolean {
  if (expected.length !== actual.length) return false;
  return expected.every((arn, i) => !arn.startsWith('arn:') || arn === actual[i]);
}

function compareStages(expected: StageDescription, actual: StageDescription, changed: Changed): void {
  for (const name of union(Object.keys(expected.variables), Object.keys(actual.variables))) {
    const [left, right] = [expected.variables[name], actual.variables[name]];
    if (!sameVariable(left, right)) changed(`variable ${name}`, text(left), text(right));
  }
  if (expected.accessLogFormat !== actual.accessLogFormat) {
    changed('access log format', text(expected.accessLogFormat), text(actual.accessLogFormat));
  }
  const [expectedGroup, actualGroup] = [expected.accessLogDestination, actual.accessLogDestination];
  if (expectedGroup && actualGroup && !samePhysicalName(logGroupNameOf(expectedGroup), logGroupNameOf(actualGroup))) {
    changed('access log destination', expectedGroup, actualGroup);
  }
  const [expectedDefault, actualDefault] = [
    throttleText(expected.defaultThrottle),
    throttleText(actual.defaultThrottle),
  ];
  if (expectedDefault !== actualDefault) changed('default throttle', expectedDefault, actualDefault);
  for (const routeKey of union(Object.keys(expected.routeThrottles), Object.keys(actual.routeThrottles))) {
    const [left, right] = [
      throttleText(expected.routeThrottles[routeKey]),
      throttleText(actual.routeThrottles[routeKey]),
    ];
    if (left !== right) changed(`throttle of ${routeKey}`, left, right);
  }
  if ((expected.canaryPercent ?? 0) !== (actual.canaryPercent ?? 0)) {
    changed('canary traffic (%)', String(expected.canaryPercent ?? 0), String(actual.canaryPercent ?? 0));
  }
}

/** Stage variables that carry a function ARN name the same function when the names match as generated. */
function sameVariable(expected: string | undefined, actual: string | undefined): boolean {
  if (expected === actual) return true;
  if (expected === undefined || actual === undefined) return false;
  const [left, right] = [lambdaFunctionName(expected), lambdaFunctionName(actual)];
  return left !== undefined && right !== undefined && sameFunctionName(left, right);
}

function compareUsagePlans(expected: UsagePlanDescription, actual: UsagePlanDescription, changed: Changed): void {
  const [expectedThrottle, actualThrottle] = [throttleText(expected.throttle), throttleText(actual.throttle)];
  if (expectedThrottle !== actualThrottle) changed('throttle', expectedThrottle, actualThrottle);
  const [expectedQuota, actualQuota] = [quotaText(expected.quota), quotaText(actual.quota)];
  if (expectedQuota !== actualQuota) changed('quota', expectedQuota, actualQuota);
  for (const stage of union(Object.keys(expected.stages), Object.keys(actual.stages))) {
    const [left, right] = [expected.stages[stage], actual.stages[stage]];
    if (!left || !right) {
      changed(`stage ${stage}`, left ? 'covered' : 'not covered', right ? 'covered' : 'not covered');
      continue;
    }
    for (const routeKey of union(Object.keys(left), Object.keys(right))) {
      const [a, b] = [throttleText(left[routeKey]), throttleText(right[routeKey])];
      if (a !== b) changed(`throttle of ${routeKey} on stage ${stage}`, a, b);
    }
  }
}

export function throttleText(throttle: ThrottleDescription | undefined): string {
  if (!throttle || (throttle.rateLimit === undefined && throttle.burstLimit === undefined)) return 'none';
  const parts: string[] = [];
  if (throttle.rateLimit !== undefined) parts.push(`rate ${throttle.rateLimit}/s`);
  if (throttle.burstLimit !== undefined) parts.push(`burst ${throttle.burstLimit}`);
  return parts.join(', ');
}

function quotaText(quota: UsagePlanDescription['quota']): string {
  if (!quota) return 'none';
  return `${quota.limit} per ${quota.period}${quota.offset ? ` (offset ${quota.offset})` : ''}`;
}

function text(value: unknown): string {
  return value === undefined ? 'none' : String(value);
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])].sort();
}
