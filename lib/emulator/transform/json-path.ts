/**
 * JSONPath for `$input.path`/`$input.json` and `integration.response.body.<path>` mappings, on jsonpath-plus.
 * API Gateway evaluates them with Jayway JsonPath, which answers a *definite* path (no wildcard, filter,
 * deep scan, slice or union) with the one value and any other path with the list of matches; we do the same.
 */
import { JSONPath } from 'jsonpath-plus';

const INDEFINITE = /\*|\.\.|\?\(|\[[^\]]*[:,][^\]]*\]/;

export function evaluateJsonPath(path: string, json: unknown): unknown {
  const expression = path.trim() === '' ? '$' : path.trim();
  if (expression === '$') return json;
  if (json === null || typeof json !== 'object') return undefined;
  let results: unknown[];
  try {
    results = JSONPath({ path: expression, json: json as object, wrap: true, eval: false }) as unknown[];
  } catch {
    return undefined;
  }
  if (INDEFINITE.test(expression)) return results;
  return results.length === 0 ? undefined : results[0];
}
