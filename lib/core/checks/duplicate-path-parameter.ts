import { formatRouteKey, type RouteKey } from '../route-key';
import type { Finding } from './finding';
import { type CheckRule, finding } from './rule';

export const duplicatePathParameter: CheckRule = {
  ruleId: 'duplicate-path-parameter',
  level: 'error',
  description: 'A path that names one path parameter twice (`/a/{id}/b/{id}`).',
};

/**
 * The definition API Gateway imports is OpenAPI, where a parameter is one name in one location, and the
 * integration receives `pathParameters` as a map: `/a/{id}/b/{id}` cannot be imported as written and one
 * value would be lost (AWS: "Amazon API Gateway important notes", OpenAPI import notes).
 */
export function checkDuplicatePathParameters(keys: readonly RouteKey[]): Finding[] {
  const findings: Finding[] = [];
  for (const key of keys) {
    const names = key.segments.flatMap((segment) => (segment.kind === 'literal' ? [] : [segment.name]));
    const twice = names.filter((name, index) => names.indexOf(name) !== index);
    if (twice.length === 0) continue;
    const route = formatRouteKey(key);
    findings.push(
      finding(
        duplicatePathParameter,
        `Route "${route}" names path parameter {${twice[0]}} twice; each path parameter needs a name of its own ` +
          `(e.g. {${twice[0]}} and {${twice[0]}2}), since the definition is OpenAPI and pathParameters is a map.`,
        route,
      ),
    );
  }
  return findings;
}
