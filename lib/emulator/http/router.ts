/**
 * HTTP API (v2) route selection (AWS docs: "Create routes for HTTP APIs"): (a) a full match of path and method, (b) a route with a
 * greedy variable `{proxy+}`, (c) the `$default` route, else nothing (the caller answers 404 Not Found).
 * Routes are compiled once into a tree, so a request's cost depends on its path, not on the number of routes.
 *
 * Where the sources are silent the emulator chooses, and docs/decisions/0010 records it:
 * - A literal segment beats a variable one at the same depth (the doc example: `GET /pets/dog/1` beats
 *   `GET /pets/dog/{id}`), with backtracking when the more specific branch has no route for the method.
 * - At one path, a route for the request's method beats `ANY` (docs/aws-behaviour.md, "Where AWS is silent" leaves `ANY` vs greedy open: here a
 *   full-path `ANY` route still beats every greedy route, since "full match" is about the path).
 * - Among greedy routes, the one whose fixed prefix is longest wins.
 * - A trailing slash is a segment of its own: `/metrics/` does not match `GET /metrics` (AWS docs: "Create routes for HTTP APIs", docs/aws-behaviour.md, "Deploy-time errors"), but a
 *   greedy route takes it. Matching is case-sensitive (docs/aws-behaviour.md, "Where AWS is silent" unknown; as REST).
 */
import { DEFAULT_ROUTE_KEY, type HttpRouteSpec } from '../../core/http-route-table';
import { buildRouteTree, type RouteTreeNode } from '../../core/route-tree';

export interface HttpRouteMatch {
  readonly route: HttpRouteSpec;
  /** Path parameters by the route's own names, URL-decoded (emulator choice, docs/decisions/0010). */
  readonly pathParameters: Readonly<Record<string, string>>;
}

export interface HttpRouter {
  /** `path` is the request path after the stage (or base path), as sent: `/items/a%20b`. */
  match(method: string, path: string): HttpRouteMatch | undefined;
}

type RouteNode = RouteTreeNode<HttpRouteSpec>;

export function compileHttpRouter(routes: readonly HttpRouteSpec[]): HttpRouter {
  const defaultRoute = routes.find((route) => route.key === DEFAULT_ROUTE_KEY);
  const root: RouteNode = buildRouteTree(routes, (route) => (route.key === DEFAULT_ROUTE_KEY ? undefined : route.key));

  return {
    match(method, path) {
      const wanted = method.toUpperCase();
      const segments = splitPath(path);
      const full = fullMatch(root, segments.values, 0, wanted);
      if (full) return { route: full, pathParameters: pathParametersOf(full, segments) };
      const greedy = greedyMatch(root, segments.values, 0, wanted);
      if (greedy) return { route: greedy, pathParameters: pathParametersOf(greedy, segments) };
      return defaultRoute && { route: defaultRoute, pathParameters: {} };
    },
  };
}

/** Depth-first without greedy nodes: literal child first, then the variable child; empty segments match nothing. */
function fullMatch(
  node: RouteNode,
  values: readonly string[],
  index: number,
  method: string,
): HttpRouteSpec | undefined {
  if (index === values.length) return methodOf(node, method);
  const value = values[index];
  if (value === '') return undefined;
  const literal = node.literals.get(value);
  const viaLiteral = literal && fullMatch(literal, values, index + 1, method);
  if (viaLiteral) return viaLiteral;
  return node.variable && fullMatch(node.variable, values, index + 1, method);
}

/** The deepest greedy route on the most literal branch: a greedy variable takes one or more segments. */
function greedyMatch(
  node: RouteNode,
  values: readonly string[],
  index: number,
  method: string,
): HttpRouteSpec | undefined {
  if (index < values.length && values[index] !== '') {
    const literal = node.literals.get(values[index]);
    const viaLiteral = literal && greedyMatch(literal, values, index + 1, method);
    if (viaLiteral) return viaLiteral;
    const viaVariable = node.variable && greedyMatch(node.variable, values, index + 1, method);
    if (viaVariable) return viaVariable;
  }
  return index < values.length && node.greedy ? methodOf(node.greedy, method) : undefined;
}

function methodOf(node: RouteNode, method: string): HttpRouteSpec | undefined {
  return node.methods.get(method) ?? node.methods.get('ANY');
}

interface SplitPath {
  readonly raw: string;
  /** Segments after the leading `/`, as sent; `/a/` gives `['a', '']`, `/` gives `[]`. */
  readonly values: readonly string[];
  readonly starts: readonly number[];
}

function splitPath(raw: string): SplitPath {
  const path = raw.startsWith('/') ? raw : `/${raw}`;
  if (path === '/') return { raw: path, values: [], starts: [] };
  const values: string[] = [];
  const starts: number[] = [];
  let start = 1;
  for (;;) {
    const slash = path.indexOf('/', start);
    const end = slash === -1 ? path.length : slash;
    values.push(path.slice(start, end));
    starts.push(start);
    if (slash === -1) break;
    start = slash + 1;
  }
  return { raw: path, values, starts };
}

function pathParametersOf(route: HttpRouteSpec, path: SplitPath): Record<string, string> {
  const parameters: Record<string, string> = {};
  if (route.key === DEFAULT_ROUTE_KEY) return parameters;
  route.key.segments.forEach((segment, i) => {
    if (segment.kind === 'variable') parameters[segment.name] = decodePathValue(path.values[i]);
    else if (segment.kind === 'greedy') parameters[segment.name] = decodePathValue(path.raw.slice(path.starts[i]));
  });
  return parameters;
}

/** `%20` → space; an invalid escape is kept as written rather than failing the request. */
export function decodePathValue(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
