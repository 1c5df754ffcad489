/**
 * One version of an HTTP-flavor gateway = one stage of its HTTP API (docs/decisions/0009): `$default` is
 * served at the URL root, other stages under `/<name>/` (AWS docs: "Stages for HTTP APIs"). The stage holds the version's
 * throttles (default and per route), stage variables (which function serves each service), access log and
 * metrics, and deploys every change of the API by itself (`AutoDeploy`).
 */
import { Lazy, Stack } from 'aws-cdk-lib';
import { CfnStage } from 'aws-cdk-lib/aws-apigatewayv2';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import type { ThrottleSettings } from '../../core/throttle-settings';
import { StageAccessLog } from '../access-log';
import { functionStageVariable, type VersionOptions } from '../versions';

/**
 * The default access log of HTTP stages: AWS's HTTP JSON fields plus where time went and why a request
 * failed, all HTTP API `$context` variables (DG:http-api-logging-variables), every value quoted.
 */
export const HTTP_ACCESS_LOG_FORMAT = `{${[
  ['requestId', 'requestId'],
  ['ip', 'identity.sourceIp'],
  ['requestTime', 'requestTime'],
  ['httpMethod', 'httpMethod'],
  ['routeKey', 'routeKey'],
  ['path', 'path'],
  ['stage', 'stage'],
  ['status', 'status'],
  ['protocol', 'protocol'],
  ['responseLength', 'responseLength'],
  ['responseLatency', 'responseLatency'],
  ['authorizerError', 'authorizer.error'],
  ['errorMessage', 'error.message'],
  ['integrationStatus', 'integrationStatus'],
  ['integrationLatency', 'integrationLatency'],
  ['integrationError', 'integrationErrorMessage'],
]
  .map(([field, variable]) => `"${field}":"$context.${variable}"`)
  .join(',')}}`;

/** @internal */
export interface HttpGatewayStageProps {
  readonly stageName: string;
  readonly apiId: string;
  readonly options: VersionOptions;
  /** Per-route throttles for every stage, keyed by route key (complete at synth time). */
  readonly routeThrottles: () => Readonly<Record<string, ThrottleSettings>>;
}

export class HttpGatewayStage extends Construct {
  readonly stageName: string;
  readonly stage: CfnStage;
  readonly accessLog?: StageAccessLog;
  /** `https://<api-id>.execute-api.<region>.<suffix>/` for `$default`, else `.../<stage>/`. */
  readonly url: string;

  private readonly options: VersionOptions;
  private readonly functionVariables = new Map<string, string>();

  constructor(scope: Construct, id: string, props: HttpGatewayStageProps) {
    super(scope, id);
    this.stageName = props.stageName;
    this.options = props.options;
    if (props.options.accessLog?.enabled !== false) {
      this.accessLog = new StageAccessLog(this, 'AccessLog', {
        ...props.options.accessLog,
        format: props.options.accessLog?.format ?? HTTP_ACCESS_LOG_FORMAT,
      });
    }
    const { throttle, metricsEnabled } = props.options;
    this.stage = new CfnStage(this, 'Resource', {
      apiId: props.apiId,
      stageName: this.stageName,
      // Every change of the API's Body is deployed to the stage; there is no Deployment resource to hash.
      autoDeploy: true,
      ...(throttle === undefined && metricsEnabled === undefined
        ? {}
        : {
            defaultRouteSettings: {
              ...(throttle === undefined
                ? {}
                : { throttlingRateLimit: throttle.rateLimit, throttlingBurstLimit: throttle.burstLimit }),
              ...(metricsEnabled === undefined ? {} : { detailedMetricsEnabled: metricsEnabled }),
            },
          }),
      routeSettings: Lazy.any({ produce: () => routeSettings(props.routeThrottles()) }),
      stageVariables: Lazy.any({ produce: () => this.stageVariables() }),
      ...(this.accessLog === undefined ? {} : { accessLogSettings: this.accessLog.setting }),
    });
    const stack = Stack.of(this);
    const base = `https://${props.apiId}.execute-api.${stack.region}.${stack.urlSuffix}/`;
    this.url = this.stageName === '$default' ? base : `${base}${this.stageName}/`;
  }

  /** Services whose function this stage's routes call. */
  get services(): readonly string[] {
    return [...this.functionVariables.keys()];
  }

  /** Services the version's `functions` names that no route calls. */
  get unusedFunctionServices(): readonly string[] {
    return Object.keys(this.options.functions ?? {}).filter((service) => !this.functionVariables.has(service));
  }

  /**
   * @internal Points the service's stage variable at this version's function (or `handler`) and returns
   * that function, which API Gateway must be allowed to invoke.
   */
  _bindService(service: string, handler: lambda.IFunction): lambda.IFunction {
    const variable = functionStageVariable(service);
    if (this.options.variables?.[variable] !== undefined) {
      throw new Error(
        `Version "${this.stageName}": stage variable "${variable}" is set in variables, but Portico uses it for the ` +
          `function of service "${service}". Rename the variable, or set the function with functions: { ${service}: fn }.`,
      );
    }
    const target = this.options.functions?.[service] ?? handler;
    this.functionVariables.set(service, target.functionArn);
    return target;
  }

  private stageVariables(): Record<string, string> | undefined {
    const variables: Record<string, string> = { ...this.options.variables };
    for (const service of [...this.functionVariables.keys()].sort()) {
      variables[functionStageVariable(service)] = this.functionVariables.get(service)!;
    }
    return Object.keys(variables).length === 0 ? undefined : variables;
  }
}

function routeSettings(throttles: Readonly<Record<string, ThrottleSettings>>): Record<string, unknown> | undefined {
  const keys = Object.keys(throttles).sort();
  if (keys.length === 0) return undefined;
  return Object.fromEntries(
    keys.map((key) => [
      key,
      { ThrottlingRateLimit: throttles[key].rateLimit, ThrottlingBurstLimit: throttles[key].burstLimit },
    ]),
  );
}
