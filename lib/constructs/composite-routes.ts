/**
 * Composite routes (docs/decisions/0007): a GET route answered by calling other routes of the same gateway
 * in parallel, as the caller, and merging their answers. Portico generates the aggregator function from
 * `lib/composite/aggregator.ts` (bundled with esbuild, no hand-written handler per route); it needs no AWS
 * permission beyond writing its own log group, since it calls the gateway's public URL, which it learns from
 * each request (the function never references the API: no dependency cycle).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import {
  COMPOSITE_PLAN_VARIABLE,
  type CompositePlan,
  MERGE_MODULE_ALIAS,
  type MemberFailurePolicy,
} from '../composite/plan';
import { buildCompositePlan, COMPOSITE_OVERHEAD_MS } from '../composite/plan-builder';
import { formatRouteKey, parseRouteKey } from '../core/route-key';
import type { RouteTable } from '../core/route-table';
import type { RouteAuthorization } from './authorization';
import { RouteIntegration } from './integrations';
import type { RouteOptions } from './routes';

/**
 * What a composite route needs of the gateway it is declared on; `Gateway` is one. Named here so that this
 * file does not import the gateway, which imports it.
 */
export interface CompositeRouteHost extends Construct {
  /** The REST versions (none on an HTTP API gateway). */
  readonly versions: readonly { readonly versionName: string }[];
  addRoute(routeKey: string, options: RouteOptions): void;
  routeTable(versionName: string): RouteTable;
}

export interface CompositeMember {
  /** A route of the same gateway, as declared (`'GET /users/{id}'`); it must be a GET or ANY route. */
  readonly route: string;
  /**
   * Values for the member route's path parameters: templates over the composite's path parameters
   * (`{ id: '{userId}' }`) or literals (`{ proxy: 'users' }`).
   * @default - each member path parameter takes the composite's path parameter of the same name
   */
  readonly pathParameters?: Record<string, string>;
  /**
   * Query parameters of the member request, templated the same way (`{ userId: '{id}' }`).
   * @default - none
   */
  readonly query?: Record<string, string>;
}

/** A merge function the user writes: a TypeScript or JavaScript module exporting `merge` (or a default). */
export interface CompositeMergeEntry {
  /** Path to the module; it is bundled into the aggregator. Its type is `CompositeMergeFunction`. */
  readonly entry: string;
}

export interface CompositeRouteOptions {
  /** The routes to call, by member name; the name is the member's field in the merged body. */
  readonly members: Record<string, CompositeMember>;
  /**
   * How member answers become the body.
   * @default 'fields' - `{ <member>: <its JSON body>, ... }`
   */
  readonly merge?: 'fields' | CompositeMergeEntry;
  /**
   * What a failed member (non-2xx, timeout, unreachable) does: `fail` answers 502 naming it; `partial`
   * answers 200 with the other members and `errors: { <member>: { reason, status, message } }` (502 when
   * every member failed).
   * @default 'fail'
   */
  readonly onMemberFailure?: MemberFailurePolicy;
  /**
   * How long the aggregator waits for each member (at most 27 s, so it can still answer within the
   * 29 s integration timeout).
   * @default Duration.seconds(5)
   */
  readonly memberTimeout?: Duration;
  /**
   * Who may call the composite route itself. Members are still authorized one by one, as the caller.
   * @default - the Gateway's defaultAuthorization
   */
  readonly authorization?: RouteAuthorization;
  /**
   * Whether callers must present an API key; the key is forwarded, so members count against the caller's plan.
   * @default - the Gateway's apiKeyRequired
   */
  readonly apiKeyRequired?: boolean;
  /**
   * Versions that serve the composite; each must serve every member route.
   * @default - every version
   */
  readonly versions?: string[];
}

const DEFAULT_MEMBER_TIMEOUT = Duration.seconds(5);
const COMPOSITE_DIRECTORY = path.join(__dirname, '..', 'composite');
/** Service names become stage variable names `<service>Function` (at most 56 characters, see routes.ts). */
const MAX_SERVICE_NAME = 56;

export class CompositeRoute extends Construct {
  /** The composite routes declared on a gateway. */
  static of(gateway: CompositeRouteHost): CompositeRoute[] {
    return gateway.node.children.filter((child): child is CompositeRoute => child instanceof CompositeRoute);
  }

  /** `GET /users/{id}/overview` */
  readonly routeKey: string;
  /** What the aggregator runs (also in its `PORTICO_COMPOSITE_PLAN` environment variable). */
  readonly plan: CompositePlan;
  /** The generated aggregator function. */
  readonly handler: NodejsFunction;
  /** The aggregator's log group: one JSON line per request with each member's status and latency. */
  readonly logGroup: logs.LogGroup;
  /** The versions serving the composite. */
  readonly versions: readonly string[];

