/**
 * A public OpenAPI 3.0 document for the route tables of one or more REST APIs (one per version), for
 * client generation and docs: paths with their parameters and operation ids, security schemes, the API
 * key requirement, the errors API Gateway itself answers, and a server per stage. With `awsExtensions`
 * the `x-amazon-apigateway-*` extensions stay in, as Portico deploys them. An operation that only some
 * of the APIs serve (a route only v2 has) names its own servers.
 */
import { canonicalJson } from '../deployment-hash';
import { ANY_EXPANDS_TO, HTTP_METHODS, type HttpMethod, pathParameterNames, type RouteKey } from '../route-key';
import type { RouteSpec, RouteTable } from '../route-table';
import type { AwsLocation } from './aws-uris';
import type {
  ExportedOpenApiDocument,
  ExportedOperation,
  ExportedPathItem,
  ExportedResponse,
  ServerObject,
  SharedResponse,
} from './export-document';
import { renderIntegration } from './integration-extension';
import type { GatewayResponseExtension, Parameter, SecurityScheme } from './openapi-document';
import { OperationIds } from './operation-id';
import { type PublicSecurityScheme, publicRouteSecurity, publicSecuritySchemes } from './public-security';
import { mappedMethodParameters, operationKey, withRequired } from './render-rest-definition';
import { renderOperationValidation, renderRequestValidators } from './request-validation-extension';
import { renderSecuritySchemes, routeSecurity } from './security-schemes';

export interface ExportedApi {
  /** Names the API in conflict messages, e.g. `PorticoExample/GatewayV1RestApi`. */
  readonly label: string;
  readonly table: RouteTable;
  /** Where the API is served: one server per stage (and per custom-domain mapping). */
  readonly servers: readonly ServerObject[];
  /** `x-amazon-apigateway-gateway-responses`, kept only with `awsExtensions`. */
  readonly gatewayResponses?: Readonly<Record<string, GatewayResponseExtension>>;
}

export interface OpenApiExportOptions {
  readonly title: string;
  /** `info.version`. */
  readonly version: string;
  readonly description?: string;
  /**
   * Keep API Gateway's `x-amazon-apigateway-*` extensions (integrations, authorizers, gateway responses).
   * @default false
   */
  readonly awsExtensions?: boolean;
  /** @default 'aws' */
  readonly partition?: string;
  /** Region of Lambda invocation URIs in the extensions. @default 'us-east-1' */
  readonly region?: string;
}

/** Two APIs describe one operation (or one root extension) differently: one document cannot say both. */
export class OpenApiExportError extends Error {}

/** API Gateway's own refusals (AWS docs: "Gateway response types for API Gateway"), shared through `components.responses`. */
const GATEWAY_ERRORS: Readonly<Record<string, { readonly status: string; readonly description: string }>> = {
  Unauthorized: { status: '401', description: 'Refused by API Gateway: credentials missing or not accepted' },
  Forbidden: {
    status: '403',
    description: 'Refused by API Gateway: not authorized for this resource, or API key missing or invalid',
  },
  TooManyRequests: { status: '429', description: "Throttled, or the usage plan's quota is used up" },
};
const ERROR_SCHEMA = 'GatewayError';

interface CollectedOperation {
  readonly key: RouteKey;
  readonly method: string;
  readonly body: Omit<ExportedOperation, 'operationId'>;
  readonly servers: ServerObject[];
  readonly labels: string[];
}

