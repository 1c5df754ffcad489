/**
 * What a REST mapping template sees: `$context` as nested plain objects (so `$context.identity.sourceIp`
 * and `#set($context.responseOverride.status = 400)` both work), the method request's parameters for
 * `$input.params()`, and compiled templates cached by source (parsed once, rendered per request).
 */

import type { RequestContext } from '../../request-context';
import type { MethodRequestParams } from '../../transform/input-variable';
import { compileMappingTemplate, type MappingTemplate } from '../../transform/vtl';
import type { ContextLookup } from './parameter-mapping';

/** `$context` variables of a request (AWS docs: "API Gateway mapping template and access logging variable reference"). */
const CONTEXT_NAMES = [
  'accountId',
  'apiId',
  'deploymentId',
  'domainName',
  'domainPrefix',
  'extendedRequestId',
  'httpMethod',
  'isCanaryRequest',
  'path',
  'protocol',
  'requestId',
  'requestTime',
  'requestTimeEpoch',
  'resourceId',
  'resourcePath',
  'stage',
  'identity.sourceIp',
  'identity.userAgent',
  'identity.apiKey',
  'identity.apiKeyId',
  'authorizer.principalId',
] as const;

export interface TemplateContext extends Record<string, unknown> {
  readonly requestOverride: {
    header: Record<string, unknown>;
    path: Record<string, unknown>;
    querystring: Record<string, unknown>;
  };
  readonly responseOverride: { header: Record<string, unknown>; status?: unknown };
}

export function templateContext(ctx: RequestContext, lookup: ContextLookup): TemplateContext {
  const root: Record<string, unknown> = {};
  for (const name of CONTEXT_NAMES) {
    const value = lookup(name);
    if (value !== undefined) setPath(root, name, value);
  }
  // Authorizer context values are stringified on REST APIs (AWS docs: "Output from an API Gateway Lambda authorizer").
  for (const [key, value] of Object.entries(ctx.authorizer?.context ?? {})) {
    if (value !== null) setPath(root, `authorizer.${key}`, String(value));
  }
  return {
    ...root,
    requestOverride: { header: {}, path: {}, querystring: {} },
    responseOverride: { header: {} },
  };
}

function setPath(root: Record<string, unknown>, dotted: string, value: unknown): void {
  const parts = dotted.split('.');
  let node = root;
  for (const part of parts.slice(0, -1)) {
    if (!node[part] || typeof node[part] !== 'object') node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]] = value;
}

/** `$input.params()`: path, query string (last value of a repeated name) and headers of the method request. */
export function methodRequestParams(ctx: RequestContext): MethodRequestParams {
  const querystring: Record<string, string> = {};
  for (const [name, value] of ctx.query) querystring[name] = value;
  const header: Record<string, string> = {};
  for (const [name, value] of ctx.request.headers) header[name] = value;
  return { path: { ...ctx.pathParameters }, querystring, header };
}

const compiled = new Map<string, MappingTemplate | Error>();

/** The compiled template for a source, compiled on first use; a template that cannot compile is its error. */
export function mappingTemplate(source: string): MappingTemplate | Error {
  let template = compiled.get(source);
  if (!template) {
    try {
      template = compileMappingTemplate(source);
    } catch (error) {
      template = error instanceof Error ? error : new Error(String(error));
    }
    compiled.set(source, template);
  }
  return template;
}
