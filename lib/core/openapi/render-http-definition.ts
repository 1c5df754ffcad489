/**
 * Renders one HTTP API's route table as the OpenAPI 3.0 document API Gateway imports into an HTTP API
 * (`Body` of `AWS::ApiGatewayV2::Api`, docs/decisions/0009): routes, integrations, authorizers and CORS in one
 * resource, so the CloudFormation resource count does not grow with routes (as 0001 does for REST).
 * Extensions: DG:http-api-open-api, DG:api-gateway-swagger-extensions-integration, -authorizer, -cors, -any-method.
 */
import {
  DEFAULT_ROUTE_KEY,
  type HttpAuthorizerSpec,
  type HttpCorsSpec,
  type HttpRouteSpec,
  type HttpRouteTable,
  httpRouteKeyName,
  type PayloadFormatVersion,
} from '../http-route-table';
import { HTTP_METHODS, type HttpMethod, pathParameterNames } from '../route-key';
import { type AwsLocation, lambdaInvocationUri } from './aws-uris';
import type { Parameter, SecurityRequirement } from './openapi-document';
import { operationKey } from './render-rest-definition';
import { IAM_SCHEME } from './security-schemes';

/**
 * Path of the `$default` route in an HTTP API definition, marked `isDefaultRoute: true` on its
 * `x-amazon-apigateway-any-method` (DG:api-gateway-swagger-extensions-any-method). It starts with "/" so the
 * document stays valid OpenAPI; `$` cannot appear in a real route path (AWS docs: "Create routes for HTTP APIs", docs/aws-behaviour.md, "Deploy-time errors").
 */
export const DEFAULT_ROUTE_PATH = `/${DEFAULT_ROUTE_KEY}`;

export interface HttpOpenApiDocument {
  readonly openapi: '3.0.1';
  readonly info: { readonly title: string; readonly description?: string; readonly version: string };
  readonly paths: Readonly<Record<string, HttpPathItem>>;
  readonly components?: { readonly securitySchemes: Readonly<Record<string, HttpSecurityScheme>> };
  readonly 'x-amazon-apigateway-cors'?: HttpCorsExtension;
  readonly 'x-amazon-apigateway-importexport-version': '1.0';
}

export interface HttpPathItem {
  readonly parameters?: readonly Parameter[];
  readonly [method: string]: HttpOperation | readonly Parameter[] | undefined;
}

export interface HttpOperation {
  /** Only on the `$default` route. */
  readonly isDefaultRoute?: true;
  readonly security?: readonly SecurityRequirement[];
  readonly responses: { readonly default: { readonly description: string } };
  readonly 'x-amazon-apigateway-integration': HttpIntegrationExtension;
}