export function exportOpenApi(apis: readonly ExportedApi[], options: OpenApiExportOptions): ExportedOpenApiDocument {
  if (apis.length === 0) throw new OpenApiExportError('Nothing to export: no REST API was selected.');
  const extensions = options.awsExtensions ?? false;
  const aws: AwsLocation = { partition: options.partition ?? 'aws', region: options.region ?? 'us-east-1' };
  const servers = uniqueServers(apis.flatMap((api) => api.servers));

  const operations = new Map<string, CollectedOperation>();
  for (const api of apis) {
    for (const route of api.table.routes) {
      for (const [method, body] of operationsOf(route, api.table, extensions, aws)) {
        const id = `${route.key.path} ${method}`;
        const existing = operations.get(id);
        if (!existing) {
          operations.set(id, { key: route.key, method, body, servers: [...api.servers], labels: [api.label] });
        } else if (canonicalJson(existing.body) !== canonicalJson(body)) {
          throw new OpenApiExportError(
            `${method.toUpperCase()} ${route.key.path} differs between ${existing.labels.join(', ')} and ${api.label}; ` +
              'export one of them (portico openapi --stage <name>).',
          );
        } else {
          existing.servers.push(...api.servers);
          existing.labels.push(api.label);
        }
      }
    }
  }

  const byPath = new Map<string, CollectedOperation[]>();
  for (const operation of operations.values()) {
    byPath.set(operation.key.path, [...(byPath.get(operation.key.path) ?? []), operation]);
  }
  const ids = new OperationIds();
  const usedErrors = new Set<string>();
  const paths: Record<string, ExportedPathItem> = {};
  for (const path of [...byPath.keys()].sort()) {
    const item: Record<string, ExportedOperation | readonly Parameter[]> = {};
    const collected = byPath.get(path)!.sort((a, b) => methodRank(a.method) - methodRank(b.method));
    const pathParameters = pathParameterNames(collected[0].key.segments).map(
      (name): Parameter => ({ name, in: 'path', required: true, schema: { type: 'string' } }),
    );
    if (pathParameters.length > 0) item.parameters = pathParameters;
    for (const operation of collected) {
      const own = uniqueServers(operation.servers);
      for (const response of Object.values(operation.body.responses)) {
        if ('$ref' in response) usedErrors.add(response.$ref.split('/').pop()!);
      }
      item[operation.method] = {
        operationId: ids.next(
          operation.method === operationKey('ANY') ? 'any' : operation.method,
          operation.key.segments,
        ),
        ...operation.body,
        ...(own.length === servers.length ? {} : { servers: own }),
      };
    }
    paths[path] = item;
  }

  const schemes = mergedSchemes(apis, extensions, aws);
  const responses: Record<string, SharedResponse> = {};
  for (const name of Object.keys(GATEWAY_ERRORS).filter((error) => usedErrors.has(error))) {
    responses[name] = {
      description: GATEWAY_ERRORS[name].description,
      content: { 'application/json': { schema: { $ref: `#/components/schemas/${ERROR_SCHEMA}` } } },
    };
  }
  const models: Record<string, Readonly<Record<string, unknown>>> = {};
  const validators: Record<string, { validateRequestBody: boolean; validateRequestParameters: boolean }> = {};
  for (const api of apis) {
    const rendered = renderRequestValidators(api.table);
    Object.assign(models, rendered.schemas);
    Object.assign(validators, rendered.validators);
  }
  const hasModels = Object.keys(models).length > 0;
  const hasResponses = Object.keys(responses).length > 0 || hasModels;
  const hasSchemes = Object.keys(schemes).length > 0;
  return {
    openapi: '3.0.3',
    info: {
      title: options.title,
      ...(options.description === undefined ? {} : { description: options.description }),
      version: options.version,
    },
    ...(servers.length === 0 ? {} : { servers }),
    paths,
    ...(hasResponses || hasSchemes
      ? {
          components: {
            ...(hasSchemes ? { securitySchemes: schemes } : {}),
            ...(hasResponses
              ? {
                  ...(Object.keys(responses).length > 0 ? { responses } : {}),
                  schemas: {
                    ...(Object.keys(responses).length > 0
                      ? {
                          [ERROR_SCHEMA]: {
                            type: 'object' as const,
                            properties: { message: { type: 'string' as const, nullable: true } },
                          },
                        }
                      : {}),
                    ...models,
                  },
                }
              : {}),
          },
        }
      : {}),
    ...(extensions ? rootExtensions(apis) : {}),
    ...(extensions && Object.keys(validators).length > 0
      ? { 'x-amazon-apigateway-request-validators': validators }
      : {}),
  };
}

/**
 * The operations one route contributes, keyed by OpenAPI method. Without the extensions `ANY` becomes the
 * methods it stands for that the path does not declare itself (AWS docs: "Set up a method request"): OpenAPI has no `ANY`.
 */
