/**
 * The HTTP flavor of `Gateway` (`flavor: 'http'`, docs/decisions/0009): one `AWS::ApiGatewayV2::Api` whose
 * `Body` is the rendered OpenAPI definition (routes, integrations, authorizers, CORS), one stage per version,
 * one Lambda permission per function, access logs per stage and an optional custom domain. The resource
 * count does not grow with the routes.
 */
import { Annotations, ArnFormat, Lazy, Stack } from 'aws-cdk-lib';
import { CfnApi } from 'aws-cdk-lib/aws-apigatewayv2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { checkHttpApi, checkHttpRouteKeys, checkStages, type Finding } from '../../core/checks';
import {
  type HttpCorsSpec,
  type HttpRouteSpec,
  type HttpRouteTable,
  httpRouteKeyName,
  parseHttpRouteKey,
} from '../../core/http-route-table';
import { type HttpOpenApiDocument, IAM_SCHEME, renderHttpDefinition } from '../../core/openapi';
import type { RouteAuthorization } from '../authorization';
import { DEFINITION_WARNING_BYTES, MAX_TEMPLATE_BYTES } from '../definition-size';
import type { GatewayProps } from '../gateway-props';
import { requireOption, requireOptions } from '../required-options';
import { watchStackResourceBudget } from '../resource-budget';
import type { RouteOptions } from '../routes';
import type { VersionOptions } from '../versions';
import { type HttpAuthorizerDefinition, httpAuthorizationOf } from './http-authorization';
import { HttpGatewayDomain } from './http-domain';
import { resolveHttpIntegration } from './http-integration';
import type { HttpCorsOptions } from './http-options';
import { HttpGatewayStage } from './http-stage';
import { restOnlyFeatures } from './rest-only-features';

export type { HttpCorsOptions, HttpGatewayOptions } from './http-options';

/** @internal What `Gateway` passes down: its props with the API's name settled. */
export interface HttpGatewayProps extends GatewayProps {
  readonly restApiName: string;
}

/** The HTTP API's default stage when `versions` is left out: served at the URL root. */
const DEFAULT_VERSIONS: Record<string, VersionOptions> = { $default: {} };
/** Authorizer names become OpenAPI security scheme names. */
const AUTHORIZER_NAME = /^[A-Za-z0-9._-]+$/;
/** Where the Body sits in the template (`Resources` → id → `Properties` → `Body`), for its size as written. */
const BODY_DEPTH = 4;

export class HttpGateway extends Construct {
  readonly api: CfnApi;
  /** One stage per version, in declaration order. */
  readonly stages: readonly HttpGatewayStage[];
  readonly domain?: HttpGatewayDomain;
  /** The HTTP API's name (`info.title` of its definition). */
  readonly apiName: string;

  private readonly props: HttpGatewayProps;
  private readonly routes: HttpRouteSpec[] = [];
  private readonly authorizers = new Map<string, { definition: HttpAuthorizerDefinition; fingerprint: string }>();
  private readonly serviceHandlers = new Map<string, { handler: lambda.IFunction; route: string }>();
  /** Function ARNs (token strings) and resource names API Gateway may already invoke. */
  private readonly invokePermissions = new Set<string>();
  private readonly warned = new Set<string>();