export interface HttpIntegrationExtension {
  readonly type: 'aws_proxy' | 'http_proxy';
  readonly httpMethod: string;
  readonly uri: string;
  readonly payloadFormatVersion: PayloadFormatVersion;
  readonly timeoutInMillis: number;
  readonly connectionType: 'INTERNET';
  readonly requestParameters?: Readonly<Record<string, string>>;
  readonly responseParameters?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

export type HttpSecurityScheme =
  | {
      readonly type: 'apiKey';
      readonly name: string;
      readonly in: 'header';
      readonly 'x-amazon-apigateway-authtype'?: 'awsSigv4';
      readonly 'x-amazon-apigateway-authorizer'?: HttpAuthorizerExtension;
    }
  | {
      readonly type: 'oauth2';
      /** OpenAPI requires the field; JWT authorizers need no flow. */
      readonly flows: Readonly<Record<string, never>>;
      readonly 'x-amazon-apigateway-authorizer': HttpAuthorizerExtension;
    };

export interface HttpAuthorizerExtension {
  readonly type: 'request' | 'jwt';
  /** Comma-separated: `$request.header.Authorization, $request.querystring.token`. */
  readonly identitySource?: string;
  readonly authorizerUri?: string;
  readonly authorizerPayloadFormatVersion?: PayloadFormatVersion;
  readonly enableSimpleResponses?: boolean;
  readonly authorizerResultTtlInSeconds?: number;
  readonly jwtConfiguration?: { readonly issuer: string; readonly audience: readonly string[] };
}

export interface HttpCorsExtension {
  readonly allowOrigins: readonly string[];
  readonly allowMethods?: readonly string[];
  readonly allowHeaders?: readonly string[];
  readonly exposeHeaders?: readonly string[];
  readonly allowCredentials?: boolean;
  readonly maxAge?: number;
}

export interface HttpDefinitionOptions {
  /** `info.title`: API Gateway names the imported API after it. */
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
}

export function renderHttpDefinition(table: HttpRouteTable, options: HttpDefinitionOptions): HttpOpenApiDocument {
  const aws: AwsLocation = { partition: options.partition ?? 'aws', region: options.region ?? 'us-east-1' };
  const byPath = new Map<string, HttpRouteSpec[]>();
  for (const route of table.routes) {
    const path = route.key === DEFAULT_ROUTE_KEY ? DEFAULT_ROUTE_PATH : route.key.path;
    byPath.set(path, [...(byPath.get(path) ?? []), route]);
  }
  // Sorted paths and methods: the same table always renders the same bytes (stable templates and snapshots).
  const paths: Record<string, HttpPathItem> = {};
  for (const path of [...byPath.keys()].sort(compare)) {
    const routes = byPath.get(path)!.sort((a, b) => methodOrder(a) - methodOrder(b));
    paths[path] = renderPathItem(routes, aws);
  }
  const schemes = renderSecuritySchemes(table, aws);
  return {
    openapi: '3.0.1',
    info: {
      title: options.title,
      ...(options.description === undefined ? {} : { description: options.description }),
      version: options.version ?? '1.0',
    },
    paths,
    ...(Object.keys(schemes).length === 0 ? {} : { components: { securitySchemes: schemes } }),
    ...(table.cors === undefined ? {} : { 'x-amazon-apigateway-cors': renderCors(table.cors) }),
    'x-amazon-apigateway-importexport-version': '1.0',
  };
}

function renderPathItem(routes: readonly HttpRouteSpec[], aws: AwsLocation): HttpPathItem {
  const item: Record<string, HttpOperation | readonly Parameter[]> = {};
  const key = routes[0].key;
  const names = key === DEFAULT_ROUTE_KEY ? [] : pathParameterNames(key.segments);
  if (names.length > 0) {
    item.parameters = names.map(
      (name): Parameter => ({ name, in: 'path', required: true, schema: { type: 'string' } }),
    );
  }
  for (const route of routes) {
    const method: HttpMethod = route.key === DEFAULT_ROUTE_KEY ? 'ANY' : route.key.method;
    item[operationKey(method)] = renderOperation(route, aws);
  }
  return item;
}

function renderOperation(route: HttpRouteSpec, aws: AwsLocation): HttpOperation {
  const security = routeSecurity(route);
  return {
    ...(route.key === DEFAULT_ROUTE_KEY ? { isDefaultRoute: true as const } : {}),
    ...(security === undefined ? {} : { security }),
    // OpenAPI requires a response per operation; proxy integrations pass the backend's response through.
    responses: { default: { description: `Default response for ${httpRouteKeyName(route.key)}` } },
    'x-amazon-apigateway-integration': renderIntegration(route, aws),
  };
}

function renderIntegration(route: HttpRouteSpec, aws: AwsLocation): HttpIntegrationExtension {
  const integration = route.integration;
  if (integration.kind === 'lambda') {
    return {
      type: 'aws_proxy',
      // Lambda's Invoke API is always called with POST, whatever the client's method.
      httpMethod: 'POST',
      uri: lambdaInvocationUri(integration.functionArn, aws),
      payloadFormatVersion: integration.payloadFormatVersion,
      timeoutInMillis: integration.timeoutMs,
      connectionType: 'INTERNET',
    };
  }
  const responseStatuses = Object.keys(integration.responseParameters).sort(compare);
  return {
    type: 'http_proxy',
    httpMethod: integration.method,
    uri: integration.url,
    // HTTP proxy integrations only support 1.0 (the format describes what API Gateway sends the backend).
    payloadFormatVersion: '1.0',
    timeoutInMillis: integration.timeoutMs,
    connectionType: 'INTERNET',
    ...(Object.keys(integration.requestParameters).length === 0
      ? {}
      : { requestParameters: sorted(integration.requestParameters) }),
    ...(responseStatuses.length === 0
      ? {}
      : {
          responseParameters: Object.fromEntries(
            responseStatuses.map((status) => [status, sorted(integration.responseParameters[status])]),
          ),
        }),
  };
}

function renderSecuritySchemes(table: HttpRouteTable, aws: AwsLocation): Record<string, HttpSecurityScheme> {
  const schemes: Record<string, HttpSecurityScheme> = {};
  for (const authorizer of [...table.authorizers].sort((a, b) => compare(a.name, b.name))) {
    schemes[authorizer.name] = authorizerScheme(authorizer, aws);
  }
  if (table.routes.some((route) => route.authorization.kind === 'iam')) {
    schemes[IAM_SCHEME] = {
      type: 'apiKey',
      name: 'Authorization',
      in: 'header',
      'x-amazon-apigateway-authtype': 'awsSigv4',
    };
  }
  return schemes;
}

function authorizerScheme(authorizer: HttpAuthorizerSpec, aws: AwsLocation): HttpSecurityScheme {
  const identitySource = authorizer.identitySources.join(', ');
  if (authorizer.type === 'JWT') {
    return {
      type: 'oauth2',
      flows: {},
      'x-amazon-apigateway-authorizer': {
        type: 'jwt',
        identitySource,
        jwtConfiguration: { issuer: authorizer.issuer, audience: [...authorizer.audience] },
      },
    };
  }
  const header = /^\$request\.header\.(.+)$/.exec(authorizer.identitySources[0] ?? '')?.[1];
  return {
    type: 'apiKey',
    name: header ?? 'Unused',
    in: 'header',
    'x-amazon-apigateway-authorizer': {
      type: 'request',
      ...(identitySource === '' ? {} : { identitySource }),
      authorizerUri: lambdaInvocationUri(authorizer.functionArn, aws),
      authorizerPayloadFormatVersion: authorizer.payloadFormatVersion,
      // Only meaningful (and only accepted) with payload 2.0.
      ...(authorizer.payloadFormatVersion === '2.0' ? { enableSimpleResponses: authorizer.enableSimpleResponses } : {}),
      authorizerResultTtlInSeconds: authorizer.resultTtlSeconds,
    },
  };
}

/** A JWT route lists its required scopes; Lambda authorizer and IAM routes list none. */
function routeSecurity(route: HttpRouteSpec): SecurityRequirement[] | undefined {
  const authorization = route.authorization;
  if (authorization.kind === 'authorizer') return [{ [authorization.authorizer]: [...(authorization.scopes ?? [])] }];
  if (authorization.kind === 'iam') return [{ [IAM_SCHEME]: [] }];
  return undefined;
}

function renderCors(cors: HttpCorsSpec): HttpCorsExtension {
  const list = (name: string, values: readonly string[]) => (values.length === 0 ? {} : { [name]: [...values] });
  return {
    allowOrigins: [...cors.allowOrigins],
    ...list('allowMethods', cors.allowMethods),
    ...list('allowHeaders', cors.allowHeaders),
    ...list('exposeHeaders', cors.exposeHeaders),
    ...(cors.allowCredentials ? { allowCredentials: true } : {}),
    ...(cors.maxAgeSeconds === undefined ? {} : { maxAge: cors.maxAgeSeconds }),
  };
}

function methodOrder(route: HttpRouteSpec): number {
  return route.key === DEFAULT_ROUTE_KEY ? HTTP_METHODS.length : HTTP_METHODS.indexOf(route.key.method);
}

function sorted(record: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => compare(a, b)));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
