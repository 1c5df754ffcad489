/**
 * HTTP API parameter mapping for HTTP integrations (DG:http-api-parameter-mapping): request mappings
 * `append|overwrite|remove:header.<name>`, `append|overwrite|remove:querystring.<name>` and `overwrite:path`;
 * response mappings per backend status code, `overwrite:statuscode` and `append|overwrite|remove:header.<name>`.
 * A value is a literal or one expression: `$request.header.x`, `$request.querystring.x`, `$request.path.x`,
 * `$request.path`, `$context.x`, `$stageVariables.x`, `$response.header.x` (responses). Mixed text with
 * several expressions is not interpreted (kept literally).
 */
import type { HttpRequestContext } from './http-context';

export interface MappedRequest {
  readonly headers: [string, string][];
  readonly query: [string, string][];
  readonly path: string;
}

type Lookup = (name: string) => string | undefined;

function requestValue(expression: string, ctx: HttpRequestContext, contextVariable: Lookup): string | undefined {
  const trimmed = expression.trim();
  if (!trimmed.startsWith('$')) return expression;
  let match = /^\$request\.header\.(.+)$/.exec(trimmed);
  if (match) {
    const name = match[1].toLowerCase();
    const values = ctx.request.headers.filter(([key]) => key.toLowerCase() === name).map(([, value]) => value);
    return values.length === 0 ? undefined : values.join(',');
  }
  match = /^\$request\.querystring\.(.+)$/.exec(trimmed);
  if (match) {
    const values = ctx.query.filter(([key]) => key === match?.[1]).map(([, value]) => value);
    return values.length === 0 ? undefined : values.join(',');
  }
  if (trimmed === '$request.path') return ctx.path;
  match = /^\$request\.path\.(.+)$/.exec(trimmed);
  if (match) return ctx.pathParameters[match[1]];
  match = /^\$stageVariables\.(.+)$/.exec(trimmed);
  if (match) return ctx.stageVariables[match[1]];
  match = /^\$context\.(.+)$/.exec(trimmed);
  if (match) return contextVariable(match[1]);
  return expression;
}

/** Applies request mappings to the headers, query and path that will be sent to the backend. */
export function mapHttpRequest(
  mappings: Readonly<Record<string, string>>,
  ctx: HttpRequestContext,
  initial: MappedRequest,
  contextVariable: Lookup,
): MappedRequest {
  let headers = [...initial.headers];
  let query = [...initial.query];
  let path = initial.path;
  for (const [target, expression] of Object.entries(mappings)) {
    const [, action, location, name] =
      /^(append|overwrite|remove):(header|querystring|path)(?:\.(.+))?$/i.exec(target) ?? [];
    if (!action) continue;
    const value = action.toLowerCase() === 'remove' ? undefined : requestValue(expression, ctx, contextVariable);
    const verb = action.toLowerCase();
    if (location.toLowerCase() === 'path') {
      if (verb === 'overwrite' && value !== undefined) path = value.startsWith('/') ? value : `/${value}`;
      continue;
    }
    if (!name) continue;
    if (location.toLowerCase() === 'header') {
      const lower = name.toLowerCase();
      if (verb !== 'append') headers = headers.filter(([key]) => key.toLowerCase() !== lower);
      if (verb !== 'remove' && value !== undefined) headers.push([name, value]);
    } else {
      if (verb !== 'append') query = query.filter(([key]) => key !== name);
      if (verb !== 'remove' && value !== undefined) query.push([name, value]);
    }
  }
  return { headers, query, path };
}

/** Applies the response mappings for the backend's status code (`"404": {"overwrite:statuscode": "204"}`). */
export function mapHttpResponse(
  mappings: Readonly<Record<string, Readonly<Record<string, string>>>>,
  statusCode: number,
  headers: readonly (readonly [string, string])[],
  contextVariable: Lookup,
): { statusCode: number; headers: [string, string][] } {
  const forStatus = mappings[String(statusCode)];
  let mapped: [string, string][] = headers.map(([name, value]) => [name, value]);
  let status = statusCode;
  if (!forStatus) return { statusCode, headers: mapped };
  const responseValue = (expression: string): string | undefined => {
    const header = /^\$response\.header\.(.+)$/.exec(expression.trim())?.[1]?.toLowerCase();
    if (header) return headers.find(([name]) => name.toLowerCase() === header)?.[1];
    const context = /^\$context\.(.+)$/.exec(expression.trim())?.[1];
    return context ? contextVariable(context) : expression;
  };
  for (const [target, expression] of Object.entries(forStatus)) {
    if (target.toLowerCase() === 'overwrite:statuscode') {
      const code = Number(responseValue(expression));
      if (Number.isInteger(code) && code >= 100 && code <= 599) status = code;
      continue;
    }
    const [, action, name] = /^(append|overwrite|remove):header\.(.+)$/i.exec(target) ?? [];
    if (!action) continue;
    const verb = action.toLowerCase();
    const lower = name.toLowerCase();
    if (verb !== 'append') mapped = mapped.filter(([key]) => key.toLowerCase() !== lower);
    const value = verb === 'remove' ? undefined : responseValue(expression);
    if (value !== undefined) mapped.push([name, value]);
  }
  return { statusCode: status, headers: mapped };
}