  constructor(gateway: CompositeRouteHost, routeKey: string, options: CompositeRouteOptions) {
    const key = parseRouteKey(routeKey);
    const id = `Composite${pascal(key.path)}`;
    if (gateway.node.tryFindChild(id) !== undefined) {
      throw new Error(`Composite route "${formatRouteKey(key)}" is declared twice.`);
    }
    super(gateway, id);
    this.plan = buildCompositePlan(routeKey, {
      members: options.members,
      onMemberFailure: options.onMemberFailure ?? 'fail',
      memberTimeoutMs: (options.memberTimeout ?? DEFAULT_MEMBER_TIMEOUT).toMilliseconds(),
    });
    this.routeKey = this.plan.route;
    if (gateway.versions.length === 0) {
      // The aggregator reads REST payload 1.0 events; an HTTP API gateway has no REST versions.
      throw new Error(`Composite route "${this.routeKey}": composite routes need a REST gateway (flavor 'rest').`);
    }
    this.versions = options.versions ?? gateway.versions.map((version) => version.versionName);

    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // Least privilege: its own log group only. No managed policy, no other AWS access: members are called
    // over the gateway's public URL, authorized as the caller.
    const role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Portico composite route ${this.routeKey}: writes its own logs, nothing else`,
    });
    this.logGroup.grantWrite(role);

    this.handler = new NodejsFunction(this, 'Handler', {
      entry: sourceFile('aggregator'),
      handler: 'handler',
      description: `Portico composite route ${this.routeKey}`,
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: 256,
      timeout: Duration.seconds(Math.ceil((this.plan.memberTimeoutMs + COMPOSITE_OVERHEAD_MS) / 1000)),
      role,
      logGroup: this.logGroup,
      environment: { [COMPOSITE_PLAN_VARIABLE]: JSON.stringify(this.plan), NODE_OPTIONS: '--enable-source-maps' },
      bundling: {
        forceDockerBundling: false,
        target: 'node22',
        minify: true,
        sourceMap: true,
        esbuildArgs: { '--alias': `${MERGE_MODULE_ALIAS}=${this.mergeModule(options.merge ?? 'fields')}` },
      },
    });

    gateway.addRoute(this.routeKey, {
      integration: RouteIntegration.lambda(this.handler, { service: serviceName(key.path) }),
      authorization: options.authorization,
      apiKeyRequired: options.apiKeyRequired,
      versions: [...this.versions],
    });
    this.node.addValidation({ validate: () => this.membersProblems(gateway) });
  }

  private mergeModule(merge: 'fields' | CompositeMergeEntry): string {
    if (merge === 'fields') return sourceFile('fields-merge');
    const entry = path.resolve(merge.entry);
    if (!/\.(ts|js|mts|mjs|cts|cjs)$/.test(entry) || !fs.existsSync(entry)) {
      throw new Error(
        `Composite route "${this.routeKey}": merge entry "${merge.entry}" is not an existing .ts or .js file ` +
          `(resolved to ${entry}); pass a path to a module exporting merge, e.g. path.join(__dirname, 'merge.ts').`,
      );
    }
    return entry;
  }

  /** Checks that need the whole route table: each member exists in every version, is no composite, no IAM. */
  private membersProblems(gateway: CompositeRouteHost): string[] {
    const composites = new Set(CompositeRoute.of(gateway).map((composite) => composite.routeKey));
    const problems = new Set<string>();
    for (const version of this.versions) {
      const routes = new Map(gateway.routeTable(version).routes.map((route) => [formatRouteKey(route.key), route]));
      for (const member of this.plan.members) {
        const where = `Composite route "${this.routeKey}", member "${member.name}"`;
        const spec = routes.get(member.route);
        if (spec === undefined) {
          problems.add(
            `${where}: version "${version}" has no route "${member.route}". Declare it in that version, ` +
              'or serve the composite only in versions that have it (versions: [...]).',
          );
        } else if (composites.has(member.route)) {
          problems.add(
            `${where}: "${member.route}" is itself a composite route; composites of composites are not supported. ` +
              "Name the inner composite's members directly.",
          );
        } else if (spec.authorization.kind === 'iam') {
          problems.add(
            `${where}: "${member.route}" uses IAM authorization, and the aggregator cannot sign requests as the ` +
              'caller. Authorize the member with a Lambda or Cognito authorizer, or leave it out.',
          );
        }
      }
    }
    return [...problems];
  }
}

/** The aggregator's sources are TypeScript in the repository, JavaScript once compiled. */
function sourceFile(name: string): string {
  const typescript = path.join(COMPOSITE_DIRECTORY, `${name}.ts`);
  return fs.existsSync(typescript) ? typescript : path.join(COMPOSITE_DIRECTORY, `${name}.js`);
}

/** `/users/{id}/overview` → `compositeUsersIdOverview` (the service behind stage variable `<service>Function`). */
function serviceName(routePath: string): string {
  const name = `composite${pascal(routePath)}`;
  if (name.length <= MAX_SERVICE_NAME) return name;
  let hash = 0;
  for (const char of routePath) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return `${name.slice(0, MAX_SERVICE_NAME - 8)}${hash.toString(36).padStart(8, '0').slice(0, 8)}`;
}

function pascal(routePath: string): string {
  const words = routePath.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('') || 'Root';
}
