/**
 * REST APIs key per-method settings by path and method in two spellings: a stage's `methodSettings` as
 * `{path}/{METHOD}` (slashes in the path escaped as `~1`, `*\/*` for every method), a usage plan's per-method
 * throttle as `/{path}/{METHOD}` (root `//GET`). `portico verify` names both by route key, `GET /users/{id}`.
 */

/** `~1users~1{id}/GET`, `/users/{id}/GET`, `users/{id}/GET` or `//GET` → `GET /users/{id}` (`GET /`). */
export function methodThrottleKey(key: string): string {
  const unescaped = key.replace(/~1/g, '/');
  const split = unescaped.lastIndexOf('/');
  const method = unescaped.slice(split + 1);
  const path = `/${unescaped.slice(0, split).replace(/^\/+/, '')}`;
  return `${method} ${path === '/' ? '/' : path.replace(/\/+$/, '')}`;
}
