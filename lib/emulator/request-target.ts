/**
 * The request target as the gateway first sees it: the raw path and query, and the stage segment in front
 * of the path on an execute-api URL (docs/aws-behaviour.md, "REST paths").
 */

export interface RequestTarget {
  /** Path exactly as sent (not decoded), always starting with `/`. */
  readonly path: string;
  /** Query string without `?` and without any `#fragment`; `''` when there is none. */
  readonly rawQuery: string;
}

// Control characters cannot appear in a valid request line; a target holding one is rejected outright.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;
const ABSOLUTE_FORM = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*/;

// The steps of one request (wing selection, routing, the authorizer's and the integration's events, the access
// log) each ask for the target of the same raw URL; remembering the last answer parses it once per request.
// Strings are immutable and the answer is read-only, so sharing it is safe.
let lastRawUrl: string | undefined;
let lastTarget: RequestTarget | undefined;

/** Splits `/v1/users?x=1` into path and query; `undefined` for a target that is not origin- or absolute-form. */
export function parseRequestTarget(rawUrl: string): RequestTarget | undefined {
  if (rawUrl === lastRawUrl) return lastTarget;
  const target = splitRequestTarget(rawUrl);
  lastRawUrl = rawUrl;
  lastTarget = target;
  return target;
}

function splitRequestTarget(rawUrl: string): RequestTarget | undefined {
  if (CONTROL_CHARACTER.test(rawUrl)) return undefined;
  let target = rawUrl;
  const absolute = ABSOLUTE_FORM.exec(target);
  if (absolute) {
    // Absolute-form (`http://host/path`, used toward proxies): only the path and query matter here.
    target = target.slice(absolute[0].length);
    if (target === '' || target[0] === '?' || target[0] === '#') target = `/${target}`;
  }
  if (target[0] !== '/') return undefined;
  const hash = target.indexOf('#');
  const beforeFragment = hash === -1 ? target : target.slice(0, hash);
  const question = beforeFragment.indexOf('?');
  if (question === -1) return Object.freeze({ path: beforeFragment, rawQuery: '' });
  return Object.freeze({ path: beforeFragment.slice(0, question), rawQuery: beforeFragment.slice(question + 1) });
}

export interface StageSplit {
  /** First non-empty path segment, as sent; `''` when the path has none (`/`). */
  readonly stage: string;
  /** The rest of the path, starting with `/` (`/` when nothing follows the stage). */
  readonly rest: string;
}

/**
 * On the execute-api host the first non-empty segment names the stage: `//stage/x` reaches stage `stage`
 * with `/x`, while `/stage//x` keeps `//x`, whose greedy value keeps the double slash (docs/aws-behaviour.md, "REST paths").
 */
export function stripStage(path: string): StageSplit {
  let start = 0;
  while (path[start] === '/') start++;
  const slash = path.indexOf('/', start);
  if (slash === -1) return { stage: path.slice(start), rest: '/' };
  return { stage: path.slice(start, slash), rest: path.slice(slash) };
}

/**
 * `$context.path` / `requestContext.path`: the request path as sent, stage or base path included, with
 * leading slashes collapsed (`//stage/x` → `/stage/x`; `/stage//x` stays, docs/aws-behaviour.md, "REST paths").
 */
export function contextPathOf(rawUrl: string): string | undefined {
  const path = parseRequestTarget(rawUrl)?.path;
  // Most paths start with one slash: skip the regular expression for them.
  return path === undefined || path[1] !== '/' ? path : path.replace(/^\/{2,}/, '/');
}
