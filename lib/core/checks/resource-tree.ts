/**
 * The REST resource tree a route table implies: every distinct path prefix of every route is one
 * `AWS::ApiGateway::Resource` (AWS docs: "Set up a method request"). Tree-wide rules (sibling variables, greedy
 * children, the resource quota) read it.
 */
import { formatPath, formatRouteKey, type PathSegment } from '../route-key';
import type { RouteSpec } from '../route-table';

export interface ResourceNode {
  /** Resource path, e.g. `/users/{id}`. */
  readonly path: string;
  /** Parent resource path; `/` for top-level resources. */
  readonly parentPath: string;
  readonly segment: PathSegment;
  /** Route keys whose path passes through or ends at this resource, in table order. */
  readonly routes: string[];
}

/** Resources in first-seen order (a Map keeps insertion order), excluding the root `/`. */
export function resourceTree(routes: readonly RouteSpec[]): ReadonlyMap<string, ResourceNode> {
  const nodes = new Map<string, ResourceNode>();
  for (const route of routes) {
    const key = formatRouteKey(route.key);
    const segments = route.key.segments;
    for (let depth = 0; depth < segments.length; depth++) {
      const path = formatPath(segments.slice(0, depth + 1));
      let node = nodes.get(path);
      if (!node) {
        node = { path, parentPath: formatPath(segments.slice(0, depth)), segment: segments[depth], routes: [] };
        nodes.set(path, node);
      }
      if (!node.routes.includes(key)) node.routes.push(key);
    }
  }
  return nodes;
}

/** Children of each resource path, in first-seen order. */
export function childrenByParent(nodes: ReadonlyMap<string, ResourceNode>): ReadonlyMap<string, ResourceNode[]> {
  const children = new Map<string, ResourceNode[]>();
  for (const node of nodes.values()) {
    const siblings = children.get(node.parentPath) ?? [];
    siblings.push(node);
    children.set(node.parentPath, siblings);
  }
  return children;
}
