import { formatRouteKey } from '../route-key';
import type { RouteTable } from '../route-table';
import type { Finding } from './finding';
import { type CheckRule, finding } from './rule';

export const missingModel: CheckRule = {
  ruleId: 'missing-model',
  level: 'error',
  description: 'A request model, or a model $ref, naming a model the API does not have.',
};

const COMPONENT_REF = /^#\/components\/schemas\/(.+)$/;

/** A model must exist before a method or another model references it (AWS docs: "Data models for REST APIs"). */
export function checkMissingModel(table: RouteTable): Finding[] {
  const models = table.models ?? {};
  const known = (name: string) => name === 'Empty' || name === 'Error' || Object.hasOwn(models, name);
  const findings: Finding[] = [];
  for (const route of table.routes) {
    const key = formatRouteKey(route.key);
    for (const [type, name] of Object.entries(route.requestValidation?.requestModels ?? {})) {
      if (known(name)) continue;
      findings.push(
        finding(
          missingModel,
          `Route "${key}": the ${type} body model "${name}" is not a model of the API. Declare it.`,
          key,
        ),
      );
    }
  }
  for (const [name, schema] of Object.entries(models)) {
    for (const ref of refsOf(schema)) {
      const target = COMPONENT_REF.exec(ref)?.[1];
      if (target === undefined || known(decodeURIComponent(target))) continue;
      findings.push(
        finding(
          missingModel,
          `Model "${name}": $ref "${ref}" names no model of the API. Add "${target}" to the route's requestValidation.models.`,
        ),
      );
    }
  }
  return findings;
}

function refsOf(schema: unknown): string[] {
  if (Array.isArray(schema)) return schema.flatMap(refsOf);
  if (schema === null || typeof schema !== 'object') return [];
  return Object.entries(schema).flatMap(([k, v]) => (k === '$ref' && typeof v === 'string' ? [v] : refsOf(v)));
}
