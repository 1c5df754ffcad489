import { DEFAULT_ROUTE_KEY, type HttpRouteTable, httpRouteKeyName } from '../http-route-table';
import { formatPath, formatSegment, type PathSegment } from '../route-key';
import type { Finding } from './finding';
import { type CheckRule, finding } from './rule';

export const httpConflictingVariables: CheckRule = {
  ruleId: 'http-conflicting-variables',
  level: 'error',
  description:
    'Two differently named path variables at the same level under the same parent ({id} and {userId}, or {a+} and {b+}).',
};

interface Variable {
  readonly segment: PathSegment;
  readonly route: string;
}

/**
 * HTTP APIs reject a second variable name at one level with 409 ConflictException (AWS docs: "Create routes for HTTP APIs", docs/aws-behaviour.md, "Deploy-time errors").
 * The check groups variables by the literal path above them, whatever the method. A plain variable beside a
 * greedy one (`{id}` beside `{proxy+}`) is not reported: AWS's precedence rules cover that shape (AWS docs: "Create routes for HTTP APIs").
 */
export function checkHttpConflictingVariables(table: HttpRouteTable): Finding[] {
  const firstAt = new Map<string, Variable>();
  const findings: Finding[] = [];
  for (const route of table.routes) {
    if (route.key === DEFAULT_ROUTE_KEY) continue;
    const name = httpRouteKeyName(route.key);
    const segments = route.key.segments;
    for (let depth = 0; depth < segments.length; depth++) {
      const segment = segments[depth];
      if (segment.kind === 'literal') continue;
      const level = `${formatPath(segments.slice(0, depth))} ${segment.kind}`;
      const first = firstAt.get(level);
      if (first === undefined) {
        firstAt.set(level, { segment, route: name });
        continue;
      }
      if (first.segment.kind === segment.kind && (first.segment as { name: string }).name === segment.name) continue;
      // Deeper levels sit under a different parent path now; the highest conflict is the one to fix.
      findings.push(
        finding(
          httpConflictingVariables,
          `The provided route key "${name}" has a conflicting variable on the same hierarchical level as ` +
            `"${first.route}": ${formatSegment(segment)} and ${formatSegment(first.segment)} both follow ` +
            `"${formatPath(segments.slice(0, depth))}". Use one variable name at this level in every route.`,
          name,
        ),
      );
      break;
    }
  }
  return findings;
}
