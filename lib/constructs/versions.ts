/**
 * One API version = one REST API with one stage named after the version (docs/decisions/0002): stages of
 * one REST API share a single resource tree, so versions that serve different routes need their own API.
 * The stage holds the version's throttling defaults, stage variables (which function serves each service),
 * access log and canary.
 */
import { ArnFormat, Lazy, Stack } from 'aws-cdk-lib';
import { CfnRestApi, CfnStage } from 'aws-cdk-lib/aws-apigateway';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { checkStages } from '../core/checks';
import { canonicalJson, type DeploymentHashInput } from '../core/deployment-hash';
import { type OpenApiDocument, renderRestDefinition } from '../core/openapi';
import type { ThrottleSettings } from '../core/throttle-settings';
import { type AccessLogOptions, StageAccessLog } from './access-log';
import type { AuthorizerDefinition } from './authorization';
import { attachDefinition } from './definition-asset';
import { hashedDeployment } from './deployment';

export type ExecutionLogLevel = 'OFF' | 'ERROR' | 'INFO';

/** Stage settings; given on the Gateway they apply to every version, given on a version they override those. */
export interface StageOptions {
  /**
   * Default method throttle of the stage (`MethodSettings` `/*` `*`).
   * @default - only the account-level limits apply
   */
  readonly throttle?: ThrottleSettings;
  /**
   * Stage variables, in addition to the `<service>Function` variables Portico sets.
   * @default - none
   */
  readonly variables?: Record<string, string>;
  /**
   * Access logging of the stage.
   * @default - JSON access log (ACCESS_LOG_FORMATS.json) in a log group kept one month
   */
  readonly accessLog?: AccessLogOptions;
  /**
   * CloudWatch execution logging level. Anything but 'OFF' needs the account's API Gateway CloudWatch
   * Logs role (add one ApiGatewayAccountLoggingRole per account and region).
   * @default 'OFF'
   */
  readonly executionLogLevel?: ExecutionLogLevel;
  /**
   * Detailed CloudWatch metrics per method.
   * @default false
   */
  readonly metricsEnabled?: boolean;
  /**
   * Headers on every answer API Gateway generates itself (401, 403, 429, 5xx), e.g.
   * `{ 'Strict-Transport-Security': 'max-age=31536000', 'Cache-Control': 'no-store' }`. Answers from a
   * Lambda or HTTP backend keep the backend's own headers: REST APIs apply no response mapping to proxy
   * integrations (docs/decisions/0008).
   * @default - none
   */
  readonly gatewayResponseHeaders?: Record<string, string>;
}

export interface CanaryOptions {
  /** Share of the stage's requests served by the canary, 0.0 to 100.0. */
  readonly percentTraffic: number;
  /**
   * The function, version or alias serving a service for canary requests, by service name
   * (becomes a `<service>Function` stage variable override).
   * @default - canary requests use the stage's functions
   */
  readonly functions?: Record<string, lambda.IFunction>;
  /**
   * Other stage variables canary requests see instead of the stage's.
   * @default - none
   */
  readonly stageVariableOverrides?: Record<string, string>;
}

export interface VersionOptions extends StageOptions {
  /**
   * The function, version or alias that serves a service in this version, by service name
   * (see `LambdaIntegrationOptions.service`).
   * @default - each service runs the function its routes' integration names
   */
  readonly functions?: Record<string, lambda.IFunction>;
  /**
   * A canary on this version's stage.
   * @default - no canary
   */
  readonly canary?: CanaryOptions;
}

/** @internal */
export interface GatewayVersionProps {
  readonly versionName: string;
  readonly restApiName: string;
  readonly description?: string;
  readonly options: VersionOptions;
  /** This version's route table and the gateway's usage plans, complete at synth time. */
  readonly definition: () => Pick<DeploymentHashInput, 'table' | 'usagePlans'>;
}

/** Stage variable holding the function (or alias) ARN that serves `service`. */
export function functionStageVariable(service: string): string {
  return `${service}Function`;
}

