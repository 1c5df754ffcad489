/** Events for calling the example handlers directly, built from real API Gateway captures. */
import type { APIGatewayProxyEvent, APIGatewayProxyResult, APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import authorizerCapture from './fixtures/rest-request-authorizer-event.real-capture.powertools-ts.json';
import proxyCapture from './fixtures/rest-v1-proxy-event.no-auth.real-capture.powertools-ts.json';

export interface RestEventOptions {
  /** Resource template, e.g. `/users/{id}`. */
  readonly resource: string;
  /** Request path without the stage, e.g. `/users/u-1`. */
  readonly path?: string;
  readonly pathParameters?: Record<string, string>;
  readonly query?: Record<string, string>;
  readonly headers?: Record<string, string>;
  /** A string is sent as is; anything else is JSON-encoded. */
  readonly body?: unknown;
  readonly stage?: string;
  readonly stageVariables?: Record<string, string>;
  /** The caller, as a REST Lambda authorizer context arrives (values stringified, AWS docs: "Lambda proxy integrations in API Gateway"). */
  readonly caller?: { readonly userId: string; readonly scopes?: string };
}

/** `restEvent('GET', {resource: '/users/{id}', pathParameters: {id: 'u-1'}})` — absent maps are `null`, as on AWS. */
export function restEvent(method: string, options: RestEventOptions): APIGatewayProxyEvent {
  const event = structuredClone(proxyCapture) as unknown as APIGatewayProxyEvent;
  const stage = options.stage ?? 'prod';
  const path = options.path ?? options.resource;
  event.httpMethod = method;
  event.resource = options.resource;
  event.path = path;
  event.headers = { ...event.headers, ...options.headers };
  event.pathParameters = options.pathParameters ?? null;
  event.queryStringParameters = options.query ?? null;
  event.multiValueQueryStringParameters = options.query
    ? Object.fromEntries(Object.entries(options.query).map(([name, value]) => [name, [value]]))
    : null;
  event.stageVariables = options.stageVariables ?? null;
  event.body =
    options.body === undefined ? null : typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  event.requestContext = {
    ...event.requestContext,
    httpMethod: method,
    resourcePath: options.resource,
    path: `/${stage}${path}`,
    stage,
  };
  if (options.caller) {
    event.requestContext.authorizer = {
      principalId: options.caller.userId,
      integrationLatency: 0,
      userId: options.caller.userId,
      scopes: options.caller.scopes ?? '',
    };
  }
  return event;
}

export function authorizerEvent(headers: Record<string, string> = {}): APIGatewayRequestAuthorizerEvent {
  const event = structuredClone(authorizerCapture) as unknown as APIGatewayRequestAuthorizerEvent;
  // The capture's own `Authorization: Bearer foo` is dropped so each test states its header.
  const { Authorization: _omitted, ...captured } = event.headers as Record<string, string>;
  const merged = { ...captured, ...headers };
  event.headers = merged;
  event.multiValueHeaders = Object.fromEntries(Object.entries(merged).map(([name, value]) => [name, [value]]));
  return event;
}

/** The response body parsed as JSON. */
export function bodyOf<T = Record<string, unknown>>(response: APIGatewayProxyResult): T {
  return JSON.parse(response.body) as T;
}

/**
 * A handler module loaded in its own module registry, so its in-memory data starts from the seed
 * (each warm Lambda worker starts the same way).
 */
export function freshHandler<T>(load: () => T): T {
  let loaded: T | undefined;
  jest.isolateModules(() => {
    loaded = load();
  });
  return loaded as T;
}
