/**
 * The Resource/Method form of a REST API (plain aws-cdk-lib `RestApi`): `AWS::ApiGateway::Resource`
 * trees give paths through their `ParentId` chains, `AWS::ApiGateway::Method`s give routes, and
 * `AWS::ApiGateway::Authorizer`s the authorizers methods name by id.
 */
import { formatRouteKey, parseRouteKey, RouteKeyError } from '../../core/route-key';
import {
  type AuthorizationSpec,
  type AuthorizerSpec,
  type AuthorizerType,
  DEFAULT_AUTHORIZER_TTL_SECONDS,
} from '../../core/route-table';
import { integrationFromCfn, integrationSpec, lambdaArnFromUri } from './integrations';
import type { ApiBuilder, LoadContext, ResourceEntry } from './load-context';
import { rootResourceId } from './physical-ids';
import { loadModels, methodValidation } from './request-validation';
import { asArray, asBoolean, asCommaList, asNumber, asString } from './template-values';

const AUTHORIZER_TYPES: readonly AuthorizerType[] = ['TOKEN', 'REQUEST', 'COGNITO_USER_POOLS'];

export function loadResourceMethods(context: LoadContext): void {
  const authorizerNames = loadAuthorizers(context);
  const paths = new ResourcePaths(context);
  loadModels(context);
  for (const entry of context.entries('AWS::ApiGateway::Method')) {
    const api = context.api(entry.prop('RestApiId'));
    if (!api) {
      context.unsupported(entry.path, 'the method belongs to a REST API that is not in this assembly');
      continue;
    }
    const path = paths.of(api, entry.prop('ResourceId'));
    if (path === undefined) {
      context.unsupported(entry.path, 'its ResourceId names no resource of the API');
      continue;
    }
    const method = (asString(entry.prop('HttpMethod')) ?? '').toUpperCase();
    const label = `route "${method} ${path}"`;
    let key: ReturnType<typeof parseRouteKey>;
    try {
      key = parseRouteKey(`${method} ${path}`);
    } catch (error) {
      if (!(error instanceof RouteKeyError)) throw error;
      context.unsupported(entry.path, error.message);
      continue;
    }
    const declaration = integrationFromCfn(entry.prop('Integration'));
    const integration = declaration
      ? integrationSpec(declaration)
      : ({ ok: false, reason: 'the method has no integration' } as const);
    if (!integration.ok) {
      context.unsupported(entry.path, `${label}: ${integration.reason}`);
      continue;
    }
    if (integration.spec.kind === 'unsupported') {
      context.unsupported(entry.path, `${label}: ${integration.spec.reason} (requests answer 500)`);
    }
    const authorization = methodAuthorization(entry, authorizerNames, context);
    if (typeof authorization === 'string') {
      context.unsupported(entry.path, `${label}: ${authorization}`);
      continue;
    }
    const requestValidation = methodValidation(entry, context);
    api.routes.set(formatRouteKey(key), {
      key,
      authorization,
      apiKeyRequired: asBoolean(entry.prop('ApiKeyRequired')) ?? false,
      integration: integration.spec,
      requestParameters: declaration?.requestParameters ?? {},
      ...(requestValidation && { requestValidation }),
    });
  }
}

/** Adds every Authorizer resource to its API; returns the name each one got, by resource. */
function loadAuthorizers(context: LoadContext): Map<ResourceEntry, string> {
  const names = new Map<ResourceEntry, string>();
  for (const entry of context.entries('AWS::ApiGateway::Authorizer')) {
    const api = context.api(entry.prop('RestApiId'));
    if (!api) {
      context.unsupported(entry.path, 'the authorizer belongs to a REST API that is not in this assembly');
      continue;
    }
    const type = (asString(entry.prop('Type')) ?? '').toUpperCase() as AuthorizerType;
    if (!AUTHORIZER_TYPES.includes(type)) {
      context.unsupported(
        entry.path,
        `authorizer type ${type || '(none)'} is not TOKEN, REQUEST or COGNITO_USER_POOLS`,
      );
      continue;
    }
    const spec = authorizerSpec(entry, type, uniqueName(api, asString(entry.prop('Name')) ?? entry.logicalId, entry));
    if (type !== 'COGNITO_USER_POOLS' && !spec.functionArn) {
      context.unsupported(entry.path, `AuthorizerUri ${String(entry.prop('AuthorizerUri'))} is not a Lambda function`);
    }
    api.authorizers.set(spec.name, spec);
    names.set(entry, spec.name);
  }
  return names;
}