export class GatewayVersion extends Construct {
  readonly versionName: string;
  readonly restApi: CfnRestApi;
  readonly stage: CfnStage;
  readonly accessLog?: StageAccessLog;
  readonly executionLogLevel: ExecutionLogLevel;
  /** `https://<api-id>.execute-api.<region>.<suffix>/<version>/` */
  readonly url: string;

  private readonly props: GatewayVersionProps;
  private readonly functionVariables = new Map<string, string>();
  private readonly canaryVariables = new Map<string, string>();
  /** `<function ARN> <source ARN resource>` pairs already allowed. */
  private readonly invokePermissions = new Set<string>();

  constructor(scope: Construct, id: string, props: GatewayVersionProps) {
    super(scope, id);
    this.props = props;
    this.versionName = props.versionName;
    const options = props.options;
    this.executionLogLevel = options.executionLogLevel ?? 'OFF';
    const stageErrors = checkStages([
      { name: this.versionName, throttle: options.throttle, variables: { ...options.variables } },
    ]).filter((finding) => finding.level === 'error');
    if (stageErrors.length > 0) throw new Error(stageErrors.map((finding) => finding.message).join(' '));

    this.restApi = new CfnRestApi(this, 'RestApi', {
      name: this.title,
      ...(props.description === undefined ? {} : { description: props.description }),
      // Inline while small, else an S3 asset (docs/decisions/0006): decided at synth, when every route is known.
      ...attachDefinition(this),
      endpointConfiguration: { types: ['REGIONAL'] },
    });
    const { deployment } = hashedDeployment(this, 'Deployment', this.restApi, () => ({
      ...props.definition(),
      definition: {
        title: this.title,
        description: props.description,
        gatewayResponseHeaders: options.gatewayResponseHeaders && canonicalJson(options.gatewayResponseHeaders),
      },
    }));
    if (options.accessLog?.enabled !== false) {
      this.accessLog = new StageAccessLog(this, 'AccessLog', options.accessLog ?? {});
    }
    this.stage = new CfnStage(this, 'Stage', {
      restApiId: this.restApi.ref,
      stageName: this.versionName,
      deploymentId: deployment.ref,
      variables: Lazy.any({ produce: () => this.stageVariables() }),
      methodSettings: methodSettings(options),
      ...(this.accessLog === undefined ? {} : { accessLogSetting: this.accessLog.setting }),
      ...(options.canary === undefined ? {} : { canarySetting: this.canarySetting(options.canary, deployment.ref) }),
    });
    const stack = Stack.of(this);
    this.url = `https://${this.restApi.ref}.execute-api.${stack.region}.${stack.urlSuffix}/${this.versionName}/`;
  }

  /** `<restApiName>-<version>`: the REST API's name and its definition's title. */
  get title(): string {
    return `${this.props.restApiName}-${this.versionName}`;
  }

  /** The OpenAPI document in the REST API's `Body` (complete at synth time). */
  definition(): OpenApiDocument {
    return renderRestDefinition(this.props.definition().table, {
      title: this.title,
      description: this.props.description,
      version: this.versionName,
      partition: Stack.of(this).partition,
      region: Stack.of(this).region,
      gatewayResponseHeaders: this.props.options.gatewayResponseHeaders,
    });
  }

  /** Services whose function this version's routes call. */
  get services(): readonly string[] {
    return [...this.functionVariables.keys()];
  }

  /**
   * @internal Makes `service` callable in this version: its stage variable names the version's function
   * (or `handler`), and API Gateway may invoke it.
   */
  _bindService(service: string, handler: lambda.IFunction): void {
    if (this.functionVariables.has(service)) return;
    const variable = functionStageVariable(service);
    if (this.props.options.variables?.[variable] !== undefined) {
      throw new Error(
        `Version "${this.versionName}": stage variable "${variable}" is set in variables, but Portico uses it for the ` +
          `function of service "${service}". Rename the variable, or set the function with functions: { ${service}: fn }.`,
      );
    }
    const target = this.props.options.functions?.[service] ?? handler;
    this.functionVariables.set(service, target.functionArn);
    this.allowInvoke(`Invoke${pascal(service)}`, target, '*/*/*');
  }

