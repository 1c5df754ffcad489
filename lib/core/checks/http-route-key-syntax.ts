import { DEFAULT_ROUTE_KEY } from '../http-route-table';
import { HTTP_METHODS } from '../route-key';
import type { Finding } from './finding';
import { type CheckRule, finding } from './rule';

export const httpRouteKeySyntax: CheckRule = {
  ruleId: 'http-route-key-syntax',
  level: 'error',
  description:
    'An HTTP API route key AWS rejects: not "$default" or "<METHOD> /path", a path part outside the HTTP API pattern, ' +
    'an empty part, a trailing "/", a greedy variable that is not last.',
};

/** AWS's own pattern for HTTP API path parts, as its CreateRoute error quotes it (AWS docs: "Create routes for HTTP APIs", docs/aws-behaviour.md, "Deploy-time errors"). */
export const HTTP_PATH_PART_PATTERN = '^(\\{[\\w.:-]+\\+?\\}|[a-zA-Z0-9.:_-]+)$';
const PATH_PART = new RegExp(HTTP_PATH_PART_PATTERN);

/**
 * Every key is checked and every problem reported at once. The texts quote AWS where AWS's wording is known
 * (AWS docs: "Create routes for HTTP APIs", docs/aws-behaviour.md, "Deploy-time errors"); a trailing "/" and a greedy variable that is not last are rejected with
 * unknown wording (AWS docs: "Create routes for HTTP APIs", docs/aws-behaviour.md, "Deploy-time errors").
 */
export function checkHttpRouteKeys(keys: readonly string[]): Finding[] {
  return keys.flatMap((key) =>
    problems(key).map((problem) => finding(httpRouteKeySyntax, `Route "${key}": ${problem}`, key)),
  );
}

function problems(routeKey: string): string[] {
  if (routeKey.trim() === DEFAULT_ROUTE_KEY) return [];
  if (routeKey.trim() === '') return ['Route key is required. Write "<METHOD> /path" or "$default".'];
  const match = /^\s*([A-Za-z]+)\s+(\S+)\s*$/.exec(routeKey);
  if (!match) {
    return ['an HTTP API route key is "<METHOD> /path" (e.g. "GET /users/{id}") or "$default".'];
  }
  const found: string[] = [];
  const method = match[1].toUpperCase();
  if (!(HTTP_METHODS as readonly string[]).includes(method)) {
    found.push(`method "${match[1]}" is not one of ${HTTP_METHODS.join(', ')}.`);
  }
  const path = match[2];
  if (!path.startsWith('/')) return [...found, `the path must start with "/" (got "${path}").`];
  if (path === '/') return found;
  if (path.endsWith('/')) {
    found.push(
      `the path must not end with "/": HTTP APIs reject such route keys, and a request with a trailing "/" would not ` +
        `match the route without it anyway. Write "${path.replace(/\/+$/, '')}".`,
    );
  }
  const parts = path.replace(/\/+$/, '').slice(1).split('/');
  if (parts.includes('')) found.push('the path has an empty part ("//"): remove the double slash.');
  const invalid = parts.filter((part) => part !== '' && !PATH_PART.test(part));
  if (invalid.length > 0) {
    found.push(
      `One or more path parts appear to be invalid. Parts are validated against this regular expression: ` +
        `${HTTP_PATH_PART_PATTERN} (invalid: ${invalid.map((part) => `"${part}"`).join(', ')}). A variable must be a ` +
        'whole path part, like {id} or {proxy+}.',
    );
  }
  const greedyAt = parts.findIndex((part) => /^\{.+\+\}$/.test(part));
  if (greedyAt !== -1 && greedyAt !== parts.length - 1) {
    found.push(`nothing may follow the greedy variable ${parts[greedyAt]}: it must be the last path part.`);
  }
  return found;
}
