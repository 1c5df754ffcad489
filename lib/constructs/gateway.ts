/**
 * The public `Gateway` construct (REST flavor): a route table, its authorization, usage plans and API
 * keys, one REST API per version (docs/decisions/0002), access logs, an optional custom domain. Each
 * version's API is one OpenAPI document in one `AWS::ApiGateway::RestApi` (docs/decisions/0001).
 */
import { Annotations, Stack } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { checkApiKeys } from '../core/checks';
import { RESERVED_SCHEME_NAMES } from '../core/openapi';
import { formatRouteKey, parseRouteKey } from '../core/route-key';
import type { RouteSpec, RouteTable } from '../core/route-table';
import { ApiGatewayAccountLoggingRole } from './account-logging-role';
import type { AuthorizerDefinition } from './authorization';
import { CompositeRoute, type CompositeRouteOptions } from './composite-routes';
import { GatewayDomain } from './custom-domain';
import { type GatewaySnapshot, gatewayFindings } from './gateway-findings';
import type { GatewayFlavor, GatewayProps } from './gateway-props';
import { restRejectsHttpAuthorizer } from './http/http-authorization';
import { HttpGateway } from './http/http-gateway';
import { resolveRequestValidation } from './request-validation';
import { requireOptions } from './required-options';
import { watchStackResourceBudget } from './resource-budget';
import { type RouteOptions, resolveIntegration } from './routes';
import { type ConsumerOptions, GatewayConsumer, GatewayUsagePlan, type UsagePlanOptions } from './usage-plans';
import { GatewayVersion, type StageOptions, type VersionOptions } from './versions';

export type { GatewayFlavor, GatewayProps } from './gateway-props';

interface DeclaredRoute {
  readonly spec: RouteSpec;
  readonly versions: readonly string[];
}

const DEFAULT_VERSIONS: Record<string, VersionOptions> = { v1: {} };
/** Authorizer names become OpenAPI security scheme names. */
const AUTHORIZER_NAME = /^[A-Za-z0-9._-]+$/;

export class Gateway extends Construct {
  readonly flavor: GatewayFlavor;
  /** The versions, in declaration order (REST flavor; empty on the HTTP flavor, see `http.stages`). */
  readonly versions: readonly GatewayVersion[];
  /** The HTTP API and its stages (flavor 'http'). */
  readonly http?: HttpGateway;
  readonly domain?: GatewayDomain;

  private readonly props: GatewayProps;
  private readonly restApiName: string;
  private readonly routes: DeclaredRoute[] = [];
  private readonly authorizers = new Map<string, { definition: AuthorizerDefinition; fingerprint: string }>();
  private readonly serviceHandlers = new Map<string, { handler: lambda.IFunction; route: string }>();
  private readonly plans = new Map<string, GatewayUsagePlan>();
  private readonly consumerKeys = new Map<string, GatewayConsumer>();
  private readonly warned = new Set<string>();
  /** Request models of the routes' validation, by name (rendered into components.schemas). */
  private readonly models = new Map<string, { schema: Record<string, unknown>; route: string }>();

  constructor(scope: Construct, id: string, props: GatewayProps = {}) {
    super(scope, id);
    this.props = props;
    this.restApiName = props.restApiName ?? id;
    this.flavor = props.flavor ?? 'rest';
    if (this.flavor === 'http') {
      this.versions = [];
      this.http = new HttpGateway(this, 'Http', { ...props, restApiName: this.restApiName });
      return;
    }
    if (props.http !== undefined) {
      throw new Error(`Gateway "${this.node.path}": http settings need flavor: 'http' (the flavor is 'rest').`);
    }
    const versions = props.versions ?? DEFAULT_VERSIONS;
    if (Object.keys(versions).length === 0) {
      throw new Error(`Gateway "${this.node.path}": versions is empty; declare at least one, e.g. { v1: {} }.`);
    }
    this.versions = Object.entries(versions).map(
      ([name, options]) =>
        new GatewayVersion(this, name, {
          versionName: name,
          restApiName: this.restApiName,
          description: props.description,
          options: mergeStageOptions(props.stageOptions ?? {}, options),
          definition: () => ({ table: this.routeTable(name), usagePlans: this.planSpecs() }),
        }),
    );
    if (props.domain)
      requireOptions('Gateway domain', props.domain, {
        domainName: "'api.example.com'",
        certificateArn: "'arn:aws:acm:<region>:<account>:certificate/<id>'",
      });
    if (props.domain) this.domain = new GatewayDomain(this, 'Domain', props.domain, this.versions);
    for (const [name, options] of Object.entries(props.usagePlans ?? {})) this.addUsagePlan(name, options);
    for (const [name, options] of Object.entries(props.consumers ?? {})) this.addConsumer(name, options);
    for (const [key, options] of Object.entries(props.routes ?? {})) this.addRoute(key, options);
    this.node.addValidation({ validate: () => this.validate() });
    watchStackResourceBudget(Stack.of(this));
  }