function authorizerSpec(entry: ResourceEntry, type: AuthorizerType, name: string): AuthorizerSpec {
  const functionArn = lambdaArnFromUri(asString(entry.prop('AuthorizerUri')));
  const validationExpression = asString(entry.prop('IdentityValidationExpression'));
  return {
    name,
    type,
    ...(functionArn ? { functionArn } : {}),
    ...(type === 'COGNITO_USER_POOLS'
      ? { providerArns: asArray(entry.prop('ProviderARNs')).flatMap((arn) => asString(arn) ?? []) }
      : {}),
    identitySources: asCommaList(entry.prop('IdentitySource')),
    ...(validationExpression ? { validationExpression } : {}),
    resultTtlSeconds: asNumber(entry.prop('AuthorizerResultTtlInSeconds')) ?? DEFAULT_AUTHORIZER_TTL_SECONDS,
  };
}

/** Routes name authorizers by name; two authorizers of one API sharing a name are told apart by logical id. */
function uniqueName(api: ApiBuilder, name: string, entry: ResourceEntry): string {
  return api.authorizers.has(name) ? `${name}-${entry.logicalId}` : name;
}

function methodAuthorization(
  entry: ResourceEntry,
  authorizerNames: ReadonlyMap<ResourceEntry, string>,
  context: LoadContext,
): AuthorizationSpec | string {
  const type = (asString(entry.prop('AuthorizationType')) ?? 'NONE').toUpperCase();
  if (type === 'NONE') return { kind: 'none' };
  if (type === 'AWS_IAM') return { kind: 'iam' };
  if (type !== 'CUSTOM' && type !== 'COGNITO_USER_POOLS') return `authorization type ${type} is not supported`;
  const authorizerId = entry.prop('AuthorizerId');
  const authorizerEntry = context.lookup(authorizerId);
  const name = authorizerEntry ? authorizerNames.get(authorizerEntry) : undefined;
  if (!name) return `its AuthorizerId ${String(authorizerId)} names no authorizer in this assembly`;
  const scopes = asArray(entry.prop('AuthorizationScopes')).flatMap((scope) => asString(scope) ?? []);
  return type === 'COGNITO_USER_POOLS' && scopes.length > 0
    ? { kind: 'authorizer', authorizer: name, scopes }
    : { kind: 'authorizer', authorizer: name };
}

/** Paths of `AWS::ApiGateway::Resource`s, built once per resource from its `ParentId` chain. */
class ResourcePaths {
  private readonly cache = new Map<ResourceEntry, string | undefined>();
  private readonly visiting = new Set<ResourceEntry>();

  constructor(private readonly context: LoadContext) {}

  /** `/users/{id}` for a resource id of `api`, `/` for its root; undefined when the id is not its resource. */
  of(api: ApiBuilder, resourceId: unknown): string | undefined {
    if (resourceId === rootResourceId(api.apiId)) return '/';
    const entry = this.context.lookup(resourceId);
    if (entry?.type !== 'AWS::ApiGateway::Resource') return undefined;
    if (this.cache.has(entry)) return this.cache.get(entry);
    if (this.visiting.has(entry)) return undefined;
    this.visiting.add(entry);
    const parent = this.of(api, entry.prop('ParentId'));
    const part = asString(entry.prop('PathPart'));
    const path = parent === undefined || !part ? undefined : `${parent === '/' ? '' : parent}/${part}`;
    this.visiting.delete(entry);
    this.cache.set(entry, path);
    return path;
  }
}