  constructor(scope: Construct, id: string, props: HttpGatewayProps) {
    super(scope, id);
    this.props = props;
    this.apiName = props.restApiName;
    const restOnly = restOnlyFeatures(props);
    if (restOnly.length > 0) {
      throw new Error(`Gateway "${scope.node.path}" (flavor 'http'): ${restOnly.join(' ')}`);
    }
    const versions = Object.entries(props.versions ?? DEFAULT_VERSIONS);
    if (versions.length === 0) {
      throw new Error(`Gateway "${scope.node.path}": versions is empty; declare at least one, e.g. { $default: {} }.`);
    }
    const merged = versions.map(([name, options]): [string, VersionOptions] => [
      name,
      mergeStageOptions(props.stageOptions ?? {}, options),
    ]);
    const stageErrors = checkStages(
      merged.map(([name, options]) => ({ name, throttle: options.throttle, variables: { ...options.variables } })),
      { httpApi: true },
    ).filter((finding) => finding.level === 'error');
    if (stageErrors.length > 0) throw new Error(stageErrors.map((finding) => finding.message).join(' '));

    this.api = new CfnApi(this, 'Api', {
      body: Lazy.any({ produce: () => this.definition() }),
      // Import warnings (an extension API Gateway ignores) fail the deployment instead of passing silently.
      failOnWarnings: true,
    });
    this.stages = merged.map(
      ([name, options]) =>
        new HttpGatewayStage(this, `Stage${pascal(name)}`, {
          stageName: name,
          apiId: this.api.ref,
          options,
          routeThrottles: () => props.http?.routeThrottles ?? {},
        }),
    );
    const cors = props.http?.cors;
    if (cors) requireOption('Gateway http.cors', 'allowOrigins', cors.allowOrigins, "['https://app.example.com']");
    if (props.domain)
      requireOptions('Gateway domain', props.domain, {
        domainName: "'api.example.com'",
        certificateArn: "'arn:aws:acm:<region>:<account>:certificate/<id>'",
      });
    if (props.domain) this.domain = new HttpGatewayDomain(this, 'Domain', props.domain, this.api.ref, this.stages);
    for (const [key, options] of Object.entries(props.routes ?? {})) this.addRoute(key, options);
    this.node.addValidation({ validate: () => this.validate() });
    watchStackResourceBudget(Stack.of(this));
  }

  /** The stage of version `name`; throws when there is none. */
  stage(name: string): HttpGatewayStage {
    const stage = this.stages.find((s) => s.stageName === name);
    if (!stage)
      throw new Error(`Gateway "${this.node.scope?.node.path}" has no version "${name}" (${this.stageList()}).`);
    return stage;
  }

  /** Adds a route (`'GET /users/{id}'` or `'$default'`), served by every stage. */
  addRoute(routeKey: string, options: RouteOptions): void {
    const keyErrors = checkHttpRouteKeys([routeKey]);
    if (keyErrors.length > 0) throw new Error(keyErrors.map((finding) => finding.message).join(' '));
    const key = parseHttpRouteKey(routeKey);
    const name = httpRouteKeyName(key);
    const authorization: RouteAuthorization | undefined = options.authorization ?? this.props.defaultAuthorization;
    if (authorization === undefined) {
      throw new Error(
        `Route "${name}" has no authorization decision. Pass authorization on the route ` +
          '(RouteAuthorization.none() to make it public, or an authorizer/IAM), or set defaultAuthorization on the Gateway.',
      );
    }
    if (options.apiKeyRequired) {
      throw new Error(
        `Route "${name}": API keys (apiKeyRequired) exist only on REST APIs: authenticate callers with an authorizer ` +
          "and limit them with stage or route throttles (http.routeThrottles), or use flavor: 'rest'.",
      );
    }
    if (options.requestValidation) {
      throw new Error(
        `Route "${name}": request validators exist only on REST APIs: validate in the function, or use flavor: 'rest'.`,
      );
    }
    const all = this.stages.map((stage) => stage.stageName);
    const unknown = (options.versions ?? []).filter((version) => !all.includes(version));
    if (unknown.length > 0) {
      throw new Error(`Route "${name}": version "${unknown[0]}" is not declared (declared: ${this.stageList()}).`);
    }
    if (options.versions !== undefined && !all.every((stage) => options.versions?.includes(stage))) {
      throw new Error(
        `Route "${name}": versions ${JSON.stringify(options.versions)} is a subset, but every stage of an HTTP API ` +
          `serves the same routes (declared: ${this.stageList()}). Leave versions out, or serve the other routes from ` +
          "a second Gateway (one per route set) behind the same custom domain, or use flavor: 'rest'.",
      );
    }
    const target = options.integration._target;
    const payloadFormat =
      target.kind === 'lambda'
        ? (this.props.http?.servicePayloadFormatVersions?.[target.service] ?? this.props.http?.payloadFormatVersion)
        : undefined;
    const integration = resolveHttpIntegration(name, key, target, payloadFormat ?? '2.0');
    if (target.kind === 'lambda') this.bindService(target.service, target.handler, name);
    const { spec, authorizer } = httpAuthorizationOf(authorization, name);
    if (authorizer) this.registerAuthorizer(authorizer, name);
    this.routes.push({ key, authorization: spec, integration });
  }