function operationsOf(
  route: RouteSpec,
  table: RouteTable,
  extensions: boolean,
  aws: AwsLocation,
): [string, Omit<ExportedOperation, 'operationId'>][] {
  const validation = renderOperationValidation(route);
  const parameters = withRequired(mappedMethodParameters(route), validation.parameters);
  const security = extensions ? routeSecurity(route) : publicRouteSecurity(route, table);
  const rendered = renderIntegration(route, aws);
  // Mock and non-proxy integrations answer through their integration responses (docs/decisions/0014).
  const mapped = route.integration.kind !== 'unsupported' && route.integration.mapping !== undefined;
  const responses: Record<string, ExportedResponse> =
    route.integration.kind === 'mock' || mapped
      ? { ...rendered.responses }
      : { default: { description: "The backend's answer, passed through (proxy integration)" } };
  for (const error of gatewayErrors(route)) responses[GATEWAY_ERRORS[error].status] = ref(error);
  const body = {
    ...(parameters.length === 0 ? {} : { parameters }),
    ...(security === undefined ? {} : { security }),
    ...(validation.requestBody && { requestBody: validation.requestBody }),
    responses,
    ...(extensions && validation.validator ? { 'x-amazon-apigateway-request-validator': validation.validator } : {}),
    ...(extensions ? { 'x-amazon-apigateway-integration': rendered.extension } : {}),
  };
  if (route.key.method !== 'ANY' || extensions) return [[operationKey(route.key.method), body]];
  const declared = new Set(
    table.routes.filter((other) => other.key.path === route.key.path).map((other) => other.key.method),
  );
  return ANY_EXPANDS_TO.filter((method) => !declared.has(method)).map((method) => [method.toLowerCase(), body]);
}

function gatewayErrors(route: RouteSpec): string[] {
  const errors = new Set<string>();
  if (route.authorization.kind === 'authorizer') errors.add('Unauthorized').add('Forbidden');
  if (route.authorization.kind === 'iam') errors.add('Forbidden');
  if (route.apiKeyRequired) errors.add('Forbidden').add('TooManyRequests');
  return [...errors];
}

function ref(error: string): ExportedResponse {
  return { $ref: `#/components/responses/${error}` };
}

function mergedSchemes(
  apis: readonly ExportedApi[],
  extensions: boolean,
  aws: AwsLocation,
): Record<string, PublicSecurityScheme | SecurityScheme> {
  const merged: Record<string, PublicSecurityScheme | SecurityScheme> = {};
  const owner: Record<string, string> = {};
  for (const api of apis) {
    const schemes = extensions ? renderSecuritySchemes(api.table, aws) : publicSecuritySchemes(api.table);
    for (const [name, scheme] of Object.entries(schemes)) {
      if (merged[name] !== undefined && canonicalJson(merged[name]) !== canonicalJson(scheme)) {
        throw new OpenApiExportError(
          `Security scheme "${name}" differs between ${owner[name]} and ${api.label}; export one of them (--stage).`,
        );
      }
      merged[name] = scheme;
      owner[name] ??= api.label;
    }
  }
  return Object.fromEntries(
    Object.keys(merged)
      .sort()
      .map((name) => [name, merged[name]]),
  );
}

/** API-wide extensions: one document has one value for each, so the APIs must agree. */
function rootExtensions(apis: readonly ExportedApi[]): Partial<ExportedOpenApiDocument> {
  const first = apis[0];
  const extensions: Partial<ExportedOpenApiDocument> = {
    'x-amazon-apigateway-api-key-source': first.table.apiKeySource,
    ...(first.table.binaryMediaTypes.length === 0
      ? {}
      : { 'x-amazon-apigateway-binary-media-types': [...first.table.binaryMediaTypes] }),
    ...(Object.keys(first.gatewayResponses ?? {}).length === 0
      ? {}
      : { 'x-amazon-apigateway-gateway-responses': first.gatewayResponses }),
  };
  for (const api of apis.slice(1)) {
    const own = rootExtensions([api]);
    if (canonicalJson(own) !== canonicalJson(extensions)) {
      throw new OpenApiExportError(
        `${first.label} and ${api.label} differ in API key source, binary media types or gateway responses; ` +
          'export one of them (--stage).',
      );
    }
  }
  return extensions;
}

/** Two APIs may share a URL template (`.../prod`) with different `restApiId` defaults: compare whole servers. */
function uniqueServers(servers: readonly ServerObject[]): ServerObject[] {
  const seen = new Map<string, ServerObject>();
  for (const server of servers) {
    const key = canonicalJson(server);
    if (!seen.has(key)) seen.set(key, server);
  }
  return [...seen.values()];
}

const METHOD_ORDER: readonly string[] = HTTP_METHODS.map((method: HttpMethod) => operationKey(method));

function methodRank(method: string): number {
  return METHOD_ORDER.indexOf(method);
}
