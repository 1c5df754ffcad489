import { formatRouteKey } from '../route-key';
import { MAX_INTEGRATION_TIMEOUT_MS, MIN_INTEGRATION_TIMEOUT_MS, type RouteTable } from '../route-table';
import type { Finding } from './finding';
import { type CheckRule, finding } from './rule';

export const integrationTimeoutRange: CheckRule = {
  ruleId: 'integration-timeout-range',
  level: 'error',
  description: `A Lambda or HTTP integration timeout outside ${MIN_INTEGRATION_TIMEOUT_MS}..${MAX_INTEGRATION_TIMEOUT_MS} ms.`,
};

/** REST integration timeout bounds (AWS docs: "Amazon API Gateway quotas"); mock integrations have no timeout. */
export function checkIntegrationTimeoutRange(table: RouteTable): Finding[] {
  const findings: Finding[] = [];
  for (const route of table.routes) {
    const integration = route.integration;
    if (integration.kind === 'mock' || integration.kind === 'unsupported') continue;
    const timeout = integration.timeoutMs;
    if (Number.isInteger(timeout) && timeout >= MIN_INTEGRATION_TIMEOUT_MS && timeout <= MAX_INTEGRATION_TIMEOUT_MS) {
      continue;
    }
    const key = formatRouteKey(route.key);
    findings.push(
      finding(
        integrationTimeoutRange,
        `Route "${key}": the ${integration.kind} integration timeoutMs ${timeout} is outside API Gateway's range of ` +
          `whole milliseconds ${MIN_INTEGRATION_TIMEOUT_MS}..${MAX_INTEGRATION_TIMEOUT_MS}. Use a timeout in range ` +
          '(Regional and private REST APIs can have the 29 s ceiling raised through Service Quotas first).',
        key,
      ),
    );
  }
  return findings;
}
