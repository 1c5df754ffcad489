/**
 * Authorization as a public OpenAPI document states it (no API Gateway extensions): what a caller must
 * send. Lambda TOKEN and REQUEST authorizers → `apiKey` in their identity header or query string (`http`
 * `bearer` when a TOKEN authorizer's validation expression demands `Bearer `), Cognito user pools →
 * `openIdConnect` discovery of the pool, IAM → a SigV4 `Authorization` header, API keys → `x-api-key`.
 */
import type { AuthorizerSpec, RouteSpec, RouteTable } from '../route-table';
import type { SecurityRequirement } from './openapi-document';
import { API_KEY_SCHEME, IAM_SCHEME } from './security-schemes';

export type PublicSecurityScheme =
  | {
      readonly type: 'apiKey';
      readonly name: string;
      readonly in: 'header' | 'query';
      readonly description?: string;
    }
  | { readonly type: 'http'; readonly scheme: 'bearer'; readonly description?: string }
  | { readonly type: 'openIdConnect'; readonly openIdConnectUrl: string; readonly description?: string };

const IDENTITY_SOURCE = /^method\.request\.(header|querystring)\.(.+)$/;
const BEARER_EXPRESSION = /^\^?Bearer( |\\s)/i;
const USER_POOL_ARN = /^arn:([^:]+):cognito-idp:([^:]+):[^:]*:userpool\/(.+)$/;

export function publicSecuritySchemes(table: RouteTable): Record<string, PublicSecurityScheme> {
  const schemes: Record<string, PublicSecurityScheme> = {};
  for (const authorizer of [...table.authorizers].sort((a, b) => compare(a.name, b.name))) {
    schemes[authorizer.name] = authorizerScheme(authorizer);
  }
  // With key source AUTHORIZER the authorizer supplies the key: the client sends none.
  if (table.apiKeySource === 'HEADER' && table.routes.some((route) => route.apiKeyRequired)) {
    schemes[API_KEY_SCHEME] = {
      type: 'apiKey',
      name: 'x-api-key',
      in: 'header',
      description: 'API key of a usage plan',
    };
  }
  if (table.routes.some((route) => route.authorization.kind === 'iam')) {
    schemes[IAM_SCHEME] = {
      type: 'apiKey',
      name: 'Authorization',
      in: 'header',
      description: 'AWS Signature Version 4 (IAM authorization)',
    };
  }
  return schemes;
}

/** One requirement naming every scheme the route needs; scopes only where OpenAPI allows them. */
export function publicRouteSecurity(route: RouteSpec, table: RouteTable): SecurityRequirement[] | undefined {
  const requirement: Record<string, readonly string[]> = {};
  const authorization = route.authorization;
  if (authorization.kind === 'authorizer') {
    const authorizer = table.authorizers.find((a) => a.name === authorization.authorizer);
    const scheme = authorizer && authorizerScheme(authorizer);
    requirement[authorization.authorizer] = scheme?.type === 'openIdConnect' ? (authorization.scopes ?? []) : [];
  }
  if (authorization.kind === 'iam') requirement[IAM_SCHEME] = [];
  if (route.apiKeyRequired && table.apiKeySource === 'HEADER') requirement[API_KEY_SCHEME] = [];
  return Object.keys(requirement).length === 0 ? undefined : [requirement];
}

function authorizerScheme(authorizer: AuthorizerSpec): PublicSecurityScheme {
  const sources = authorizer.identitySources.join(', ') || 'none';
  if (authorizer.type === 'COGNITO_USER_POOLS') {
    const pool = USER_POOL_ARN.exec(authorizer.providerArns?.[0] ?? '');
    if (pool) {
      const [, partition, region, poolId] = pool;
      const suffix = partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com';
      return {
        type: 'openIdConnect',
        openIdConnectUrl: `https://cognito-idp.${region}.${suffix}/${poolId}/.well-known/openid-configuration`,
        description: `Cognito user pool authorizer "${authorizer.name}": a pool token in ${headerOf(authorizer) ?? 'Authorization'}`,
      };
    }
  }
  const identity = authorizer.identitySources.map((source) => IDENTITY_SOURCE.exec(source)).find((m) => m !== null);
  const name = identity?.[2] ?? 'Authorization';
  const location = identity?.[1] === 'querystring' ? 'query' : 'header';
  const kind = authorizer.type === 'COGNITO_USER_POOLS' ? 'Cognito user pool' : `Lambda ${authorizer.type}`;
  const description = `${kind} authorizer "${authorizer.name}" (identity sources: ${sources})`;
  const bearer =
    authorizer.type === 'TOKEN' &&
    name.toLowerCase() === 'authorization' &&
    BEARER_EXPRESSION.test(authorizer.validationExpression ?? '');
  return bearer ? { type: 'http', scheme: 'bearer', description } : { type: 'apiKey', name, in: location, description };
}

function headerOf(authorizer: AuthorizerSpec): string | undefined {
  return /^method\.request\.header\.(.+)$/.exec(authorizer.identitySources[0] ?? '')?.[1];
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
