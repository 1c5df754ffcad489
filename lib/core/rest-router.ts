/**
 * REST API (v1) resource/method matching (AWS docs: "Set up a method request"), compiled once per API into a resource tree.
 * A request walks the tree one path segment at a time, so its cost depends on the path and the tree's
 * height, never on how many routes the API has.
 */
import { ANY_EXPANDS_TO } from './route-key';
import type { RouteSpec } from './route-table';
import { buildRouteTree, type RouteTreeNode } from './route-tree';

export interface RestRouteMatch {
  readonly route: RouteSpec;
  /** Path parameters by the matched route's own names, kept URL-encoded (AWS docs: "Amazon API Gateway important notes", docs/aws-behaviour.md, "REST paths"). */
  readonly pathParameters: Record<string, string>;
}

export interface RestRouter {
  /** `path` is the request path after the stage (or base path), not decoded, e.g. `/users/a%2Fb/`. */
  match(method: string, path: string): RestRouteMatch | undefined;
}

/** One API Gateway resource: its methods and its children. */
type ResourceNode = RouteTreeNode<RouteSpec>;

/** Request path segments with their offsets, so a greedy value can be cut from the raw path. */
interface SplitPath {
  readonly raw: string;
  readonly values: string[];
  readonly starts: number[];
  /** End offset of the last non-empty segment (a trailing `/` is not part of any value). */
  readonly end: number;
}

const ANY_METHODS: ReadonlySet<string> = new Set(ANY_EXPANDS_TO);

export function compileRestRouter(routes: readonly RouteSpec[]): RestRouter {
  const root = buildRouteTree(routes, (route) => route.key);

  return {
    match(method, path) {
      const wanted = method.toUpperCase();
      const split = splitPath(path);
      const route = search(root, split, 0, wanted);
      return route && { route, pathParameters: pathParametersOf(route, split) };
    },
  };
}

/**
 * Depth-first: a literal child beats the variable child, which beats the greedy child; when the more
 * specific resource exists but lacks the method, matching falls back to the next candidate, including a
 * greedy resource higher up (docs/aws-behaviour.md, "REST paths": `OPTIONS /test` reaches `/{proxy+}` OPTIONS although `/test` exists).
 * Backtracking is bounded by the height of the tree (the longest route template), not by the request.
 */
function search(node: ResourceNode, path: SplitPath, index: number, method: string): RouteSpec | undefined {
  if (index === path.values.length) return methodOf(node, method);
  const literal = node.literals.get(path.values[index]);
  const viaLiteral = literal && search(literal, path, index + 1, method);
  if (viaLiteral) return viaLiteral;
  const viaVariable = node.variable && search(node.variable, path, index + 1, method);
  if (viaVariable) return viaVariable;
  // A greedy resource takes one or more segments: everything that is left.
  return node.greedy && methodOf(node.greedy, method);
}

/**
 * A method defined on the resource beats `ANY` (AWS docs: "Set up a method request"); `ANY` covers only the seven REST verbs, and `HEAD`
 * is not served by a `GET` method (emulator-only observation, LocalStack).
 */
function methodOf(node: ResourceNode, method: string): RouteSpec | undefined {
  return node.methods.get(method) ?? (ANY_METHODS.has(method) ? node.methods.get('ANY') : undefined);
}

/** Empty segments (`//`, trailing `/`) are ignored for matching (docs/aws-behaviour.md, "REST paths"). */
function splitPath(raw: string): SplitPath {
  const values: string[] = [];
  const starts: number[] = [];
  let end = 0;
  let start = 0;
  while (start <= raw.length) {
    let slash = raw.indexOf('/', start);
    if (slash === -1) slash = raw.length;
    if (slash > start) {
      values.push(raw.slice(start, slash));
      starts.push(start);
      end = slash;
    }
    start = slash + 1;
  }
  return { raw, values, starts, end };
}

function pathParametersOf(route: RouteSpec, path: SplitPath): Record<string, string> {
  const parameters: Record<string, string> = {};
  route.key.segments.forEach((segment, i) => {
    if (segment.kind === 'variable') parameters[segment.name] = path.values[i];
    // The greedy value is cut from the raw path so inner double slashes survive (docs/aws-behaviour.md, "REST paths":
    // `proxy-value//double-slash`), while a trailing slash does not (docs/aws-behaviour.md, "REST paths").
    else if (segment.kind === 'greedy') parameters[segment.name] = path.raw.slice(path.starts[i], path.end);
  });
  return parameters;
}

/** `$context.resourcePath` / the event's `resource`: the route's path template, e.g. `/users/{id}`. */
export function resourcePathOf(route: RouteSpec): string {
  return route.key.path;
}

const resourceIds = new Map<string, string>();

/**
 * A stable stand-in for `$context.resourceId` (AWS: 6 random lowercase characters per resource): derived
 * from the resource path, so every method of one resource shares it and it survives restarts.
 */
export function resourceIdOf(resourcePath: string): string {
  let id = resourceIds.get(resourcePath);
  if (id === undefined) {
    // FNV-1a, 32 bits, written in base 36 and padded to AWS's 6 characters.
    let hash = 0x811c9dc5;
    for (let i = 0; i < resourcePath.length; i++) {
      hash ^= resourcePath.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193);
    }
    id = (hash >>> 0).toString(36).padStart(7, '0').slice(-6);
    resourceIds.set(resourcePath, id);
  }
  return id;
}
