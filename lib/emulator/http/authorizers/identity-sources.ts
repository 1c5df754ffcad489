/**
 * Identity sources of HTTP API authorizers (AWS docs: "Control access to HTTP APIs with AWS Lambda authorizers"): `$request.header.name` (case-insensitive),
 * `$request.querystring.name` (case-sensitive), `$context.variable` and `$stageVariables.name`. Each is
 * compiled once into a reader; a missing or empty value reads as undefined. Repeated headers or query names
 * read as their values joined with commas, as the 2.0 event shows them.
 */
import type { HttpRequestContext } from '../http-context';

export type HttpIdentitySourceReader = (
  ctx: HttpRequestContext,
  contextVariable: (name: string) => string | undefined,
) => string | undefined;

const HEADER = '$request.header.';
const QUERY = '$request.querystring.';
const CONTEXT = '$context.';
const STAGE_VARIABLE = '$stageVariables.';

const present = (value: string | undefined): string | undefined => (value === '' ? undefined : value);

export function compileHttpIdentitySource(source: string): HttpIdentitySourceReader {
  const trimmed = source.trim();
  if (trimmed.startsWith(HEADER)) {
    const name = trimmed.slice(HEADER.length).toLowerCase();
    return (ctx) => {
      const values = ctx.request.headers.filter(([key]) => key.toLowerCase() === name).map(([, value]) => value);
      return present(values.length === 0 ? undefined : values.join(','));
    };
  }
  if (trimmed.startsWith(QUERY)) {
    const name = trimmed.slice(QUERY.length);
    return (ctx) => {
      const values = ctx.query.filter(([key]) => key === name).map(([, value]) => value);
      return present(values.length === 0 ? undefined : values.join(','));
    };
  }
  if (trimmed.startsWith(STAGE_VARIABLE)) {
    const name = trimmed.slice(STAGE_VARIABLE.length);
    return (ctx) => present(Object.hasOwn(ctx.stageVariables, name) ? ctx.stageVariables[name] : undefined);
  }
  if (trimmed.startsWith(CONTEXT)) {
    const name = trimmed.slice(CONTEXT.length);
    return (_ctx, contextVariable) => present(contextVariable(name));
  }
  // API Gateway refuses any other expression at deploy time; here it is never present.
  return () => undefined;
}