  /** @internal Lets API Gateway invoke a Lambda authorizer of this version's API. */
  _bindAuthorizer(authorizer: AuthorizerDefinition): void {
    if (authorizer.handler === undefined) return;
    this.allowInvoke(`InvokeAuthorizer${pascal(authorizer.spec.name)}`, authorizer.handler, 'authorizers/*');
  }

  /** Services the version's `functions` or canary name that no route of the version calls. */
  get unusedFunctionServices(): readonly string[] {
    const named = [
      ...Object.keys(this.props.options.functions ?? {}),
      ...Object.keys(this.props.options.canary?.functions ?? {}),
    ];
    return [...new Set(named)].filter((service) => !this.functionVariables.has(service));
  }

  /**
   * One permission per function (or alias) per API, for every stage, method and path of the API
   * (`<api>/*\/*\/*`), instead of one per method: the permission count stays constant in the route count.
   */
  private allowInvoke(id: string, handler: lambda.IFunction, resourceName: string): void {
    const key = `${handler.functionArn} ${resourceName}`;
    if (this.invokePermissions.has(key)) return;
    this.invokePermissions.add(key);
    new lambda.CfnPermission(this, id, {
      action: 'lambda:InvokeFunction',
      functionName: handler.functionArn,
      principal: 'apigateway.amazonaws.com',
      sourceArn: Stack.of(this).formatArn({
        service: 'execute-api',
        resource: this.restApi.ref,
        resourceName,
        arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
      }),
    });
  }

  private stageVariables(): Record<string, string> | undefined {
    const variables: Record<string, string> = { ...this.props.options.variables };
    for (const service of [...this.functionVariables.keys()].sort()) {
      variables[functionStageVariable(service)] = this.functionVariables.get(service)!;
    }
    return Object.keys(variables).length === 0 ? undefined : variables;
  }

  private canarySetting(canary: CanaryOptions, deploymentId: string): CfnStage.CanarySettingProperty {
    if (!(canary.percentTraffic >= 0 && canary.percentTraffic <= 100)) {
      throw new Error(
        `Version "${this.versionName}": canary percentTraffic ${canary.percentTraffic} is outside 0.0 to 100.0; ` +
          'give the share of requests the canary serves, e.g. 10 for 10 %.',
      );
    }
    for (const [service, handler] of Object.entries(canary.functions ?? {})) {
      this.canaryVariables.set(functionStageVariable(service), handler.functionArn);
      this.allowInvoke(`InvokeCanary${pascal(service)}`, handler, '*/*/*');
    }
    return {
      // The canary serves the stage's own deployment; it differs by stage variables (e.g. another alias).
      deploymentId,
      percentTraffic: canary.percentTraffic,
      stageVariableOverrides: Lazy.any({
        produce: () => {
          const overrides = { ...canary.stageVariableOverrides, ...Object.fromEntries(this.canaryVariables) };
          return Object.keys(overrides).length === 0 ? undefined : overrides;
        },
      }),
    };
  }
}

function methodSettings(options: StageOptions): CfnStage.MethodSettingProperty[] | undefined {
  const { throttle, executionLogLevel, metricsEnabled } = options;
  if (throttle === undefined && executionLogLevel === undefined && metricsEnabled === undefined) return undefined;
  return [
    {
      resourcePath: '/*',
      httpMethod: '*',
      ...(throttle === undefined
        ? {}
        : { throttlingRateLimit: throttle.rateLimit, throttlingBurstLimit: throttle.burstLimit }),
      ...(executionLogLevel === undefined ? {} : { loggingLevel: executionLogLevel }),
      ...(metricsEnabled === undefined ? {} : { metricsEnabled }),
    },
  ];
}

function pascal(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9]/g, '');
  return cleaned.charAt(0).toUpperCase() + cleaned.slice(1);
}
