/**
 * An HTTP API defined by an OpenAPI document (`Body`/`BodyS3Location` of `AWS::ApiGatewayV2::Api`) with API
 * Gateway's HTTP API extensions (DG:http-api-open-api): `x-amazon-apigateway-integration` (inline or a `$ref`
 * to `components.x-amazon-apigateway-integrations`), `x-amazon-apigateway-any-method` with `isDefaultRoute`
 * (the `$default` route, at `/$default`), security schemes carrying `x-amazon-apigateway-authorizer`
 * (`request` or `jwt`) or `x-amazon-apigateway-authtype: awsSigv4`, and `x-amazon-apigateway-cors`.
 */
import {
  DEFAULT_ROUTE_KEY,
  type HttpAuthorizerSpec,
  type HttpCorsSpec,
  type HttpIntegrationSpec,
  type HttpRouteSpec,
  httpRouteKeyName,
  MAX_HTTP_INTEGRATION_TIMEOUT_MS,
  type PayloadFormatVersion,
  parseHttpRouteKey,
} from '../../core/http-route-table';
import { RouteKeyError } from '../../core/route-key';
import type { AuthorizationSpec } from '../../core/route-table';
import { lambdaArnFromUri } from './integrations';
import { OPERATION_METHODS } from './openapi';
import {
  asArray,
  asBoolean,
  asCommaList,
  asNumber,
  asRecord,
  asString,
  asStringRecord,
  type JsonRecord,
} from './template-values';

export interface HttpOpenApiImport {
  readonly title?: string;
  readonly routes: readonly HttpRouteSpec[];
  readonly authorizers: readonly HttpAuthorizerSpec[];
  readonly cors?: HttpCorsSpec;
  /** One sentence per route or extension that cannot be served. */
  readonly problems: readonly string[];
}

type Security = { readonly kind: 'authorizer'; readonly name: string } | { readonly kind: 'iam' };

export function importHttpOpenApi(document: unknown): HttpOpenApiImport {
  const definition = asRecord(document) ?? {};
  const problems: string[] = [];
  if (!definition.openapi && !definition.swagger) {
    problems.push('the API definition is neither OpenAPI 3 (`openapi`) nor Swagger 2 (`swagger`)');
  }
  const { authorizers, schemes } = readSecuritySchemes(definition, problems);
  const routes = new Map<string, HttpRouteSpec>();
  for (const [path, item] of Object.entries(asRecord(definition.paths) ?? {})) {
    for (const [operationKey, value] of Object.entries(asRecord(item) ?? {})) {
      const method = OPERATION_METHODS[operationKey.toLowerCase()];
      const operation = asRecord(value);
      if (!method || !operation) continue;
      const isDefault = path === `/${DEFAULT_ROUTE_KEY}` || asBoolean(operation.isDefaultRoute) === true;
      const routeKey = isDefault ? DEFAULT_ROUTE_KEY : `${method} ${path}`;
      const routeProblems: string[] = [];
      const route = importRoute(routeKey, operation, definition, schemes, routeProblems);
      problems.push(...routeProblems.map((problem) => `route "${routeKey}": ${problem}`));
      if (route) routes.set(httpRouteKeyName(route.key), route);
    }
  }
  return {
    title: asString(asRecord(definition.info)?.title),
    routes: [...routes.values()],
    authorizers,
    cors: corsSpec(definition['x-amazon-apigateway-cors']),
    problems,
  };
}

