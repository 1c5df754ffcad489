/** The mapping templates a route declares, each with where it is (for the checks' messages). */
import type { RouteSpec } from '../route-table';

export interface DeclaredTemplate {
  /** `request template for application/json`, `response template for application/json of the 404 response`. */
  readonly where: string;
  readonly source: string;
}

export function mappingTemplates(route: RouteSpec): DeclaredTemplate[] {
  const integration = route.integration;
  if (integration.kind === 'unsupported' || !integration.mapping) return [];
  const templates: DeclaredTemplate[] = [];
  for (const [type, source] of Object.entries(integration.mapping.requestTemplates)) {
    templates.push({ where: `request template for ${type}`, source });
  }
  for (const response of integration.mapping.responses) {
    const which = response.selectionPattern === undefined ? 'default' : `"${response.selectionPattern}"`;
    for (const [type, source] of Object.entries(response.responseTemplates)) {
      templates.push({ where: `response template for ${type} of the ${which} integration response`, source });
    }
  }
  return templates;
}
