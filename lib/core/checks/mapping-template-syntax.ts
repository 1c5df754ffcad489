import { parse } from 'velocityjs';
import { formatRouteKey } from '../route-key';
import type { RouteTable } from '../route-table';
import type { Finding } from './finding';
import { mappingTemplates } from './mapping-templates-of';
import { type CheckRule, finding } from './rule';

export const mappingTemplateSyntax: CheckRule = {
  ruleId: 'mapping-template-syntax',
  level: 'error',
  description: 'A request or response mapping template that does not parse as Velocity (VTL).',
};

/** API Gateway rejects a template that does not parse at deploy time (AWS docs: "Mapping templates for REST APIs"). */
export function checkMappingTemplateSyntax(table: RouteTable): Finding[] {
  const findings: Finding[] = [];
  for (const route of table.routes) {
    const key = formatRouteKey(route.key);
    for (const template of mappingTemplates(route)) {
      try {
        parse(template.source);
      } catch (error) {
        const hash = (error as { hash?: { text?: string; loc?: { first_line?: number; first_column?: number } } }).hash;
        const line = hash?.loc?.first_line ?? 1;
        const column = (hash?.loc?.first_column ?? 0) + 1;
        const detail = hash?.text ? `unexpected "${hash.text}"` : 'unexpected end of template';
        findings.push(
          finding(
            mappingTemplateSyntax,
            `Route "${key}": the ${template.where} does not parse at line ${line}, column ${column} (${detail}). ` +
              'Close every #if/#foreach with #end and every ( and ", or escape a literal # or $ as \\# or \\$.',
            key,
          ),
        );
      }
    }
  }
  return findings;
}
