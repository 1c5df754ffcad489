import { formatRouteKey } from '../route-key';
import type { RouteTable } from '../route-table';
import type { Finding } from './finding';
import { mappingTemplates } from './mapping-templates-of';
import { type CheckRule, finding } from './rule';

/** AWS docs: "Amazon API Gateway quotas" — a mapping template is at most 300 KB. */
export const MAX_MAPPING_TEMPLATE_BYTES = 300 * 1024;

export const mappingTemplateSize: CheckRule = {
  ruleId: 'mapping-template-size',
  level: 'error',
  description: 'A mapping template over 300 KB.',
};

export function checkMappingTemplateSize(table: RouteTable): Finding[] {
  const findings: Finding[] = [];
  for (const route of table.routes) {
    const key = formatRouteKey(route.key);
    for (const template of mappingTemplates(route)) {
      const bytes = Buffer.byteLength(template.source, 'utf8');
      if (bytes <= MAX_MAPPING_TEMPLATE_BYTES) continue;
      findings.push(
        finding(
          mappingTemplateSize,
          `Route "${key}": the ${template.where} is ${bytes} bytes, over API Gateway's 300 KB limit. ` +
            'Move the reshaping into the backend, or split the template with #if branches per content type.',
          key,
        ),
      );
    }
  }
  return findings;
}
