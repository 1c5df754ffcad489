/**
 * An API's `binaryMediaTypes` (AWS docs: "Lambda proxy integrations in API Gateway"; "Binary media types for REST APIs"): which request and response payloads API Gateway
 * treats as binary. Entries may be wildcards (`image/*`, `*\/*`); media types compare case-insensitively
 * and without parameters (`image/png; q=1` is `image/png`).
 */

export type MediaTypeMatcher = (contentType: string | undefined) => boolean;

const NEVER: MediaTypeMatcher = () => false;
const matchers = new WeakMap<readonly string[], MediaTypeMatcher>();

/** Compiled once per API (cached by the array's identity), so requests only do the lookups. */
export function binaryMediaTypeMatcher(binaryMediaTypes: readonly string[]): MediaTypeMatcher {
  let matcher = matchers.get(binaryMediaTypes);
  if (!matcher) {
    matcher = compile(binaryMediaTypes);
    matchers.set(binaryMediaTypes, matcher);
  }
  return matcher;
}

function compile(binaryMediaTypes: readonly string[]): MediaTypeMatcher {
  if (binaryMediaTypes.length === 0) return NEVER;
  const exact = new Set<string>();
  const anySubtypeOf = new Set<string>();
  let everything = false;
  for (const entry of binaryMediaTypes) {
    // API Gateway's patch paths escape `/` as `~1`; some templates carry that spelling.
    const type = mediaTypeOf(entry.replace(/~1/g, '/'));
    if (type === '*/*') everything = true;
    else if (type.endsWith('/*')) anySubtypeOf.add(type.slice(0, -2));
    else exact.add(type);
  }
  return (contentType) => {
    if (contentType === undefined) return false;
    const type = mediaTypeOf(contentType);
    if (type === '') return false;
    if (everything || exact.has(type)) return true;
    const slash = type.indexOf('/');
    return slash !== -1 && anySubtypeOf.has(type.slice(0, slash));
  };
}

/** `Image/PNG; charset=x` → `image/png`. */
export function mediaTypeOf(headerValue: string): string {
  const semicolon = headerValue.indexOf(';');
  return (semicolon === -1 ? headerValue : headerValue.slice(0, semicolon)).trim().toLowerCase();
}

/** API Gateway honours only the first media type of an `Accept` list (DG:api-gateway-payload-encodings). */
export function firstAcceptedType(accept: string | undefined): string | undefined {
  if (accept === undefined) return undefined;
  const comma = accept.indexOf(',');
  return comma === -1 ? accept : accept.slice(0, comma);
}
