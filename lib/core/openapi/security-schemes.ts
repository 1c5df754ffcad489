/**
 * Authorization rendered as OpenAPI security schemes (DG:api-gateway-swagger-extensions-authorizer,
 * -authtype): one scheme per authorizer, `api_key` for API key requirement, `sigv4` for IAM.
 */
import type { AuthorizerSpec, RouteSpec, RouteTable } from '../route-table';
import { type AwsLocation, lambdaInvocationUri } from './aws-uris';
import type { AuthorizerExtension, SecurityRequirement, SecurityScheme } from './openapi-document';

/** Scheme name API Gateway's own exports use for `apiKeyRequired: true`. */
export const API_KEY_SCHEME = 'api_key';
/** Scheme name for IAM (SigV4) authorization. */
export const IAM_SCHEME = 'sigv4';
export const RESERVED_SCHEME_NAMES: readonly string[] = [API_KEY_SCHEME, IAM_SCHEME];

const HEADER_SOURCE = /^method\.request\.header\.(.+)$/;

export function renderSecuritySchemes(table: RouteTable, aws: AwsLocation): Record<string, SecurityScheme> {
  const schemes: Record<string, SecurityScheme> = {};
  for (const authorizer of [...table.authorizers].sort((a, b) => compare(a.name, b.name))) {
    schemes[authorizer.name] = authorizerScheme(authorizer, aws);
  }
  if (table.routes.some((route) => route.apiKeyRequired)) {
    // The `x-api-key` header (case-insensitive); with key source AUTHORIZER the key comes from the authorizer instead.
    schemes[API_KEY_SCHEME] = { type: 'apiKey', name: 'x-api-key', in: 'header' };
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

function authorizerScheme(authorizer: AuthorizerSpec, aws: AwsLocation): SecurityScheme {
  const identitySource = authorizer.identitySources.join(', ');
  const headerName = HEADER_SOURCE.exec(authorizer.identitySources[0] ?? '')?.[1];
  const ttl = authorizer.resultTtlSeconds;
  let extension: AuthorizerExtension;
  switch (authorizer.type) {
    case 'TOKEN':
      extension = {
        type: 'token',
        identitySource,
        authorizerUri: lambdaInvocationUri(required(authorizer, 'functionArn'), aws),
        authorizerResultTtlInSeconds: ttl,
        ...(authorizer.validationExpression === undefined
          ? {}
          : { identityValidationExpression: authorizer.validationExpression }),
      };
      break;
    case 'REQUEST':
      extension = {
        type: 'request',
        ...(identitySource === '' ? {} : { identitySource }),
        authorizerUri: lambdaInvocationUri(required(authorizer, 'functionArn'), aws),
        authorizerResultTtlInSeconds: ttl,
      };
      break;
    case 'COGNITO_USER_POOLS':
      extension = {
        type: 'cognito_user_pools',
        identitySource,
        providerARNs: required(authorizer, 'providerArns'),
        authorizerResultTtlInSeconds: ttl,
      };
      break;
  }
  return {
    type: 'apiKey',
    // API Gateway's exports name the token header here, and "Unused" for REQUEST authorizers.
    name: authorizer.type === 'REQUEST' ? 'Unused' : (headerName ?? 'Authorization'),
    in: 'header',
    'x-amazon-apigateway-authtype': authorizer.type === 'COGNITO_USER_POOLS' ? 'cognito_user_pools' : 'custom',
    'x-amazon-apigateway-authorizer': extension,
  };
}

/** One requirement naming every scheme the route needs (they must all pass), or none for a public route. */
export function routeSecurity(route: RouteSpec): SecurityRequirement[] | undefined {
  const requirement: Record<string, readonly string[]> = {};
  const authorization = route.authorization;
  if (authorization.kind === 'authorizer') requirement[authorization.authorizer] = authorization.scopes ?? [];
  if (authorization.kind === 'iam') requirement[IAM_SCHEME] = [];
  if (route.apiKeyRequired) requirement[API_KEY_SCHEME] = [];
  return Object.keys(requirement).length === 0 ? undefined : [requirement];
}

function required<K extends 'functionArn' | 'providerArns'>(
  authorizer: AuthorizerSpec,
  field: K,
): NonNullable<AuthorizerSpec[K]> {
  const value = authorizer[field];
  if (value === undefined) throw new Error(`Authorizer "${authorizer.name}" (${authorizer.type}) has no ${field}`);
  return value as NonNullable<AuthorizerSpec[K]>;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