  /** The version named `name`; throws when there is none. */
  version(name: string): GatewayVersion {
    if (this.http) throw this.restOnly(`version("${name}")`, `gateway.http.stage("${name}")`);
    const version = this.versions.find((v) => v.versionName === name);
    if (!version) throw new Error(`Gateway "${this.node.path}" has no version "${name}" (${this.versionList()}).`);
    return version;
  }

  /** Adds a route (`'GET /users/{id}'`) to every version, or to the versions it names. */
  addRoute(routeKey: string, options: RouteOptions): void {
    if (this.http) {
      requireOptions(`Route "${routeKey}"`, options, { integration: 'RouteIntegration.lambda(fn)' });
      this.http.addRoute(routeKey, options);
      return;
    }
    const key = parseRouteKey(routeKey);
    const name = formatRouteKey(key);
    requireOptions(`Route "${name}"`, options, { integration: 'RouteIntegration.lambda(fn)' });
    const authorization = options.authorization ?? this.props.defaultAuthorization;
    if (authorization === undefined) {
      throw new Error(
        `Route "${name}" has no authorization decision. Pass authorization on the route ` +
          '(RouteAuthorization.none() to make it public, or an authorizer/IAM), or set defaultAuthorization on the Gateway.',
      );
    }
    if (authorization._httpAuthorizer) throw restRejectsHttpAuthorizer(name, authorization._httpAuthorizer);
    const versions = options.versions ?? this.versions.map((v) => v.versionName);
    if (versions.length === 0)
      throw new Error(`Route "${name}": versions is empty; leave it out to serve every version.`);
    for (const version of versions) {
      if (!this.versions.some((v) => v.versionName === version)) {
        throw new Error(`Route "${name}": version "${version}" is not declared (${this.versionList()}).`);
      }
    }
    const target = options.integration._target;
    const { integration, requestParameters } = resolveIntegration(name, key, target);
    if (target.kind === 'lambda') this.registerService(target.service, target.handler, name);
    const authorizer = authorization._authorizer;
    if (authorizer) this.registerAuthorizer(authorizer, name);
    const validation = options.requestValidation && resolveRequestValidation(name, options.requestValidation);
    for (const [model, schema] of Object.entries(validation?.models ?? {})) this.registerModel(model, schema, name);
    this.routes.push({
      spec: {
        key,
        authorization: authorization._spec,
        apiKeyRequired: options.apiKeyRequired ?? this.props.apiKeyRequired ?? false,
        integration,
        requestParameters,
        ...(validation && { requestValidation: validation.spec }),
      },
      versions: [...versions],
    });
    for (const version of versions.map((v) => this.version(v))) {
      if (target.kind === 'lambda') version._bindService(target.service, target.handler);
      if (authorizer) version._bindAuthorizer(authorizer);
    }
  }

  /**
   * Adds a GET route answered by calling other routes of this gateway in parallel, as the caller, and
   * merging their answers, through a generated aggregator function (docs/decisions/0007).
   */
  addCompositeRoute(routeKey: string, options: CompositeRouteOptions): CompositeRoute {
    requireOptions(`Composite route "${routeKey}"`, options, { members: "{ user: 'GET /users/{id}' }" });
    return new CompositeRoute(this, routeKey, options);
  }

  /** Adds a usage plan (tier) covering every version's stage. */
  addUsagePlan(name: string, options: UsagePlanOptions = {}): GatewayUsagePlan {
    if (this.http) throw this.restOnly('Usage plans', 'stage throttles and http.routeThrottles');
    if (this.plans.has(name)) throw new Error(`Usage plan "${name}" is declared twice; plan names must be unique.`);
    const plan = new GatewayUsagePlan(this, `UsagePlan${name}`, {
      planName: name,
      options,
      apiStages: () =>
        this.versions.map((version) => ({
          apiId: version.restApi.ref,
          stage: version.stage.ref,
          routeKeys: new Set(this.routeTable(version.versionName).routes.map((route) => formatRouteKey(route.key))),
        })),
    });
    this.plans.set(name, plan);
    return plan;
  }

  /** Adds an API key holder to a declared usage plan. Without `value`, API Gateway generates the key. */
  addConsumer(name: string, options: ConsumerOptions): GatewayConsumer {
    if (this.http) throw this.restOnly('Consumers with API keys', 'a JWT or Lambda authorizer');
    if (this.consumerKeys.has(name))
      throw new Error(`Consumer "${name}" is declared twice; consumer names must be unique.`);
    requireOptions(`Consumer "${name}"`, options, { plan: "'gold' (a usage plan of this gateway)" });
    const spec = { name, plan: options.plan, ...(options.value === undefined ? {} : { value: options.value }) };
    const errors = checkApiKeys([spec], [...this.plans.keys()]).filter((finding) => finding.level === 'error');
    if (errors.length > 0) throw new Error(errors.map((finding) => finding.message).join(' '));
    const consumer = new GatewayConsumer(this, `Consumer${name}`, {
      consumerName: name,
      options,
      usagePlan: this.plans.get(options.plan)!.usagePlan,
    });
    this.consumerKeys.set(name, consumer);
    return consumer;
  }

