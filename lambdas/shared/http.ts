/**
 * Tiny HTTP toolkit shared by the example services: JSON responses, typed errors, a router over
 * REST payload 1.0 events (AWS docs: "Lambda proxy integrations in API Gateway"), and the caller that the Lambda authorizer put into
 * `requestContext.authorizer`.
 */
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';

export type ResponseHeaders = Record<string, string>;

export function json(statusCode: number, body: unknown, headers?: ResponseHeaders): APIGatewayProxyResult {
  return {
    statusCode,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  };
}

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly headers: ResponseHeaders = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadRequestError extends HttpError {
  constructor(message: string) {
    super(400, message);
  }
}

export class ForbiddenError extends HttpError {
  constructor(message: string) {
    super(403, message);
  }
}

export class NotFoundError extends HttpError {
  constructor(message: string) {
    super(404, message);
  }
}

export class MethodNotAllowedError extends HttpError {
  constructor(method: string, resource: string, allowed: readonly string[]) {
    super(405, `Method ${method} is not allowed on ${resource}`, { allow: allowed.join(', ') });
  }
}

export type RouteHandler = (event: APIGatewayProxyEvent) => APIGatewayProxyResult | Promise<APIGatewayProxyResult>;

/** Handlers keyed by `METHOD /resource/{template}` as API Gateway names the resource (`ANY` matches every method). */
export type RouteHandlers = Readonly<Record<string, RouteHandler>>;

export interface RouteOptions {
  /** Headers added to every response, errors included. */
  readonly headers?: ResponseHeaders;
}

/**
 * Dispatches on `event.resource` (the matched resource template, not the request path) and turns
 * thrown `HttpError`s into `{"message": ...}` responses and anything else into a 500.
 * A template also matches when mounted under a prefix (`/v2/orders/{id}` serves `/orders/{id}`).
 */
export function route(handlers: RouteHandlers, options: RouteOptions = {}) {
  const table = new Map<string, Map<string, RouteHandler>>();
  for (const [key, handler] of Object.entries(handlers)) {
    const [method, resource] = key.split(' ');
    if (!method || !resource?.startsWith('/')) throw new Error(`Route key must be "METHOD /resource": ${key}`);
    const methods = table.get(resource) ?? new Map<string, RouteHandler>();
    methods.set(method.toUpperCase(), handler);
    table.set(resource, methods);
  }
  const extraHeaders = options.headers ?? {};

  return async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
    let result: APIGatewayProxyResult;
    try {
      result = await dispatch(table, event);
    } catch (error) {
      result = errorResponse(error);
    }
    return { ...result, headers: { ...result.headers, ...extraHeaders } };
  };
}

async function dispatch(
  table: ReadonlyMap<string, ReadonlyMap<string, RouteHandler>>,
  event: APIGatewayProxyEvent,
): Promise<APIGatewayProxyResult> {
  const resource = event.resource ?? '';
  const template = table.has(resource) ? resource : longestSuffixTemplate(table.keys(), resource);
  const methods = template === undefined ? undefined : table.get(template);
  if (!methods || template === undefined) throw new NotFoundError(`No route for ${event.httpMethod} ${resource}`);
  const method = (event.httpMethod ?? '').toUpperCase();
  const handler = methods.get(method) ?? methods.get('ANY');
  if (!handler) throw new MethodNotAllowedError(method, template, [...methods.keys()]);
  return handler(event);
}

function longestSuffixTemplate(templates: Iterable<string>, resource: string): string | undefined {
  let best: string | undefined;
  for (const t of templates) {
    if (t !== '/' && resource.endsWith(t) && t.length > (best?.length ?? 0)) best = t;
  }
  return best;
}

function errorResponse(error: unknown): APIGatewayProxyResult {
  if (error instanceof HttpError) return json(error.statusCode, { message: error.message }, error.headers);
  // Unknown errors are bugs: log them for CloudWatch, never leak them to the client.
  console.error(error);
  return json(500, { message: 'Internal server error' });
}

/** The JSON request body; a missing body or invalid JSON is a 400. */
export function parseJsonBody(event: APIGatewayProxyEvent): unknown {
  if (event.body === null || event.body === undefined || event.body === '') {
    throw new BadRequestError('Request body is required (JSON)');
  }
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  try {
    return JSON.parse(text);
  } catch {
    throw new BadRequestError('Request body is not valid JSON');
  }
}

/** A path parameter, URL-decoded (REST passes them encoded, AWS docs: "Amazon API Gateway important notes", docs/aws-behaviour.md, "REST paths"). */
export function pathParameter(event: APIGatewayProxyEvent, name: string): string {
  const raw = event.pathParameters?.[name];
  if (raw === undefined || raw === '') throw new BadRequestError(`Path parameter ${name} is required`);
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new BadRequestError(`Path parameter ${name} is not valid URL encoding`);
  }
}

/** A query parameter (already decoded by API Gateway), or undefined when absent or empty. */
export function queryParameter(event: APIGatewayProxyEvent, name: string): string | undefined {
  const value = event.queryStringParameters?.[name];
  return value === undefined || value === '' ? undefined : value;
}

/**
 * The stage prefix of the client's URL on an execute-api host (`requestContext.path` is
 * `/v2/orders`, `path` is `/orders` → `/v2`), for links the client can follow. Through a custom
 * domain both carry the base path and no stage (AWS docs: "Lambda proxy integrations in API Gateway"), so this is `''` there.
 */
export function basePath(event: APIGatewayProxyEvent): string {
  const full = event.requestContext?.path;
  if (typeof full !== 'string' || !full.endsWith(event.path)) return '';
  return full.slice(0, full.length - event.path.length);
}

export interface Caller {
  readonly userId: string;
  readonly scopes: readonly string[];
}

/**
 * The caller as the Lambda authorizer described it. REST stringifies authorizer context values
 * (AWS docs: "Lambda proxy integrations in API Gateway"), so `scopes` arrives as one space-separated string.
 */
export function callerOf(event: APIGatewayProxyEvent): Caller | undefined {
  const authorizer: unknown = event.requestContext?.authorizer;
  if (typeof authorizer !== 'object' || authorizer === null) return undefined;
  const { userId, principalId, scopes } = authorizer as Record<string, unknown>;
  const id = typeof userId === 'string' && userId !== '' ? userId : principalId;
  if (typeof id !== 'string' || id === '') return undefined;
  return { userId: id, scopes: typeof scopes === 'string' ? scopes.split(/\s+/).filter(Boolean) : [] };
}

/** The caller, who must hold `scope`; otherwise 403. */
export function requireScope(event: APIGatewayProxyEvent, scope: string): Caller {
  const caller = callerOf(event);
  if (!caller) throw new ForbiddenError(`This operation needs an authenticated caller with scope ${scope}`);
  if (!caller.scopes.includes(scope)) throw new ForbiddenError(`Missing scope ${scope}`);
  return caller;
}
