/**
 * HTTP APIs as a public OpenAPI 3.0 document (`portico openapi --http`), like the REST export: one
 * operation per route and method with a readable operation id, path parameters, and what a caller must
 * send (JWT → OpenID Connect discovery of the issuer with the route's scopes, Lambda authorizers → their
 * identity header or query string, IAM → a SigV4 `Authorization` header). Without the extensions `ANY`
 * becomes the methods it stands for and the `$default` route, which is no path, is described in
 * `info.description`. With the extensions the document is the definition API Gateway imports
 * (`renderHttpDefinition`), with servers added.
 */
import {
  DEFAULT_ROUTE_KEY,
  type HttpAuthorizerSpec,
  type HttpRouteSpec,
  type HttpRouteTable,
} from '../http-route-table';
import { ANY_EXPANDS_TO, type PathSegment } from '../route-key';
import type { ServerObject } from './export-document';
import type { Parameter, SecurityRequirement } from './openapi-document';
import { OperationIds } from './operation-id';
import type { PublicSecurityScheme } from './public-security';
import { renderHttpDefinition } from './render-http-definition';
import { IAM_SCHEME } from './security-schemes';

export interface ExportedHttpApi {
  /** `Stack/LogicalId`, for error messages. */
  readonly label: string;
  readonly table: HttpRouteTable;
  readonly servers: readonly ServerObject[];
}

export interface HttpOpenApiExportOptions {
  readonly title: string;
  readonly version: string;
  /** Keep the `x-amazon-apigateway-*` extensions (the importable definition). @default false */
  readonly awsExtensions?: boolean;
  /** Region of Lambda ARNs in the extensions. @default 'us-east-1' */
  readonly region?: string;
}

export interface ExportedHttpOperation {
  readonly operationId: string;
  readonly security?: readonly SecurityRequirement[];
  readonly responses: Readonly<Record<string, { readonly description: string }>>;
}

export interface ExportedHttpOpenApiDocument {
  readonly openapi: string;
  readonly info: { readonly title: string; readonly description?: string; readonly version: string };
  readonly servers?: readonly ServerObject[];
  readonly paths: Readonly<Record<string, unknown>>;
  readonly components?: { readonly securitySchemes?: Readonly<Record<string, unknown>> };
  readonly [extension: `x-${string}`]: unknown;
}

export class HttpOpenApiExportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HttpOpenApiExportError';
  }
}

export function exportHttpOpenApi(
  apis: readonly ExportedHttpApi[],
  options: HttpOpenApiExportOptions,
): ExportedHttpOpenApiDocument {
  if (apis.length === 0) throw new HttpOpenApiExportError('No HTTP API selected.');
  const servers = apis.flatMap((api) => api.servers);
  if (options.awsExtensions) {
    if (apis.length > 1) {
      throw new HttpOpenApiExportError(
        `With --aws-extensions the document is one HTTP API's importable definition; pick one of ${apis.map((a) => a.label).join(', ')} with --stack`,
      );
    }
    const definition = renderHttpDefinition(apis[0].table, {
      title: options.title,
      version: options.version,
      region: options.region,
    });
    return { ...definition, servers };
  }

  const ids = new OperationIds();
  const paths: Record<string, Record<string, unknown>> = {};
  const schemes: Record<string, PublicSecurityScheme> = {};
  const defaultRoutes: string[] = [];
  const filledByAny: Record<string, Set<string>> = {};
  for (const api of apis) {
    for (const authorizer of api.table.authorizers) schemes[authorizer.name] = publicScheme(authorizer);
    if (api.table.routes.some((route) => route.authorization.kind === 'iam')) {
      schemes[IAM_SCHEME] = {
        type: 'apiKey',
        name: 'Authorization',
        in: 'header',
        description: 'AWS Signature Version 4 (IAM authorization)',
      };
    }
    const routes = [...api.table.routes].sort((a, b) => routeOrder(a).localeCompare(routeOrder(b)));
    for (const route of routes) {
      if (route.key === DEFAULT_ROUTE_KEY) {
        defaultRoutes.push(api.label);
        continue;
      }
      paths[route.key.path] ??= pathItem(route.key.segments);
      filledByAny[route.key.path] ??= new Set();
      const item = paths[route.key.path];
      const viaAny = filledByAny[route.key.path];
      // A method-specific route wins over ANY on the same path, as API Gateway routes it.
      const methods = route.key.method === 'ANY' ? ANY_EXPANDS_TO : [route.key.method];
      for (const method of methods) {
        const key = method.toLowerCase();
        if (item[key] !== undefined) {
          if (route.key.method === 'ANY') continue;
          if (!viaAny.has(key)) {
            throw new HttpOpenApiExportError(
              `${method} ${route.key.path} is declared by more than one selected HTTP API`,
            );
          }
        }
        item[key] = operation(route, api.table, ids.next(key, route.key.segments));
        if (route.key.method === 'ANY') viaAny.add(key);
        else viaAny.delete(key);
      }
    }
  }
  const description =
    defaultRoutes.length === 0
      ? undefined
      : `Requests that no route takes go to the $default route of ${defaultRoutes.join(', ')}.`;
  return {
    openapi: '3.0.3',
    info: { title: options.title, ...(description ? { description } : {}), version: options.version },
    ...(servers.length === 0 ? {} : { servers }),
    paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))),
    ...(Object.keys(schemes).length === 0 ? {} : { components: { securitySchemes: schemes } }),
  };
}

/** Specific methods before ANY, so that ANY fills only the methods left. */
function routeOrder(route: HttpRouteSpec): string {
  if (route.key === DEFAULT_ROUTE_KEY) return '~';
  return `${route.key.path}\0${route.key.method === 'ANY' ? '~' : route.key.method}`;
}

function pathItem(segments: readonly PathSegment[]): Record<string, unknown> {
  const names = segments.flatMap((segment) => (segment.kind === 'literal' ? [] : [segment.name]));
  if (names.length === 0) return {};
  return {
    parameters: names.map((name): Parameter => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
  };
}

function operation(route: HttpRouteSpec, table: HttpRouteTable, operationId: string): ExportedHttpOperation {
  const authorization = route.authorization;
  let security: SecurityRequirement[] | undefined;
  if (authorization.kind === 'authorizer') {
    const authorizer = table.authorizers.find((a) => a.name === authorization.authorizer);
    const scopes = authorizer?.type === 'JWT' ? (authorization.scopes ?? []) : [];
    security = [{ [authorization.authorizer]: scopes }];
  } else if (authorization.kind === 'iam') {
    security = [{ [IAM_SCHEME]: [] }];
  }
  return {
    operationId,
    ...(security ? { security } : {}),
    // Proxy integrations pass the backend's answer through; the gateway's own refusals come first.
    responses: { default: { description: 'The integration response' } },
  };
}

function publicScheme(authorizer: HttpAuthorizerSpec): PublicSecurityScheme {
  if (authorizer.type === 'JWT') {
    return {
      type: 'openIdConnect',
      openIdConnectUrl: `${authorizer.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`,
      description: `JWT from ${authorizer.issuer} for audience ${authorizer.audience.join(', ')}`,
    };
  }
  const source = authorizer.identitySources[0] ?? '$request.header.Authorization';
  const match = /^\$request\.(header|querystring)\.(.+)$/.exec(source);
  return {
    type: 'apiKey',
    name: match?.[2] ?? 'Authorization',
    in: match?.[1] === 'querystring' ? 'query' : 'header',
    description: `Checked by the Lambda authorizer ${authorizer.name}`,
  };
}
