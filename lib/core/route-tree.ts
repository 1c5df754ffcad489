/**
 * The tree both routers compile their routes into, once per API: one node per path prefix, with literal
 * children, at most one variable and one greedy child, and the routes declared there by method.
 * REST and HTTP APIs walk it by their own precedence rules (rest-router.ts, emulator/http/router.ts).
 */
import type { PathSegment } from './route-key';

export interface RouteTreeNode<R> {
  readonly literals: Map<string, RouteTreeNode<R>>;
  variable?: RouteTreeNode<R>;
  greedy?: RouteTreeNode<R>;
  /** Method (`GET`, ..., `ANY`) to route; the first route declared for a method wins. */
  readonly methods: Map<string, R>;
}

export interface TreeKey {
  readonly method: string;
  readonly segments: readonly PathSegment[];
}

/** `keyOf` gives each route's method and path segments, or undefined for a route outside the tree (`$default`). */
export function buildRouteTree<R>(routes: Iterable<R>, keyOf: (route: R) => TreeKey | undefined): RouteTreeNode<R> {
  const newNode = (): RouteTreeNode<R> => ({ literals: new Map(), methods: new Map() });
  const root = newNode();
  for (const route of routes) {
    const key = keyOf(route);
    if (!key) continue;
    let node = root;
    for (const segment of key.segments) {
      if (segment.kind === 'literal') {
        let child = node.literals.get(segment.value);
        if (!child) {
          child = newNode();
          node.literals.set(segment.value, child);
        }
        node = child;
      } else if (segment.kind === 'variable') {
        // One variable child per node: routes that disagree on its name share it, and each match reads the
        // parameter names from its own route.
        node.variable ??= newNode();
        node = node.variable;
      } else {
        node.greedy ??= newNode();
        node = node.greedy;
      }
    }
    if (!node.methods.has(key.method)) node.methods.set(key.method, route);
  }
  return root;
}
