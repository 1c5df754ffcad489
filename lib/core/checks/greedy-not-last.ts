import { formatSegment } from '../route-key';
import type { RouteTable } from '../route-table';
import type { Finding } from './finding';
import { resourceTree } from './resource-tree';
import { type CheckRule, finding } from './rule';

export const greedyNotLast: CheckRule = {
  ruleId: 'greedy-not-last',
  level: 'error',
  description:
    'A route whose path lies below another route\'s greedy variable, e.g. "/a/{proxy+}/b" beside "/a/{proxy+}".',
};

/**
 * A greedy resource cannot have children (AWS docs: "Set up a method request", docs/aws-behaviour.md, "Deploy-time errors"). `parseRouteKey` rejects a single key
 * like `/a/{proxy+}/b`; this rule also covers tables built without it (e.g. loaded from a template).
 */
export function checkGreedyNotLast(table: RouteTable): Finding[] {
  const nodes = resourceTree(table.routes);
  const findings: Finding[] = [];
  for (const node of nodes.values()) {
    const parent = nodes.get(node.parentPath);
    if (parent?.segment.kind !== 'greedy') continue;
    const greedy = formatSegment(parent.segment);
    const greedyRoute = parent.routes.find((key) => key.endsWith(` ${parent.path}`));
    for (const route of node.routes) {
      const owner = greedyRoute ? `the greedy variable of "${greedyRoute}"` : `the greedy variable ${greedy}`;
      findings.push(
        finding(
          greedyNotLast,
          `Route "${route}" lies below ${owner}: Cannot create a child of a resource with a greedy path variable: ${greedy}. ` +
            `${greedy} already matches every path below "${parent.parentPath}"; drop this route or declare it beside ` +
            `the greedy variable (a literal path part under "${parent.parentPath}" takes precedence over ${greedy}).`,
          route,
        ),
      );
    }
  }
  return findings;
}
