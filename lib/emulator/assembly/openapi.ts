/**
 * A REST API defined by an OpenAPI document (Swagger 2 or OpenAPI 3 with API Gateway's extensions),
 * imported into the same route table the Resource/Method form produces. One pass over `paths`.
 */
import { formatRouteKey, parseRouteKey, RouteKeyError } from '../../core/route-key';
import type { ApiKeySource, AuthorizerSpec, RouteSpec } from '../../core/route-table';
import { type GatewayResponseOverrides, gatewayResponsesFromOpenApi } from './gateway-responses';
import { integrationFromOpenApi, integrationSpec } from './integrations';
import { readSecuritySchemes, routeSecurity } from './openapi-security';
import { openApiModels, operationValidation } from './openapi-validation';
import { asArray, asRecord, asString, type JsonRecord } from './template-values';

export interface OpenApiImport {
  /** `info.title`: the API's name when the template gives none. */
  readonly title?: string;
  readonly routes: readonly RouteSpec[];
  readonly authorizers: readonly AuthorizerSpec[];
  readonly apiKeySource?: ApiKeySource;
  readonly binaryMediaTypes: readonly string[];
  readonly gatewayResponses: GatewayResponseOverrides;
  /** Request models (JSON Schema) by name: `components.schemas`/`definitions` and inline body schemas. */
  readonly models: Record<string, unknown>;
  /** One sentence per route or extension that cannot be served. */
  readonly problems: readonly string[];
}

export interface OpenApiImportOptions {
  /**
   * The RestApi's `Parameters.basepath` import mode: `ignore` (API Gateway's default), `prepend` the
   * document's base path to every path, or `split` off its first segment and prepend the rest.
   */
  readonly basePathMode?: string;
}

/** OpenAPI operation keys to API Gateway methods, for REST and HTTP API definitions alike. */
export const OPERATION_METHODS: Readonly<Record<string, string>> = {
  get: 'GET',
  put: 'PUT',
  post: 'POST',
  delete: 'DELETE',
  options: 'OPTIONS',
  head: 'HEAD',
  patch: 'PATCH',
  'x-amazon-apigateway-any-method': 'ANY',
};

export function importOpenApi(document: unknown, options: OpenApiImportOptions = {}): OpenApiImport {
  const definition = asRecord(document) ?? {};
  const problems: string[] = [];
  if (!definition.openapi && !definition.swagger) {
    problems.push('the API definition is neither OpenAPI 3 (`openapi`) nor Swagger 2 (`swagger`)');
  }
  const schemes = readSecuritySchemes(definition, problems);
  const prefix = basePathPrefix(definition, options.basePathMode);
  const routes = new Map<string, RouteSpec>();
  const models = openApiModels(definition);
  for (const [path, item] of Object.entries(asRecord(definition.paths) ?? {})) {
    for (const [operationKey, operation] of Object.entries(asRecord(item) ?? {})) {
      const method = OPERATION_METHODS[operationKey.toLowerCase()];
      if (!method) continue;
      const label = `route "${method} ${prefix}${path}"`;
      const routeProblems: string[] = [];
      const route = importRoute(
        method,
        `${prefix}${path}`,
        asRecord(operation) ?? {},
        definition,
        schemes,
        routeProblems,
        { pathItem: asRecord(item) ?? {}, models },
      );
      problems.push(...routeProblems.map((problem) => `${label}: ${problem}`));
      if (route) routes.set(formatRouteKey(route.key), route);
    }
  }
  const authorizers = [...schemes.values()].flatMap((scheme) =>
    scheme.kind === 'authorizer' ? [scheme.authorizer] : [],
  );
  const keySource = asString(definition['x-amazon-apigateway-api-key-source'])?.toUpperCase();
  return {
    title: asString(asRecord(definition.info)?.title),
    routes: [...routes.values()],
    authorizers,
    apiKeySource: keySource === 'HEADER' || keySource === 'AUTHORIZER' ? keySource : undefined,
    binaryMediaTypes: asArray(definition['x-amazon-apigateway-binary-media-types']).flatMap(
      (type) => asString(type) ?? [],
    ),
    gatewayResponses: gatewayResponsesFromOpenApi(definition['x-amazon-apigateway-gateway-responses'], problems),
    models,
    problems,
  };
}

function importRoute(
  method: string,
  path: string,
  operation: JsonRecord,
  definition: JsonRecord,
  schemes: ReturnType<typeof readSecuritySchemes>,
  problems: string[],
  validation: { readonly pathItem: JsonRecord; readonly models: Record<string, unknown> },
): RouteSpec | undefined {
  let key: RouteSpec['key'];
  try {
    key = parseRouteKey(`${method} ${path === '/' ? path : path.replace(/\/+$/, '')}`);
  } catch (error) {
    if (!(error instanceof RouteKeyError)) throw error;
    problems.push(error.message.replace(/^Route "[^"]*": /, ''));
    return undefined;
  }
  const declaration = integrationFromOpenApi(operation['x-amazon-apigateway-integration']);
  const integration = declaration
    ? integrationSpec(declaration)
    : ({ ok: false, reason: 'it has no x-amazon-apigateway-integration' } as const);
  if (!integration.ok) {
    problems.push(integration.reason);
    return undefined;
  }
  if (integration.spec.kind === 'unsupported') problems.push(`${integration.spec.reason} (requests answer 500)`);
  // An operation's own `security` (even an empty list) replaces the document-wide one.
  const requirements = operation.security !== undefined ? operation.security : definition.security;
  const security = routeSecurity(requirements, schemes, problems);
  const requestValidation = operationValidation(
    operation,
    validation.pathItem,
    definition,
    `${method} ${path}`,
    validation.models,
    problems,
  );
  return {
    key,
    authorization: security.authorization,
    apiKeyRequired: security.apiKeyRequired,
    integration: integration.spec,
    requestParameters: declaration?.requestParameters ?? {},
    ...(requestValidation && { requestValidation }),
  };
}

/** The document's base path (`basePath`, or OpenAPI 3's `servers[0]` basePath variable or URL path). */
function basePathPrefix(definition: JsonRecord, mode = 'ignore'): string {
  if (mode !== 'prepend' && mode !== 'split') return '';
  const server = asRecord(asArray(definition.servers)[0]);
  const variable = asString(asRecord(asRecord(server?.variables)?.basePath)?.default);
  let basePath = asString(definition.basePath) ?? variable;
  if (basePath === undefined && server) {
    const url = asString(server.url) ?? '';
    basePath = /^[a-z]+:\/\/[^/]*(\/.*)?$/i.exec(url)?.[1] ?? '';
  }
  const segments = (basePath ?? '').split('/').filter((segment) => segment !== '');
  const kept = mode === 'split' ? segments.slice(1) : segments;
  return kept.length === 0 ? '' : `/${kept.join('/')}`;
}
