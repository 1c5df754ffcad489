/**
 * OpenAPI security as API Gateway imports it: `securitySchemes` (OpenAPI 3) or `securityDefinitions`
 * (Swagger 2) with the `x-amazon-apigateway-authtype` / `x-amazon-apigateway-authorizer` extensions, and
 * each operation's `security` list naming the schemes it uses.
 */
import {
  type AuthorizationSpec,
  type AuthorizerSpec,
  type AuthorizerType,
  DEFAULT_AUTHORIZER_TTL_SECONDS,
} from '../../core/route-table';
import { lambdaArnFromUri } from './integrations';
import { asArray, asCommaList, asNumber, asRecord, asString, type JsonRecord } from './template-values';

export type SecurityScheme =
  /** An API key in the `x-api-key` header: the method requires a key. */
  | { readonly kind: 'apiKey' }
  /** `x-amazon-apigateway-authtype: awsSigv4`: the method uses IAM authorization. */
  | { readonly kind: 'iam' }
  | { readonly kind: 'authorizer'; readonly authorizer: AuthorizerSpec }
  /** A scheme API Gateway does not act on (plain OAuth2, HTTP bearer without an authorizer). */
  | { readonly kind: 'ignored' };

const AUTHORIZER_TYPES: Readonly<Record<string, AuthorizerType>> = {
  token: 'TOKEN',
  request: 'REQUEST',
  cognito_user_pools: 'COGNITO_USER_POOLS',
};

export function readSecuritySchemes(definition: JsonRecord, problems: string[]): Map<string, SecurityScheme> {
  const declared =
    asRecord(asRecord(definition.components)?.securitySchemes) ?? asRecord(definition.securityDefinitions);
  const schemes = new Map<string, SecurityScheme>();
  for (const [name, value] of Object.entries(declared ?? {})) {
    schemes.set(name, securityScheme(name, asRecord(value) ?? {}, problems));
  }
  return schemes;
}

function securityScheme(name: string, scheme: JsonRecord, problems: string[]): SecurityScheme {
  const authType = asString(scheme['x-amazon-apigateway-authtype'])?.toLowerCase();
  const authorizer = asRecord(scheme['x-amazon-apigateway-authorizer']);
  if (authType === 'awssigv4') return { kind: 'iam' };
  if (authorizer) {
    const typeName = (
      asString(authorizer.type) ?? (authType === 'cognito_user_pools' ? authType : 'token')
    ).toLowerCase();
    const type = AUTHORIZER_TYPES[typeName];
    if (!type) {
      problems.push(
        `security scheme "${name}": authorizer type ${typeName} is not token, request or cognito_user_pools`,
      );
      return { kind: 'ignored' };
    }
    return { kind: 'authorizer', authorizer: authorizerSpec(name, type, scheme, authorizer, problems) };
  }
  const isApiKeyHeader =
    asString(scheme.type) === 'apiKey' &&
    asString(scheme.in) === 'header' &&
    asString(scheme.name)?.toLowerCase() === 'x-api-key';
  return isApiKeyHeader ? { kind: 'apiKey' } : { kind: 'ignored' };
}

function authorizerSpec(
  name: string,
  type: AuthorizerType,
  scheme: JsonRecord,
  authorizer: JsonRecord,
  problems: string[],
): AuthorizerSpec {
  let identitySources = asCommaList(authorizer.identitySource);
  // TOKEN and Cognito authorizers read the header the scheme names when no identity source is given.
  const header = asString(scheme.in) === 'header' ? asString(scheme.name) : undefined;
  if (identitySources.length === 0 && type !== 'REQUEST' && header)
    identitySources = [`method.request.header.${header}`];
  let functionArn: string | undefined;
  if (type !== 'COGNITO_USER_POOLS') {
    functionArn = lambdaArnFromUri(asString(authorizer.authorizerUri));
    if (!functionArn) {
      problems.push(
        `authorizer "${name}": authorizerUri ${asString(authorizer.authorizerUri) ?? '(none)'} is not a Lambda function`,
      );
    }
  }
  const providerArns = asArray(authorizer.providerARNs).flatMap((arn) => asString(arn) ?? []);
  return {
    name,
    type,
    ...(functionArn ? { functionArn } : {}),
    ...(type === 'COGNITO_USER_POOLS' ? { providerArns } : {}),
    identitySources,
    ...(asString(authorizer.identityValidationExpression)
      ? { validationExpression: asString(authorizer.identityValidationExpression) }
      : {}),
    resultTtlSeconds: asNumber(authorizer.authorizerResultTtlInSeconds) ?? DEFAULT_AUTHORIZER_TTL_SECONDS,
  };
}

export interface RouteSecurity {
  readonly authorization: AuthorizationSpec;
  readonly apiKeyRequired: boolean;
}

/**
 * API Gateway reads every scheme an operation lists, whether in one requirement object or several
 * (its own exports list the API key and the authorizer as separate objects): an API key scheme makes
 * the key required, and the one authorizer or IAM scheme sets the authorization type.
 */
export function routeSecurity(
  requirements: unknown,
  schemes: ReadonlyMap<string, SecurityScheme>,
  problems: string[],
): RouteSecurity {
  let authorization: AuthorizationSpec = { kind: 'none' };
  let apiKeyRequired = false;
  for (const requirement of asArray(requirements)) {
    for (const [name, scopes] of Object.entries(asRecord(requirement) ?? {})) {
      const scheme = schemes.get(name);
      if (!scheme) {
        problems.push(`security scheme "${name}" is not defined`);
        continue;
      }
      if (scheme.kind === 'apiKey') {
        apiKeyRequired = true;
        continue;
      }
      if (scheme.kind === 'ignored') continue;
      if (authorization.kind !== 'none') {
        problems.push(`more than one authorizer or IAM scheme; "${name}" is ignored`);
        continue;
      }
      authorization = scheme.kind === 'iam' ? { kind: 'iam' } : authorizerAuthorization(scheme.authorizer, scopes);
    }
  }
  return { authorization, apiKeyRequired };
}

function authorizerAuthorization(authorizer: AuthorizerSpec, scopes: unknown): AuthorizationSpec {
  const names = asArray(scopes).flatMap((scope) => asString(scope) ?? []);
  // Scopes only mean something to Cognito authorizers (they are checked against the access token).
  return authorizer.type === 'COGNITO_USER_POOLS' && names.length > 0
    ? { kind: 'authorizer', authorizer: authorizer.name, scopes: names }
    : { kind: 'authorizer', authorizer: authorizer.name };
}
