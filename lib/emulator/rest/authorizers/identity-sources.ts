/**
 * Identity sources of a REST Lambda authorizer (AWS docs: "Input to an API Gateway Lambda authorizer"): `method.request.header.X`
 * (case-insensitive), `method.request.querystring.Y`, `stageVariables.Z` and `context.W`. Each one is
 * compiled once per authorizer into a reader; reading yields undefined when the value is missing or empty.
 */
import type { RequestContext } from '../../request-context';
import { headerValue } from '../../request-values';

export type IdentitySourceReader = (
  ctx: RequestContext,
  contextVariable: (name: string) => string | undefined,
) => string | undefined;

const HEADER = 'method.request.header.';
const QUERY = 'method.request.querystring.';
const STAGE_VARIABLE = 'stageVariables.';
const CONTEXT = 'context.';

const present = (value: string | undefined): string | undefined => (value === '' ? undefined : value);

export function compileIdentitySource(source: string): IdentitySourceReader {
  const trimmed = source.trim();
  if (trimmed.startsWith(HEADER)) {
    const name = trimmed.slice(HEADER.length);
    return (ctx) => present(headerValue(ctx.request.headers, name));
  }
  if (trimmed.startsWith(QUERY)) {
    const name = trimmed.slice(QUERY.length);
    return (ctx) => {
      // The last value wins, as in the event's single-value map.
      let value: string | undefined;
      for (const [key, candidate] of ctx.query) if (key === name) value = candidate;
      return present(value);
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
  // Anything else (a path parameter, a typo) is refused by API Gateway at deploy time; here it is never present.
  return () => undefined;
}

/** The header a TOKEN authorizer reads; CDK and API Gateway default to `Authorization`. */
export function tokenHeaderName(identitySources: readonly string[]): string {
  const header = identitySources.map((source) => source.trim()).find((source) => source.startsWith(HEADER));
  return header ? header.slice(HEADER.length) : 'Authorization';
}
