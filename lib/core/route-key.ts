/**
 * Route keys ("GET /users/{id}") and path templates, in API Gateway's own vocabulary.
 * Shared by the constructs (synth-time checks, rendering) and the emulator (routing).
 */

/** Methods a REST method or HTTP route may declare; `ANY` stands for all of them. */
export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'ANY'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** What `ANY` expands to on REST APIs (AWS docs: "Set up a method request"). */
export const ANY_EXPANDS_TO: readonly Exclude<HttpMethod, 'ANY'>[] = [
  'DELETE',
  'GET',
  'HEAD',
  'OPTIONS',
  'PATCH',
  'POST',
  'PUT',
];

export type PathSegment =
  | { readonly kind: 'literal'; readonly value: string }
  | { readonly kind: 'variable'; readonly name: string }
  | { readonly kind: 'greedy'; readonly name: string };

export interface RouteKey {
  readonly method: HttpMethod;
  /** Normalized path template: leading `/`, no trailing `/` (except the root `/`). */
  readonly path: string;
  readonly segments: readonly PathSegment[];
}

export class RouteKeyError extends Error {
  constructor(
    readonly routeKey: string,
    detail: string,
  ) {
    super(`Route "${routeKey}": ${detail}`);
    this.name = 'RouteKeyError';
  }
}

/** Segment syntax API Gateway accepts for REST resources (AWS docs: "Set up a method request", docs/aws-behaviour.md, "Deploy-time errors": `a-zA-Z0-9._-`, `:` allowed today). */
const LITERAL_SEGMENT = /^[A-Za-z0-9._:-]+$/;
const VARIABLE_SEGMENT = /^\{([A-Za-z0-9._:-]+)(\+?)\}$/;

export function parsePathSegment(raw: string, routeKey: string): PathSegment {
  const variable = VARIABLE_SEGMENT.exec(raw);
  if (variable) {
    return variable[2] === '+' ? { kind: 'greedy', name: variable[1] } : { kind: 'variable', name: variable[1] };
  }
  if (!LITERAL_SEGMENT.test(raw)) {
    throw new RouteKeyError(
      routeKey,
      `path part "${raw}" is invalid: use only a-z A-Z 0-9 . _ - : in a literal part, or a whole-segment variable like {id} or {proxy+}`,
    );
  }
  return { kind: 'literal', value: raw };
}

/** Splits a path template into segments and checks each one; throws RouteKeyError naming the route. */
export function parsePathTemplate(path: string, routeKey = path): readonly PathSegment[] {
  if (!path.startsWith('/')) {
    throw new RouteKeyError(routeKey, `the path must start with "/" (got "${path}")`);
  }
  if (path === '/') return [];
  if (path.endsWith('/')) {
    throw new RouteKeyError(routeKey, `the path must not end with "/": write "${path.replace(/\/+$/, '')}"`);
  }
  const parts = path.slice(1).split('/');
  const segments = parts.map((part) => {
    if (part === '') throw new RouteKeyError(routeKey, 'the path has an empty part ("//"): remove the double slash');
    return parsePathSegment(part, routeKey);
  });
  const greedyAt = segments.findIndex((s) => s.kind === 'greedy');
  if (greedyAt !== -1 && greedyAt !== segments.length - 1) {
    throw new RouteKeyError(
      routeKey,
      `nothing may follow the greedy variable {${(segments[greedyAt] as { name: string }).name}+}: it must be the last path part`,
    );
  }
  return segments;
}

/** Parses `"GET /users/{id}"`. The method is case-insensitive; the path is kept as written. */
export function parseRouteKey(routeKey: string): RouteKey {
  const match = /^\s*([A-Za-z]+)\s+(\S+)\s*$/.exec(routeKey);
  if (!match) {
    throw new RouteKeyError(routeKey, 'a route key is "<METHOD> <path>", for example "GET /users/{id}"');
  }
  const method = match[1].toUpperCase();
  if (!(HTTP_METHODS as readonly string[]).includes(method)) {
    throw new RouteKeyError(routeKey, `method "${match[1]}" is not one of ${HTTP_METHODS.join(', ')}`);
  }
  const segments = parsePathTemplate(match[2], routeKey);
  return { method: method as HttpMethod, path: formatPath(segments), segments };
}

export function formatPath(segments: readonly PathSegment[]): string {
  if (segments.length === 0) return '/';
  return `/${segments.map(formatSegment).join('/')}`;
}

export function formatSegment(segment: PathSegment): string {
  switch (segment.kind) {
    case 'literal':
      return segment.value;
    case 'variable':
      return `{${segment.name}}`;
    case 'greedy':
      return `{${segment.name}+}`;
  }
}

export function formatRouteKey(key: Pick<RouteKey, 'method' | 'path'>): string {
  return `${key.method} ${key.path}`;
}

/** Names of the path parameters a template declares, in order. */
export function pathParameterNames(segments: readonly PathSegment[]): string[] {
  return segments.flatMap((s) => (s.kind === 'literal' ? [] : [s.name]));
}
