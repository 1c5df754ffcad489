import { formatRouteKey, pathParameterNames } from '../route-key';
import type { RouteTable } from '../route-table';
import { methodRequestParameter } from '../transformation';
import type { Finding } from './finding';
import { type CheckRule, finding } from './rule';

export const undeclaredMethodParameter: CheckRule = {
  ruleId: 'undeclared-method-parameter',
  level: 'error',
  description: 'A mapping or a required parameter naming a path parameter the route does not have.',
};

/**
 * API Gateway rejects a mapping from an undeclared method request parameter ("Invalid mapping expression
 * specified"); path parameters are declared by the route's path (AWS docs: "Parameter mapping for REST APIs").
 */
export function checkUndeclaredMethodParameter(table: RouteTable): Finding[] {
  const findings: Finding[] = [];
  for (const route of table.routes) {
    const key = formatRouteKey(route.key);
    const declared = new Set(pathParameterNames(route.key.segments));
    const integration = route.integration;
    const sources: [string, string][] = [
      ...Object.entries(route.requestParameters),
      ...(integration.kind !== 'unsupported' && integration.mapping
        ? integration.mapping.responses.flatMap((response) => Object.entries(response.responseParameters))
        : []),
      ...(route.requestValidation?.requiredParameters ?? []).map((p): [string, string] => ['a required parameter', p]),
    ];
    for (const [target, source] of sources) {
      const parameter = methodRequestParameter(source);
      if (parameter?.location !== 'path' || declared.has(parameter.name)) continue;
      findings.push(
        finding(
          undeclaredMethodParameter,
          `Route "${key}": ${target} reads ${source}, but the route has no path parameter {${parameter.name}} ` +
            `(${declared.size === 0 ? 'it has none' : [...declared].map((n) => `{${n}}`).join(', ')}). Use one of its path parameters.`,
          key,
        ),
      );
    }
  }
  return findings;
}