  /** The route table the HTTP API serves (complete once every route is added). */
  routeTable(): HttpRouteTable {
    const used = new Set(
      this.routes.flatMap((route) =>
        route.authorization.kind === 'authorizer' ? [route.authorization.authorizer] : [],
      ),
    );
    const cors = this.props.http?.cors;
    return {
      routes: [...this.routes],
      authorizers: [...this.authorizers.values()]
        .map(({ definition }) => definition.spec)
        .filter((spec) => used.has(spec.name)),
      ...(cors === undefined ? {} : { cors: corsSpec(cors) }),
    };
  }

  /** The OpenAPI document in the HTTP API's `Body` (complete at synth time). */
  definition(): HttpOpenApiDocument {
    const stack = Stack.of(this);
    return renderHttpDefinition(this.routeTable(), {
      title: this.apiName,
      description: this.props.description,
      partition: stack.partition,
      region: stack.region,
    });
  }

  private bindService(service: string, handler: lambda.IFunction, route: string): void {
    const existing = this.serviceHandlers.get(service);
    if (existing === undefined) {
      this.serviceHandlers.set(service, { handler, route });
      for (const stage of this.stages) {
        const target = stage._bindService(service, handler);
        const id = `Invoke${pascal(service)}${target === handler ? '' : pascal(stage.stageName)}`;
        this.allowInvoke(id, target, '*');
      }
    } else if (existing.handler !== handler) {
      throw new Error(
        `Routes "${existing.route}" and "${route}" call service "${service}" with two different functions. ` +
          'A service has one function per version: name the other one differently with ' +
          'RouteIntegration.lambda(fn, { service }), or give a version its own function with versions: { v2: { functions } }.',
      );
    }
  }

  private registerAuthorizer(definition: HttpAuthorizerDefinition, route: string): void {
    const name = definition.spec.name;
    if (!AUTHORIZER_NAME.test(name) || name === IAM_SCHEME) {
      throw new Error(
        `Route "${route}": authorizer name "${name}" must use only A-Z a-z 0-9 . _ - and not be "${IAM_SCHEME}"; ` +
          'pass another authorizerName.',
      );
    }
    const fingerprint = JSON.stringify(definition.spec);
    const existing = this.authorizers.get(name);
    if (existing === undefined) {
      this.authorizers.set(name, { definition, fingerprint });
      if (definition.handler) this.allowInvoke(`InvokeAuthorizer${pascal(name)}`, definition.handler, 'authorizers/*');
    } else if (existing.fingerprint !== fingerprint) {
      throw new Error(
        `Route "${route}": two different authorizers are named "${name}". Reuse one RouteAuthorization object ` +
          '(JWT scopes may differ per route), or give the other authorizer another authorizerName.',
      );
    }
  }

  /**
   * One permission per function (or alias) for the whole API (`<api>/*`: every stage, method and path,
   * `$default` included) instead of one per route: the permission count stays constant in the route count.
   */
  private allowInvoke(id: string, handler: lambda.IFunction, resourceName: string): void {
    const key = `${handler.functionArn} ${resourceName}`;
    if (this.invokePermissions.has(key)) return;
    this.invokePermissions.add(key);
    let unique = id;
    for (let n = 2; this.node.tryFindChild(unique); n++) unique = `${id}${n}`;
    new lambda.CfnPermission(this, unique, {
      action: 'lambda:InvokeFunction',
      functionName: handler.functionArn,
      principal: 'apigateway.amazonaws.com',
      sourceArn: Stack.of(this).formatArn({
        service: 'execute-api',
        resource: this.api.ref,
        resourceName,
        arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
      }),
    });
  }

