/**
 * Renders a raised GatewayError as the client sees it (AWS docs: "Gateway response types for API Gateway"): the type's default status and
 * `{"message":$context.error.messageString}`, or the API's `AWS::ApiGateway::GatewayResponse` override.
 * An override of `DEFAULT_4XX`/`DEFAULT_5XX` stands in for every 4XX/5XX type without its own override.
 * Overrides are compiled once (cached by object identity), so a request only evaluates them.
 */
import {
  DEFAULT_GATEWAY_RESPONSE_TEMPLATE,
  GATEWAY_RESPONSE_DEFAULTS,
  type GatewayError,
} from '../../core/gateway-responses';
import { formatRequestTime } from '../../core/request-time';
import { resourceIdOf } from '../../core/rest-router';
import type { ApiModel, GatewayResponseOverride } from '../model';
import type { GatewayResponse, RequestContext } from '../request-context';
import { contextPathOf } from '../request-target';
import { headerValue } from '../request-values';

type Overrides = ApiModel['gatewayResponses'];

/** Reads one value for a request; `undefined` means "not available" (an unknown or absent variable). */
type ValueSource = (ctx: RequestContext, error: GatewayError) => string | undefined;
type Template = readonly (string | ValueSource)[];

interface CompiledOverride {
  readonly statusCode?: number;
  readonly body?: Template;
  readonly headers: readonly (readonly [string, ValueSource])[];
}

export function renderGatewayError(error: GatewayError, ctx: RequestContext, overrides: Overrides): GatewayResponse {
  const defaults = GATEWAY_RESPONSE_DEFAULTS[error.responseType];
  const family = defaults.statusCode >= 500 ? overrides.DEFAULT_5XX : overrides.DEFAULT_4XX;
  const override = overrides[error.responseType] ?? family;
  const compiled = override && compileOverride(override);

  const headers: [string, string][] = [['Content-Type', 'application/json']];
  if (defaults.errorType) headers.push(['x-amzn-ErrorType', defaults.errorType]);
  headers.push(['x-amzn-RequestId', ctx.requestId]);
  for (const [name, source] of compiled?.headers ?? []) {
    const value = source(ctx, error);
    if (value === undefined) continue;
    const lower = name.toLowerCase();
    const existing = headers.findIndex(([n]) => n.toLowerCase() === lower);
    if (existing === -1) headers.push([name, value]);
    else headers[existing] = [name, value];
  }

  return {
    statusCode: compiled?.statusCode ?? defaults.statusCode,
    headers,
    body: Buffer.from(render(compiled?.body ?? DEFAULT_TEMPLATE, ctx, error), 'utf8'),
  };
}

const compiledOverrides = new WeakMap<GatewayResponseOverride, CompiledOverride>();

function compileOverride(override: GatewayResponseOverride): CompiledOverride {
  let compiled = compiledOverrides.get(override);
  if (!compiled) {
    const template = override.responseTemplates['application/json'];
    const headers: [string, ValueSource][] = [];
    for (const [key, expression] of Object.entries(override.responseParameters)) {
      const name = /^gatewayresponse\.header\.(.+)$/.exec(key)?.[1];
      const source = name && parameterSource(expression);
      if (name && source) headers.push([name, source]);
    }
    compiled = {
      statusCode: override.statusCode,
      body: template === undefined ? undefined : compileTemplate(template),
      headers,
    };
    compiledOverrides.set(override, compiled);
  }
  return compiled;
}

/**
 * A response parameter's value: a quoted literal (`"'*'"`), a method request value
 * (`method.request.header.Origin`, `.querystring.x`, `.path.id`), `stageVariables.x` or `context.x`.
 */
function parameterSource(expression: string): ValueSource | undefined {
  const literal = /^'(.*)'$/s.exec(expression);
  if (literal) {
    const value = literal[1];
    return () => value;
  }
  const request = /^method\.request\.(header|querystring|path)\.(.+)$/.exec(expression);
  if (request) {
    const name = request[2];
    if (request[1] === 'header') return (ctx) => headerValue(ctx.request.headers, name);
    if (request[1] === 'path') return (ctx) => ctx.pathParameters[name];
    return (ctx) => lastQueryValue(ctx.query, name);
  }
  return variableSource(expression);
}

