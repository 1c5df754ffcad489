/**
 * The content hash behind a REST deployment's logical id (docs/decisions/0003). CloudFormation creates a
 * new `AWS::ApiGateway::Deployment` (a snapshot of the API) only when its logical id changes, so the id must
 * change exactly when what the API serves changes, and be identical on every machine and run otherwise.
 */
import { createHash } from 'node:crypto';
import { formatRouteKey } from './route-key';
import type { AuthorizerSpec, RouteSpec, RouteTable } from './route-table';
import type { UsagePlanSpec } from './usage-plan-spec';

export interface DeploymentHashInput {
  readonly table: RouteTable;
  /** Everything else the API definition renders (title, description, ...). */
  readonly definition?: Readonly<Record<string, string | undefined>>;
  readonly usagePlans?: readonly UsagePlanSpec[];
}

export interface DeploymentHashOptions {
  /**
   * Replaces a CDK token string (`${Token[...]}`, whose number depends on construct creation order) with a
   * stable stand-in such as the resolved `{"Fn::GetAtt":["AuthorizerFn1234","Arn"]}`.
   * @default - token strings are hashed as they are
   */
  readonly stabilize?: (token: string) => string;
}

const TOKEN = /\$\{Token\[/;

/** sha256 (64 hex characters) of the canonical JSON of the normalized input. */
export function deploymentHash(input: DeploymentHashInput, options: DeploymentHashOptions = {}): string {
  const stabilize = options.stabilize ?? ((token: string) => token);
  const normalized = stabilizeStrings(normalize(input), stabilize);
  return createHash('sha256').update(canonicalJson(normalized)).digest('hex');
}

/**
 * Order carries no meaning in a route table (REST matching is by precedence, AWS docs: "Set up a method request"), nor among
 * authorizers or plans: sort them so declaring the same API in another order keeps the same deployment.
 */
function normalize(input: DeploymentHashInput): unknown {
  const table = input.table;
  return {
    routes: [...table.routes].map(normalizeRoute).sort((a, b) => compare(a.routeKey, b.routeKey)),
    authorizers: [...table.authorizers].map(normalizeAuthorizer).sort((a, b) => compare(a.name, b.name)),
    apiKeySource: table.apiKeySource,
    binaryMediaTypes: [...table.binaryMediaTypes].sort(),
    definition: input.definition ?? {},
    usagePlans: [...(input.usagePlans ?? [])].sort((a, b) => compare(a.name, b.name)),
    // Only when present, so tables without request models keep their deployment ids.
    ...(table.models && { models: table.models }),
  };
}

function normalizeRoute(route: RouteSpec) {
  // `segments` is derived from `path`; the formatted key says the same thing once.
  return {
    routeKey: formatRouteKey(route.key),
    authorization: route.authorization,
    apiKeyRequired: route.apiKeyRequired,
    integration: route.integration,
    requestParameters: route.requestParameters,
    ...(route.requestValidation && { requestValidation: route.requestValidation }),
  };
}

function normalizeAuthorizer(authorizer: AuthorizerSpec) {
  return { ...authorizer, providerArns: authorizer.providerArns && [...authorizer.providerArns].sort() };
}

function stabilizeStrings(value: unknown, stabilize: (token: string) => string): unknown {
  if (typeof value === 'string') return TOKEN.test(value) ? stabilize(value) : value;
  if (Array.isArray(value)) return value.map((item) => stabilizeStrings(item, stabilize));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, stabilizeStrings(item, stabilize)]));
  }
  return value;
}

/** JSON with object keys sorted at every level and `undefined` members dropped. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  const entries = Object.entries(value)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => compare(a, b));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
