/**
 * Renders one API's route table as the OpenAPI 3.0 document API Gateway imports into a REST API
 * (docs/decisions/0001): the whole resource tree, methods, integrations and authorizers in one
 * `AWS::ApiGateway::RestApi` `Body`, so the CloudFormation resource count does not grow with routes.
 */
import { formatRouteKey, HTTP_METHODS, type HttpMethod, pathParameterNames } from '../route-key';
import type { RouteSpec, RouteTable } from '../route-table';
import type { AwsLocation } from './aws-uris';
import { renderGatewayResponseHeaders } from './gateway-responses';
import { renderIntegration } from './integration-extension';
import type { OpenApiDocument, Operation, Parameter, PathItem } from './openapi-document';
import { renderOperationValidation, renderRequestValidators } from './request-validation-extension';
import { renderSecuritySchemes, routeSecurity } from './security-schemes';

export interface RestDefinitionOptions {
  /** `info.title`; API Gateway names the imported API after it unless the RestApi's `Name` says otherwise. */
  readonly title: string;
  readonly description?: string;
  /**
   * `info.version`.
   * @default '1.0'
   */
  readonly version?: string;
  /**
   * Partition of Lambda invocation URIs (a token string inside a CDK stack).
   * @default 'aws'
   */
  readonly partition?: string;
  /**
   * Region of Lambda invocation URIs (a token string inside a CDK stack).
   * @default 'us-east-1' - only meaningful for documents rendered outside a stack
   */
  readonly region?: string;
  /**
   * Headers on every answer API Gateway generates itself (401, 403, 429, 5xx), as `DEFAULT_4XX` and
   * `DEFAULT_5XX` gateway responses (docs/decisions/0008).
   * @default - none
   */
  readonly gatewayResponseHeaders?: Readonly<Record<string, string>>;
}

/** Method request parameter sources a mapping may read (DG:request-response-data-mappings). */
const METHOD_REQUEST_SOURCE = /^method\.request\.(header|multivalueheader|querystring|multivaluequerystring)\.(.+)$/;
const AUTHORIZER_SOURCE = /^context\.authorizer\./;

export function renderRestDefinition(table: RouteTable, options: RestDefinitionOptions): OpenApiDocument {
  const problems = table.routes.flatMap(authorizerMappingProblems);
  if (problems.length > 0) throw new Error(problems.join('\n'));
  const aws: AwsLocation = { partition: options.partition ?? 'aws', region: options.region ?? 'us-east-1' };
  const byPath = new Map<string, RouteSpec[]>();
  for (const route of table.routes) {
    const routes = byPath.get(route.key.path) ?? [];
    routes.push(route);
    byPath.set(route.key.path, routes);
  }
  // Sorted paths and methods: the same table always renders the same bytes (deployment hashing, snapshots).
  const paths: Record<string, PathItem> = {};
  for (const path of [...byPath.keys()].sort()) {
    const routes = byPath.get(path)!.sort((a, b) => methodOrder(a.key.method) - methodOrder(b.key.method));
    paths[path] = renderPathItem(routes, aws);
  }
  const schemes = renderSecuritySchemes(table, aws);
  const gatewayResponses = renderGatewayResponseHeaders(options.gatewayResponseHeaders ?? {});
  const validation = renderRequestValidators(table);
  const components = {
    ...(Object.keys(schemes).length > 0 && { securitySchemes: schemes }),
    ...(validation.schemas && { schemas: validation.schemas }),
  };
  return {
    openapi: '3.0.1',
    info: {
      title: options.title,
      ...(options.description === undefined ? {} : { description: options.description }),
      version: options.version ?? '1.0',
    },
    paths,
    ...(Object.keys(components).length === 0 ? {} : { components }),
    'x-amazon-apigateway-api-key-source': table.apiKeySource,
    ...(table.binaryMediaTypes.length === 0
      ? {}
      : { 'x-amazon-apigateway-binary-media-types': [...table.binaryMediaTypes] }),
    ...(Object.keys(gatewayResponses).length === 0
      ? {}
      : { 'x-amazon-apigateway-gateway-responses': gatewayResponses }),
    ...(validation.validators && { 'x-amazon-apigateway-request-validators': validation.validators }),
  };
}

/** OpenAPI operation key for a method; `ANY` has API Gateway's own extension key. */
export function operationKey(method: HttpMethod): string {
  return method === 'ANY' ? 'x-amazon-apigateway-any-method' : method.toLowerCase();
}

function renderPathItem(routes: readonly RouteSpec[], aws: AwsLocation): PathItem {
  const item: Record<string, Operation | readonly Parameter[]> = {};
  const pathParameters = pathParameterNames(routes[0].key.segments).map(
    (name): Parameter => ({ name, in: 'path', required: true, schema: { type: 'string' } }),
  );
  if (pathParameters.length > 0) item.parameters = pathParameters;
  for (const route of routes) item[operationKey(route.key.method)] = renderOperation(route, aws);
  return item;
}

function renderOperation(route: RouteSpec, aws: AwsLocation): Operation {
  const { extension, responses } = renderIntegration(route, aws);
  const security = routeSecurity(route);
  const validation = renderOperationValidation(route);
  const parameters = withRequired(mappedMethodParameters(route), validation.parameters);
  return {
    ...(parameters.length === 0 ? {} : { parameters }),
    ...(security === undefined ? {} : { security }),
    ...(validation.requestBody && { requestBody: validation.requestBody }),
    responses,
    ...(validation.validator && { 'x-amazon-apigateway-request-validator': validation.validator }),
    'x-amazon-apigateway-integration': extension,
  };
}

/** Mapped parameters and required ones, one entry per name and location; required wins. */
export function withRequired(mapped: readonly Parameter[], required: readonly Parameter[]): Parameter[] {
  const byKey = new Map<string, Parameter>();
  for (const parameter of [...mapped, ...required]) byKey.set(`${parameter.in} ${parameter.name}`, parameter);
  return [...byKey.keys()].sort().map((key) => byKey.get(key)!);
}

/** A mapping may only read method request headers and query strings that the method declares. */
export function mappedMethodParameters(route: RouteSpec): Parameter[] {
  const declared = new Map<string, Parameter>();
  for (const source of Object.values(route.requestParameters)) {
    const match = METHOD_REQUEST_SOURCE.exec(source);
    if (!match) continue;
    const where = match[1].endsWith('header') ? 'header' : 'query';
    declared.set(`${where} ${match[2]}`, { name: match[2], in: where, required: false, schema: { type: 'string' } });
  }
  return [...declared.keys()].sort().map((key) => declared.get(key)!);
}

/**
 * `context.authorizer.*` is empty on a route without a Lambda or Cognito authorizer; API Gateway then skips
 * the mapping and the client's own header of that name reaches the backend (docs/decisions/0008).
 */
function authorizerMappingProblems(route: RouteSpec): string[] {
  if (route.authorization.kind === 'authorizer') return [];
  return Object.entries(route.requestParameters)
    .filter(([, source]) => AUTHORIZER_SOURCE.test(source))
    .map(
      ([target, source]) =>
        `Route "${formatRouteKey(route.key)}": "${target}" maps from ${source}, but the route has no Lambda or ` +
        "Cognito authorizer, so API Gateway has no value to send and a client's own header of that name would " +
        'reach the backend. Give the route an authorizer (RouteAuthorization.token/request/cognito) or drop the mapping.',
    );
}

function methodOrder(method: HttpMethod): number {
  return HTTP_METHODS.indexOf(method);
}