  private stageList(): string {
    return this.stages.map((stage) => `"${stage.stageName}"`).join(', ');
  }

  private validate(): string[] {
    const findings = [
      ...checkHttpApi(this.routeTable(), this.props.http?.routeThrottles ?? {}),
      ...this.sizeFindings(),
      ...this.unusedSettingFindings(),
    ];
    for (const warning of findings.filter((finding) => finding.level === 'warning')) {
      // Validation may run more than once (each synth); annotate each warning once.
      if (this.warned.has(warning.message)) continue;
      this.warned.add(warning.message);
      Annotations.of(this).addWarningV2(`portico:${warning.ruleId}`, warning.message);
    }
    return findings.filter((finding) => finding.level === 'error').map((finding) => finding.message);
  }

  /** The Body counts toward CloudFormation's template size, as the CDK writes it (JSON indented by one space). */
  private sizeFindings(): Finding[] {
    const text = JSON.stringify(Stack.of(this).resolve(this.definition()), undefined, 1);
    const bytes = Buffer.byteLength(text) + BODY_DEPTH * (text.split('\n').length - 1);
    const kb = `${Math.round(bytes / 1024)} KB`;
    if (bytes > MAX_TEMPLATE_BYTES) {
      return [
        {
          ruleId: 'definition-size',
          level: 'error',
          message: `The HTTP API definition (Api Body) is ${kb}, above CloudFormation's 1 MB template limit. Split the routes across gateways in separate stacks.`,
        },
      ];
    }
    if (bytes <= DEFINITION_WARNING_BYTES) return [];
    return [
      {
        ruleId: 'definition-size',
        level: 'warning',
        message: `The HTTP API definition (Api Body) is ${kb}, approaching CloudFormation's 1 MB template limit. Plan to split the routes across gateways in separate stacks.`,
      },
    ];
  }

  private unusedSettingFindings(): Finding[] {
    const findings: Finding[] = [];
    for (const stage of this.stages) {
      for (const service of stage.unusedFunctionServices) {
        findings.push({
          ruleId: 'unused-version-function',
          level: 'warning',
          message: `Version "${stage.stageName}" sets a function for service "${service}", but no route calls that service; check the service name.`,
        });
      }
    }
    for (const service of Object.keys(this.props.http?.servicePayloadFormatVersions ?? {})) {
      if (this.serviceHandlers.has(service)) continue;
      findings.push({
        ruleId: 'unused-payload-format',
        level: 'warning',
        message: `http.servicePayloadFormatVersions names service "${service}", but no route calls that service; check the service name.`,
      });
    }
    return findings;
  }
}

function corsSpec(cors: HttpCorsOptions): HttpCorsSpec {
  return {
    allowOrigins: [...cors.allowOrigins],
    allowMethods: (cors.allowMethods ?? []).map((method) => method.toUpperCase()),
    allowHeaders: [...(cors.allowHeaders ?? [])],
    exposeHeaders: [...(cors.exposeHeaders ?? [])],
    allowCredentials: cors.allowCredentials ?? false,
    ...(cors.maxAge === undefined ? {} : { maxAgeSeconds: cors.maxAge.toSeconds() }),
  };
}

function mergeStageOptions(defaults: VersionOptions, version: VersionOptions): VersionOptions {
  return {
    ...defaults,
    ...version,
    variables: { ...defaults.variables, ...version.variables },
    accessLog: { ...defaults.accessLog, ...version.accessLog },
  };
}

function pascal(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9]/g, '');
  return cleaned.charAt(0).toUpperCase() + cleaned.slice(1);
}
