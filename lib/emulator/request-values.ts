/**
 * Header and query-string maps in the shapes REST events use (AWS docs: "Amazon API Gateway important notes"; "Lambda proxy integrations in API Gateway", docs/aws-behaviour.md, "REST paths"):
 * single-value maps keep the last value, multi-value maps keep all, names keep the client's casing.
 */

export interface ValueMaps {
  readonly single: Record<string, string>;
  readonly multi: Record<string, string[]>;
}

export function toValueMaps(pairs: readonly (readonly [string, string])[]): ValueMaps {
  const single: Record<string, string> = {};
  const multi: Record<string, string[]> = {};
  for (const [name, value] of pairs) {
    single[name] = value;
    if (Object.hasOwn(multi, name)) multi[name].push(value);
    else multi[name] = [value];
  }
  return { single, multi };
}

/** Decodes one query component as API Gateway does: `+` is a space, invalid `%` escapes are kept as written. */
export function decodeQueryComponent(raw: string): string {
  const spaced = raw.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced.replace(/%([0-9A-Fa-f]{2})/g, (sequence, hex: string) => {
      try {
        return decodeURIComponent(`%${hex}`);
      } catch {
        return sequence;
      }
    });
  }
}

/** Splits and decodes a raw query string (without `?`); text after `#` is dropped (AWS docs: "Amazon API Gateway important notes", docs/aws-behaviour.md, "REST paths"). */
export function parseQueryString(rawQuery: string): [string, string][] {
  const withoutFragment = rawQuery.split('#', 1)[0];
  if (withoutFragment === '') return [];
  const pairs: [string, string][] = [];
  for (const part of withoutFragment.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = eq === -1 ? part : part.slice(0, eq);
    const value = eq === -1 ? '' : part.slice(eq + 1);
    pairs.push([decodeQueryComponent(name), decodeQueryComponent(value)]);
  }
  return pairs;
}

/** Case-insensitive header lookup (last value wins, as in the single-value map). */
export function headerValue(headers: readonly (readonly [string, string])[], name: string): string | undefined {
  const wanted = name.toLowerCase();
  let found: string | undefined;
  // On every request, several times: only a name of the right length is lower-cased (no string per header).
  for (const [key, value] of headers) {
    if (key.length === wanted.length && (key === wanted || key.toLowerCase() === wanted)) found = value;
  }
  return found;
}
