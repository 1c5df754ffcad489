/**
 * Integration request parameter mapping (`integration.request.header.x-user-id` ← `context.authorizer.principalId`),
 * evaluated the way API Gateway documents its sources: method request values, `context.*`, `stageVariables.*`
 * and quoted literals.
 */
import type { RequestContext } from '../../request-context';
import { headerValue } from '../../request-values';

export interface MappedParameters {
  readonly headers: [string, string][];
  readonly query: [string, string][];
  readonly path: Record<string, string>;
}

/** Looks up a `$context` variable by name without the `$context.` prefix. */
export type ContextLookup = (name: string) => string | undefined;

export function mapRequestParameters(
  mapping: Readonly<Record<string, string>>,
  ctx: RequestContext,
  contextLookup: ContextLookup,
): MappedParameters {
  const mapped: MappedParameters = { headers: [], query: [], path: {} };
  for (const [target, source] of Object.entries(mapping)) {
    const value = sourceValue(source, ctx, contextLookup);
    // A source without a value maps nothing (recorded on AWS: LS-AWS:test_apigateway_http::
    // test_http_proxy_integration_request_data_mappings); an empty one is treated alike, as LocalStack does.
    if (value === undefined || value === '') continue;
    const [, location, name] = /^integration\.request\.(header|querystring|path)\.(.+)$/.exec(target) ?? [];
    if (location === 'header') mapped.headers.push([name, value]);
    else if (location === 'querystring') mapped.query.push([name, value]);
    else if (location === 'path') mapped.path[name] = value;
  }
  return mapped;
}

/** Reads one request-side mapping source (literal, `method.request.*`, `stageVariables.*`, `context.*`). */
export function requestParameterSource(
  ctx: RequestContext,
  contextLookup: ContextLookup,
): (source: string) => string | undefined {
  return (source) => sourceValue(source, ctx, contextLookup);
}

function sourceValue(source: string, ctx: RequestContext, contextLookup: ContextLookup): string | undefined {
  if (source.length >= 2 && source.startsWith("'") && source.endsWith("'")) return source.slice(1, -1);
  let match = /^method\.request\.(header|multivalueheader|querystring|multivaluequerystring|path)\.(.+)$/.exec(source);
  if (match) {
    const [, location, name] = match;
    if (location === 'header' || location === 'multivalueheader') return headerValue(ctx.request.headers, name);
    if (location === 'path') return ctx.pathParameters[name];
    const values = ctx.query.filter(([key]) => key === name).map(([, value]) => value);
    if (values.length === 0) return undefined;
    return location === 'querystring' ? values[values.length - 1] : values.join(',');
  }
  match = /^stageVariables\.(.+)$/.exec(source);
  if (match) return ctx.stageVariables[match[1]];
  match = /^context\.(.+)$/.exec(source);
  if (match) return contextLookup(match[1]);
  return undefined;
}
