/**
 * `$input` in mapping templates (AWS docs: "API Gateway mapping template and access logging variable reference"):
 * `body` is the raw payload, `json(x)` a JSONPath result as JSON text, `path(x)` the same result as an
 * object VTL can walk, `params()` the method request's `path`/`querystring`/`header` maps and `params(x)`
 * one value looked up in path, then query string, then headers.
 */
import { evaluateJsonPath } from './json-path';

export interface MethodRequestParams {
  readonly path: Readonly<Record<string, string>>;
  readonly querystring: Readonly<Record<string, string>>;
  readonly header: Readonly<Record<string, string>>;
}

export interface InputVariable {
  readonly body: string;
  json(path: string): string;
  path(path: string): unknown;
  params(): MethodRequestParams;
  params(name: string): string | undefined;
}

export function inputVariable(body: string, params: MethodRequestParams): InputVariable {
  let parsed: { value: unknown } | undefined;
  const document = (): unknown => {
    parsed ??= { value: parseBody(body) };
    return parsed.value;
  };
  return {
    body,
    json: (path) => JSON.stringify(evaluateJsonPath(String(path), document()) ?? null),
    path: (path) => javaView(evaluateJsonPath(String(path), document())),
    params: ((name?: string) => {
      if (name === undefined)
        return { path: { ...params.path }, querystring: { ...params.querystring }, header: { ...params.header } };
      const key = String(name);
      return params.path[key] ?? params.querystring[key] ?? headerLookup(params.header, key);
    }) as InputVariable['params'],
  };
}

/**
 * An empty payload reads as `{}`; a payload that is not JSON reads as its text (LocalStack does the same;
 * AWS's answer for a non-JSON body is not documented).
 */
function parseBody(body: string): unknown {
  if (body.trim() === '') return {};
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

function headerLookup(headers: Readonly<Record<string, string>>, name: string): string | undefined {
  if (headers[name] !== undefined) return headers[name];
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === lower) return value;
  return undefined;
}

/**
 * A copy of a JSONPath result whose lists print as JSON (recorded on AWS: a list from `$input.path` prints
 * `[{"foo":"bar"}]`), while maps keep Java's `{foo=bar}`; `null` becomes undefined, which renders empty.
 */
export function javaView(value: unknown): unknown {
  return value === null ? undefined : withListText(value);
}

function withListText(value: unknown): unknown {
  if (Array.isArray(value)) return jsonList(value.map(withListText), value);
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = withListText(item);
    return copy;
  }
  return value;
}

const JSON_TEXT = Symbol('portico.jsonText');

/** A list that remembers its JSON text, so the template renderer can print it as AWS does. */
function jsonList(items: unknown[], original: unknown[]): unknown[] {
  Object.defineProperty(items, JSON_TEXT, { value: JSON.stringify(original), enumerable: false });
  return items;
}

export function jsonTextOf(value: unknown): string | undefined {
  return Array.isArray(value) ? (value as unknown as Record<symbol, string | undefined>)[JSON_TEXT] : undefined;
}