function importRoute(
  routeKey: string,
  operation: JsonRecord,
  definition: JsonRecord,
  schemes: ReadonlyMap<string, Security>,
  problems: string[],
): HttpRouteSpec | undefined {
  let key: HttpRouteSpec['key'];
  try {
    key = parseHttpRouteKey(routeKey);
  } catch (error) {
    if (!(error instanceof RouteKeyError)) throw error;
    problems.push(error.message.replace(/^Route "[^"]*": /, ''));
    return undefined;
  }
  const declaration = resolveRef(operation['x-amazon-apigateway-integration'], definition);
  if (!declaration) {
    problems.push('it has no x-amazon-apigateway-integration');
    return undefined;
  }
  const integration = httpIntegrationSpec(
    {
      type: asString(declaration.type),
      uri: asString(declaration.uri),
      method: asString(declaration.httpMethod),
      payloadFormatVersion: asString(declaration.payloadFormatVersion),
      timeoutMs: asNumber(declaration.timeoutInMillis),
      subtype: asString(declaration.integrationSubtype),
      requestParameters: asStringRecord(declaration.requestParameters),
      responseParameters: responseParametersOf(declaration.responseParameters),
    },
    problems,
  );
  if (!integration) return undefined;
  // An operation's own `security` (even an empty list) replaces the document-wide one.
  const requirements = operation.security !== undefined ? operation.security : definition.security;
  return { key, authorization: routeAuthorization(requirements, schemes, problems), integration };
}

/** One integration declaration, from an OpenAPI extension or an `AWS::ApiGatewayV2::Integration`. */
export interface HttpIntegrationDeclaration {
  readonly type?: string;
  readonly uri?: string;
  readonly method?: string;
  readonly payloadFormatVersion?: string;
  readonly timeoutMs?: number;
  readonly subtype?: string;
  readonly requestParameters: Readonly<Record<string, string>>;
  readonly responseParameters: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/** The integration as the emulator serves it, or undefined (with a problem) when it cannot be served. */
export function httpIntegrationSpec(
  declaration: HttpIntegrationDeclaration,
  problems: string[],
): HttpIntegrationSpec | undefined {
  const type = (declaration.type ?? '').toUpperCase();
  const timeoutMs = declaration.timeoutMs ?? MAX_HTTP_INTEGRATION_TIMEOUT_MS;
  if (declaration.subtype) {
    problems.push(`AWS service integrations (${declaration.subtype}) are not served locally`);
    return undefined;
  }
  if (type === 'AWS_PROXY') {
    const uri = declaration.uri ?? '';
    // HTTP APIs accept the function ARN itself as well as the invocation URI.
    const functionArn = lambdaArnFromUri(uri) ?? (/^arn:[^:]+:lambda:/.test(uri) ? uri : undefined);
    if (!functionArn) {
      problems.push(`AWS_PROXY integration URI ${uri || '(none)'} is not a Lambda function`);
      return undefined;
    }
    return {
      kind: 'lambda',
      functionArn,
      payloadFormatVersion: payloadVersion(declaration.payloadFormatVersion),
      timeoutMs,
    };
  }
  if (type === 'HTTP_PROXY') {
    if (!declaration.uri || !/^(https?:\/\/|\$\{stageVariables\.)/i.test(declaration.uri)) {
      problems.push(
        `HTTP_PROXY integration URI ${declaration.uri ?? '(none)'} is not an http(s) URL (VPC links are not served)`,
      );
      return undefined;
    }
    return {
      kind: 'http',
      url: declaration.uri,
      method: (declaration.method ?? 'ANY').toUpperCase(),
      timeoutMs,
      requestParameters: declaration.requestParameters,
      responseParameters: declaration.responseParameters,
    };
  }
  problems.push(type ? `integration type ${type} is not supported on HTTP APIs locally` : 'it has no integration');
  return undefined;
}

/** CloudFormation, the CLI and SDKs must name the version (AWS docs: "Create AWS Lambda proxy integrations for HTTP APIs"); a missing one reads as 1.0. */
export function payloadVersion(value: string | undefined): PayloadFormatVersion {
  return value === '2.0' ? '2.0' : '1.0';
}

function resolveRef(value: unknown, definition: JsonRecord): JsonRecord | undefined {
  const record = asRecord(value);
  const ref = asString(record?.$ref);
  if (!ref) return record;
  const match = /^#\/components\/x-amazon-apigateway-integrations\/(.+)$/.exec(ref);
  return match
    ? asRecord(asRecord(asRecord(definition.components)?.['x-amazon-apigateway-integrations'])?.[match[1]])
    : undefined;
}

function responseParametersOf(value: unknown): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const [status, mappings] of Object.entries(asRecord(value) ?? {})) out[status] = asStringRecord(mappings);
  return out;
}

function readSecuritySchemes(
  definition: JsonRecord,
  problems: string[],
): { authorizers: HttpAuthorizerSpec[]; schemes: Map<string, Security> } {
  const declared = {
    ...asRecord(definition.securityDefinitions),
    ...asRecord(asRecord(definition.components)?.securitySchemes),
  };
  const authorizers: HttpAuthorizerSpec[] = [];
  const schemes = new Map<string, Security>();
  for (const [name, value] of Object.entries(declared)) {
    const scheme = asRecord(value) ?? {};
    if (asString(scheme['x-amazon-apigateway-authtype'])?.toLowerCase() === 'awssigv4') {
      schemes.set(name, { kind: 'iam' });
      continue;
    }
    const extension = asRecord(scheme['x-amazon-apigateway-authorizer']);
    if (!extension) continue;
    const authorizer = httpAuthorizerSpec(
      {
        name,
        type: asString(extension.type),
        identitySources: asCommaList(extension.identitySource),
        authorizerUri: asString(extension.authorizerUri),
        payloadFormatVersion: asString(extension.authorizerPayloadFormatVersion),
        enableSimpleResponses: asBoolean(extension.enableSimpleResponses),
        resultTtlSeconds: asNumber(extension.authorizerResultTtlInSeconds),
        issuer: asString(asRecord(extension.jwtConfiguration)?.issuer),
        audience: asArray(asRecord(extension.jwtConfiguration)?.audience).flatMap((item) => asString(item) ?? []),
      },
      problems,
    );
    if (authorizer) {
      authorizers.push(authorizer);
      schemes.set(name, { kind: 'authorizer', name });
    }
  }
  return { authorizers, schemes };
}

/** One authorizer declaration, from an OpenAPI security scheme or an `AWS::ApiGatewayV2::Authorizer`. */
export interface HttpAuthorizerDeclaration {
  readonly name: string;
  readonly type?: string;
  readonly identitySources: readonly string[];
  readonly authorizerUri?: string;
  readonly payloadFormatVersion?: string;
  readonly enableSimpleResponses?: boolean;
  readonly resultTtlSeconds?: number;
  readonly issuer?: string;
  readonly audience: readonly string[];
}

export function httpAuthorizerSpec(
  declaration: HttpAuthorizerDeclaration,
  problems: string[],
): HttpAuthorizerSpec | undefined {
  const type = (declaration.type ?? '').toUpperCase();
  const label = `authorizer "${declaration.name}"`;
  if (type === 'JWT') {
    if (!declaration.issuer) {
      problems.push(`${label} has no issuer; its routes are refused`);
    }
    return {
      name: declaration.name,
      type: 'JWT',
      identitySources:
        declaration.identitySources.length > 0 ? declaration.identitySources : ['$request.header.Authorization'],
      issuer: declaration.issuer ?? '',
      audience: declaration.audience,
    };
  }
  if (type === 'REQUEST') {
    const functionArn = lambdaArnFromUri(declaration.authorizerUri);
    if (!functionArn) {
      problems.push(`${label}: ${declaration.authorizerUri ?? '(no authorizerUri)'} is not a Lambda function`);
      return undefined;
    }
    return {
      name: declaration.name,
      type: 'REQUEST',
      functionArn,
      identitySources: declaration.identitySources,
      payloadFormatVersion: payloadVersion(declaration.payloadFormatVersion),
      enableSimpleResponses: declaration.enableSimpleResponses ?? false,
      // The default TTL of HTTP API authorizers is not documented (AWS docs: "Control access to HTTP APIs with AWS Lambda authorizers"): no caching here.
      resultTtlSeconds: declaration.resultTtlSeconds ?? 0,
    };
  }
  problems.push(`${label} has type ${declaration.type ?? '(none)'}, which HTTP APIs do not have`);
  return undefined;
}

/** The first security requirement that names a known scheme; none (or `[]`) leaves the route open. */
function routeAuthorization(
  requirements: unknown,
  schemes: ReadonlyMap<string, Security>,
  problems: string[],
): AuthorizationSpec {
  for (const requirement of asArray(requirements)) {
    for (const [name, scopes] of Object.entries(asRecord(requirement) ?? {})) {
      const scheme = schemes.get(name);
      if (!scheme) {
        problems.push(`security scheme "${name}" is not declared; the route is refused`);
        return { kind: 'authorizer', authorizer: name };
      }
      if (scheme.kind === 'iam') return { kind: 'iam' };
      const list = asArray(scopes).flatMap((scope) => asString(scope) ?? []);
      return { kind: 'authorizer', authorizer: scheme.name, ...(list.length > 0 && { scopes: list }) };
    }
  }
  return { kind: 'none' };
}

export function corsSpec(value: unknown): HttpCorsSpec | undefined {
  const cors = asRecord(value);
  if (!cors) return undefined;
  const list = (key: string) => asArray(cors[key]).flatMap((item) => asString(item) ?? []);
  const maxAge = asNumber(cors.maxAge);
  return {
    allowOrigins: list('allowOrigins'),
    allowMethods: list('allowMethods'),
    allowHeaders: list('allowHeaders'),
    exposeHeaders: list('exposeHeaders'),
    allowCredentials: asBoolean(cors.allowCredentials) ?? false,
    ...(maxAge !== undefined && { maxAgeSeconds: maxAge }),
  };
}
