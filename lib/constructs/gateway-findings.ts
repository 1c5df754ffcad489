/**
 * Checks that need the whole gateway, run at synth time (`node.addValidation`): C1's core rules per
 * version, plans and keys, and the rules only the construct can see (empty versions, template size,
 * API keys nobody holds, execution logs without the account role).
 */
import { checkApiKeys, checkRouteTable, checkUsagePlans, type Finding } from '../core/checks';
import { formatRouteKey } from '../core/route-key';
import type { AuthorizerSpec, RouteTable } from '../core/route-table';
import type { ApiKeySpec, UsagePlanSpec } from '../core/usage-plan-spec';
import { definitionSizeFindings } from './definition-size';
import type { GatewayVersion } from './versions';

export interface GatewaySnapshot {
  readonly versions: readonly GatewayVersion[];
  /** Each version's route table, by version name. */
  readonly tables: ReadonlyMap<string, RouteTable>;
  /** Every distinct route of any version (method throttles may name any of them). */
  readonly allRoutes: RouteTable;
  readonly plans: readonly UsagePlanSpec[];
  readonly apiKeys: readonly ApiKeySpec[];
  readonly authorizers: ReadonlyMap<string, AuthorizerSpec>;
  readonly accountLoggingRoleDeclared: boolean;
}

export function gatewayFindings(gateway: GatewaySnapshot): Finding[] {
  return [
    ...versionFindings(gateway),
    ...checkUsagePlans(gateway.plans, gateway.allRoutes),
    ...checkApiKeys(
      gateway.apiKeys,
      gateway.plans.map((plan) => plan.name),
    ),
    ...apiKeyFindings(gateway),
    ...executionLogFindings(gateway),
  ];
}

/**
 * Core rules run per version; a finding present in only some versions names them, so a conflict that
 * only `versions: ['v2']` routes create says where it is.
 */
function versionFindings(gateway: GatewaySnapshot): Finding[] {
  const byMessage = new Map<string, { finding: Finding; versions: string[] }>();
  const own: Finding[] = [...definitionSizeFindings(gateway.versions)];
  for (const version of gateway.versions) {
    const name = version.versionName;
    const table = gateway.tables.get(name)!;
    for (const finding of checkRouteTable(table)) {
      const entry = byMessage.get(finding.message) ?? { finding, versions: [] };
      entry.versions.push(name);
      byMessage.set(finding.message, entry);
    }
    if (table.routes.length === 0) {
      own.push({
        ruleId: 'version-without-routes',
        level: 'error',
        message:
          `Version "${name}" has no routes: CreateDeployment would fail with "The REST API doesn't contain any ` +
          'methods". Add a route to it, or remove the version.',
      });
    }
    for (const service of version.unusedFunctionServices) {
      own.push({
        ruleId: 'unused-version-function',
        level: 'warning',
        message:
          `Version "${name}" sets a function for service "${service}", but none of its routes calls that ` +
          'service; check the service name.',
      });
    }
  }
  const shared = [...byMessage.values()].map(({ finding, versions }) =>
    versions.length === gateway.versions.length
      ? finding
      : { ...finding, message: `Version ${versions.map((v) => `"${v}"`).join(', ')}: ${finding.message}` },
  );
  return [...shared, ...own];
}

/** API keys are only checked on methods that require them, and only against keys in a plan (AWS docs: "Usage plans and API keys for REST APIs"). */
function apiKeyFindings(gateway: GatewaySnapshot): Finding[] {
  const findings: Finding[] = [];
  const keyed = gateway.allRoutes.routes.filter((route) => route.apiKeyRequired);
  if (keyed.length > 0 && gateway.apiKeys.length === 0) {
    findings.push({
      ruleId: 'api-keys-without-consumers',
      level: 'warning',
      message:
        'Routes require an API key but no consumer (API key in a usage plan) is declared, so every call to them ' +
        'gets 403 Forbidden. Add usagePlans and consumers, or set apiKeyRequired: false.',
    });
  }
  if (gateway.allRoutes.apiKeySource !== 'AUTHORIZER') return findings;
  for (const route of keyed) {
    const authorization = route.authorization;
    const authorizer =
      authorization.kind === 'authorizer' ? gateway.authorizers.get(authorization.authorizer) : undefined;
    if (authorizer?.type === 'TOKEN' || authorizer?.type === 'REQUEST') continue;
    const key = formatRouteKey(route.key);
    findings.push({
      ruleId: 'api-key-source-authorizer',
      level: 'warning',
      route: key,
      message:
        `Route "${key}" requires an API key read from the authorizer (apiKeySource AUTHORIZER) but has no Lambda ` +
        'authorizer to return usageIdentifierKey, so every call gets 403 Forbidden.',
    });
  }
  return findings;
}

function executionLogFindings(gateway: GatewaySnapshot): Finding[] {
  const executionLogs = gateway.versions.some((version) => version.executionLogLevel !== 'OFF');
  if (!executionLogs || gateway.accountLoggingRoleDeclared) return [];
  return [
    {
      ruleId: 'execution-logs-need-account-role',
      level: 'warning',
      message:
        'Execution logging is on, which needs the account-wide API Gateway CloudWatch Logs role; without it the ' +
        'stage fails to deploy. Declare one ApiGatewayAccountLoggingRole per account and region (in any stack), ' +
        'or make sure the account already has one.',
    },
  ];
}