  /** The route table one version serves (complete once every route is added). */
  routeTable(versionName: string): RouteTable {
    if (this.http) throw this.restOnly(`routeTable("${versionName}")`, 'gateway.http.routeTable()');
    const routes = this.routes.filter((route) => route.versions.includes(versionName)).map((route) => route.spec);
    return this.tableShape(routes);
  }

  private tableShape(routes: readonly RouteSpec[]): RouteTable {
    const used = new Set(
      routes.flatMap((route) => (route.authorization.kind === 'authorizer' ? [route.authorization.authorizer] : [])),
    );
    return {
      routes,
      authorizers: [...this.authorizers.values()]
        .map(({ definition }) => definition.spec)
        .filter((spec) => used.has(spec.name)),
      apiKeySource: this.props.apiKeySource ?? 'HEADER',
      binaryMediaTypes: [...(this.props.binaryMediaTypes ?? [])],
      ...(this.models.size > 0 && {
        models: Object.fromEntries([...this.models].map(([name, { schema }]) => [name, schema])),
      }),
    };
  }

  private registerModel(name: string, schema: Record<string, unknown>, route: string): void {
    const existing = this.models.get(name);
    if (existing && JSON.stringify(existing.schema) !== JSON.stringify(schema)) {
      throw new Error(
        `Routes "${existing.route}" and "${route}" declare two different models named "${name}"; give one another modelName.`,
      );
    }
    this.models.set(name, { schema, route });
  }

  private registerService(service: string, handler: lambda.IFunction, route: string): void {
    const existing = this.serviceHandlers.get(service);
    if (existing === undefined) {
      this.serviceHandlers.set(service, { handler, route });
    } else if (existing.handler !== handler) {
      throw new Error(
        `Routes "${existing.route}" and "${route}" call service "${service}" with two different functions. ` +
          'A service has one function per version: name the other one differently with ' +
          'RouteIntegration.lambda(fn, { service }), or give a version its own function with versions: { v2: { functions } }.',
      );
    }
  }

  private registerAuthorizer(definition: AuthorizerDefinition, route: string): void {
    const name = definition.spec.name;
    if (!AUTHORIZER_NAME.test(name) || RESERVED_SCHEME_NAMES.includes(name)) {
      throw new Error(
        `Route "${route}": authorizer name "${name}" must use only A-Z a-z 0-9 . _ - and not be ` +
          `${RESERVED_SCHEME_NAMES.map((n) => `"${n}"`).join(' or ')}; pass another authorizerName.`,
      );
    }
    const fingerprint = JSON.stringify(definition.spec);
    const existing = this.authorizers.get(name);
    if (existing === undefined) {
      this.authorizers.set(name, { definition, fingerprint });
    } else if (existing.fingerprint !== fingerprint) {
      throw new Error(
        `Route "${route}": two different authorizers are named "${name}". Reuse one RouteAuthorization object, ` +
          'or give the other authorizer another authorizerName.',
      );
    }
  }

  private planSpecs() {
    return [...this.plans.values()].map((plan) => plan.spec);
  }

  private restOnly(feature: string, instead: string): Error {
    return new Error(`Gateway "${this.node.path}" (flavor 'http'): ${feature}: REST APIs only; use ${instead}.`);
  }

  private versionList(): string {
    return `declared: ${this.versions.map((v) => `"${v.versionName}"`).join(', ')}`;
  }

  private validate(): string[] {
    const findings = gatewayFindings(this.snapshot());
    for (const warning of findings.filter((finding) => finding.level === 'warning')) {
      // Validation may run more than once (each synth); annotate each warning once.
      if (this.warned.has(warning.message)) continue;
      this.warned.add(warning.message);
      Annotations.of(this).addWarningV2(`portico:${warning.ruleId}`, warning.message);
    }
    return findings.filter((finding) => finding.level === 'error').map((finding) => finding.message);
  }

  /** The gateway as plain data, for the whole-gateway checks. */
  private snapshot(): GatewaySnapshot {
    const allRoutes = new Map(this.routes.map((route) => [formatRouteKey(route.spec.key), route.spec]));
    return {
      versions: this.versions,
      tables: new Map(this.versions.map((version) => [version.versionName, this.routeTable(version.versionName)])),
      allRoutes: this.tableShape([...allRoutes.values()]),
      plans: this.planSpecs(),
      apiKeys: [...this.consumerKeys.values()].map((consumer) => consumer.spec),
      authorizers: new Map([...this.authorizers].map(([name, { definition }]) => [name, definition.spec])),
      accountLoggingRoleDeclared: ApiGatewayAccountLoggingRole.isDeclaredIn(this),
    };
  }
}

function mergeStageOptions(defaults: StageOptions, version: VersionOptions): VersionOptions {
  return {
    ...defaults,
    ...version,
    variables: { ...defaults.variables, ...version.variables },
    accessLog: { ...defaults.accessLog, ...version.accessLog },
  };
}