function lastQueryValue(query: RequestContext['query'], name: string): string | undefined {
  let found: string | undefined;
  for (const [key, value] of query) if (key === name) found = value;
  return found;
}

function variableSource(reference: string): ValueSource | undefined {
  if (reference.startsWith('stageVariables.')) {
    const name = reference.slice('stageVariables.'.length);
    return (ctx) => ctx.stageVariables[name];
  }
  if (reference.startsWith('context.')) return contextSource(reference.slice('context.'.length));
  return undefined;
}

/** The `$context` variables a gateway response can use (AWS docs: "API Gateway mapping template and access logging variable reference", request-time subset). */
const CONTEXT_VARIABLES: Readonly<Record<string, ValueSource>> = {
  'error.message': (_ctx, error) => error.gatewayMessage ?? '',
  // Quoted for JSON: `"Forbidden"`, or `null` (AUTHORIZER_CONFIGURATION_ERROR).
  'error.messageString': (_ctx, error) => JSON.stringify(error.gatewayMessage),
  'error.responseType': (_ctx, error) => error.responseType,
  'error.validationErrorString': (ctx) => ctx.validationErrorString ?? '',
  requestId: (ctx) => ctx.requestId,
  extendedRequestId: (ctx) => ctx.extendedRequestId,
  requestTime: (ctx) => formatRequestTime(ctx.requestTimeEpoch),
  requestTimeEpoch: (ctx) => String(ctx.requestTimeEpoch),
  httpMethod: (ctx) => ctx.request.method,
  path: (ctx) => contextPathOf(ctx.request.rawUrl),
  protocol: () => 'HTTP/1.1',
  resourcePath: (ctx) => ctx.route?.key.path,
  resourceId: (ctx) => ctx.route && resourceIdOf(ctx.route.key.path),
  stage: (ctx) => ctx.stage?.name,
  apiId: (ctx) => ctx.api?.apiId,
  domainName: (ctx) => ctx.domainName,
  domainPrefix: (ctx) => ctx.domainName.split('.', 1)[0],
  isCanaryRequest: (ctx) => String(ctx.isCanaryRequest),
  'customDomain.basePathMatched': (ctx) => ctx.basePathMatched,
  'identity.sourceIp': (ctx) => ctx.request.sourceIp,
  'identity.userAgent': (ctx) => headerValue(ctx.request.headers, 'user-agent'),
  'identity.apiKey': (ctx) => ctx.apiKey?.value,
  'identity.apiKeyId': (ctx) => ctx.apiKey?.id,
  'authorizer.principalId': (ctx) => ctx.authorizer?.principalId,
};

function contextSource(name: string): ValueSource | undefined {
  const known = CONTEXT_VARIABLES[name];
  if (known) return known;
  if (name.startsWith('authorizer.')) {
    const key = name.slice('authorizer.'.length);
    return (ctx) => {
      const value = ctx.authorizer?.context[key];
      return value === undefined || value === null ? undefined : String(value);
    };
  }
  return undefined;
}

/**
 * `$context.x.y`, `$!context.x`, `${context.x}` and the same for `$stageVariables`. Anything else (other
 * VTL references and directives) is kept as literal text; an unknown or absent variable renders empty.
 */
const REFERENCE = /\$!?(?:\{((?:context|stageVariables)\.[\w.-]+)\}|((?:context|stageVariables)(?:\.\w+)+))/g;

export function compileTemplate(template: string): Template {
  const parts: (string | ValueSource)[] = [];
  let last = 0;
  for (const match of template.matchAll(REFERENCE)) {
    if (match.index > last) parts.push(template.slice(last, match.index));
    parts.push(variableSource(match[1] ?? match[2]) ?? (() => undefined));
    last = match.index + match[0].length;
  }
  if (last < template.length) parts.push(template.slice(last));
  return parts;
}

function render(template: Template, ctx: RequestContext, error: GatewayError): string {
  let out = '';
  for (const part of template) out += typeof part === 'string' ? part : (part(ctx, error) ?? '');
  return out;
}

const DEFAULT_TEMPLATE = compileTemplate(DEFAULT_GATEWAY_RESPONSE_TEMPLATE);
