import { formatSegment } from '../route-key';
import type { RouteTable } from '../route-table';
import type { Finding } from './finding';
import { childrenByParent, resourceTree } from './resource-tree';
import { type CheckRule, finding } from './rule';

export const siblingPathVariables: CheckRule = {
  ruleId: 'sibling-path-variables',
  level: 'error',
  description:
    'Two different variable path parts ({id} and {userId}, or {id} and {proxy+}) under the same parent resource.',
};

/**
 * A REST resource may have only one variable child (AWS docs: "Set up a method request", docs/aws-behaviour.md, "Deploy-time errors"); HTTP APIs reject the same
 * shape with a "conflicting variable" error. Each extra variable child is reported against the first.
 */
export function checkSiblingPathVariables(table: RouteTable): Finding[] {
  const findings: Finding[] = [];
  for (const [parentPath, children] of childrenByParent(resourceTree(table.routes))) {
    const variables = children.filter((child) => child.segment.kind !== 'literal');
    const [first, ...others] = variables;
    for (const other of others) {
      const kept = formatSegment(first.segment);
      const rejected = formatSegment(other.segment);
      const firstRoute = first.routes[0];
      const otherRoute = other.routes[0];
      findings.push(
        finding(
          siblingPathVariables,
          `Routes "${firstRoute}" and "${otherRoute}" declare two variable path parts, ${kept} and ${rejected}, ` +
            `under "${parentPath}": A sibling (${kept}) of this resource already has a variable path part -- only one is allowed. ` +
            `Use the same variable part (${kept}) at this level in every route, or move one route under a literal path part.`,
          otherRoute,
        ),
      );
    }
  }
  return findings;
}
