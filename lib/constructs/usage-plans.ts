/**
 * Usage plans (tiers such as free and pro) and the consumers whose API keys belong to them
 * (AWS docs: "Usage plans and API keys for REST APIs"). L1 resources with ids derived from names only, so that keys are added to a plan
 * exactly once and logical ids do not depend on declaration order (unlike `UsagePlan.addApiKey`).
 */
import { Lazy } from 'aws-cdk-lib';
import { CfnApiKey, CfnUsagePlan, CfnUsagePlanKey } from 'aws-cdk-lib/aws-apigateway';
import { Construct } from 'constructs';
import { parseRouteKey, type RouteKey, RouteKeyError } from '../core/route-key';
import type { QuotaSettings, ThrottleSettings } from '../core/throttle-settings';
import type { ApiKeySpec, UsagePlanSpec } from '../core/usage-plan-spec';

export interface UsagePlanOptions {
  /**
   * Per-API-key throttle across every version's stage.
   * @default - no per-key throttle (stage and account limits still apply)
   */
  readonly throttle?: ThrottleSettings;
  /**
   * Requests per API key per day, week or month.
   * @default - no quota
   */
  readonly quota?: QuotaSettings;
  /**
   * Per-route throttles by route key (`'POST /orders'`), applied in every version that has the route.
   * @default - none
   */
  readonly methodThrottles?: Record<string, ThrottleSettings>;
  /**
   * Description of the usage plan.
   * @default - none
   */
  readonly description?: string;
}

export interface ConsumerOptions {
  /** Name of the usage plan (tier) the consumer's API key belongs to. */
  readonly plan: string;
  /**
   * The API key value (20 to 128 characters). It is written into the template in clear text.
   * @default - API Gateway generates the value; read it with `aws apigateway get-api-key --include-value`
   */
  readonly value?: string;
  /**
   * Whether the key is accepted.
   * @default true
   */
  readonly enabled?: boolean;
  /**
   * Description of the API key.
   * @default - none
   */
  readonly description?: string;
}

/** One API stage a usage plan covers, with the routes that stage serves. */
export interface PlanApiStage {
  readonly apiId: string;
  readonly stage: string;
  readonly routeKeys: ReadonlySet<string>;
}

export interface GatewayUsagePlanProps {
  readonly planName: string;
  readonly options: UsagePlanOptions;
  /** Every version's API stage, complete at synth time. */
  readonly apiStages: () => readonly PlanApiStage[];
}

export class GatewayUsagePlan extends Construct {
  readonly usagePlan: CfnUsagePlan;
  readonly spec: UsagePlanSpec;

  constructor(scope: Construct, id: string, props: GatewayUsagePlanProps) {
    super(scope, id);
    const { throttle, quota, methodThrottles = {}, description } = props.options;
    this.spec = { name: props.planName, throttle, quota, methodThrottles: { ...methodThrottles } };
    this.usagePlan = new CfnUsagePlan(this, 'Resource', {
      usagePlanName: props.planName,
      ...(description === undefined ? {} : { description }),
      ...(throttle === undefined
        ? {}
        : { throttle: { rateLimit: throttle.rateLimit, burstLimit: throttle.burstLimit } }),
      ...(quota === undefined
        ? {}
        : {
            quota: {
              limit: quota.limit,
              period: quota.period,
              ...(quota.offset === undefined ? {} : { offset: quota.offset }),
            },
          }),
      apiStages: Lazy.any({ produce: () => props.apiStages().map((apiStage) => this.renderApiStage(apiStage)) }),
    });
  }

  private renderApiStage(apiStage: PlanApiStage): CfnUsagePlan.ApiStageProperty {
    const throttle: Record<string, CfnUsagePlan.ThrottleSettingsProperty> = {};
    for (const [routeKey, settings] of Object.entries(this.spec.methodThrottles).sort(([a], [b]) => (a < b ? -1 : 1))) {
      const key = tryParse(routeKey);
      // A throttle for a route this version does not serve is left out; unknown routes are a check error.
      if (key === undefined || !apiStage.routeKeys.has(`${key.method} ${key.path}`)) continue;
      throttle[methodThrottleKey(key)] = { rateLimit: settings.rateLimit, burstLimit: settings.burstLimit };
    }
    return {
      apiId: apiStage.apiId,
      stage: apiStage.stage,
      ...(Object.keys(throttle).length === 0 ? {} : { throttle }),
    };
  }
}

/** API Gateway keys a method throttle `"/path/METHOD"`; the root resource gives `"//GET"` (AWS docs: "Throttle requests to your REST APIs"). */
export function methodThrottleKey(key: Pick<RouteKey, 'method' | 'path'>): string {
  return `${key.path}/${key.method}`;
}

export interface GatewayConsumerProps {
  readonly consumerName: string;
  readonly options: ConsumerOptions;
  readonly usagePlan: CfnUsagePlan;
}

/** A consumer's API key and its single membership in a usage plan. */
export class GatewayConsumer extends Construct {
  readonly apiKey: CfnApiKey;
  readonly usagePlanKey: CfnUsagePlanKey;
  readonly spec: ApiKeySpec;

  constructor(scope: Construct, id: string, props: GatewayConsumerProps) {
    super(scope, id);
    const { plan, value, enabled = true, description } = props.options;
    this.spec = { name: props.consumerName, plan, ...(value === undefined ? {} : { value }) };
    this.apiKey = new CfnApiKey(this, 'ApiKey', {
      name: props.consumerName,
      enabled,
      ...(description === undefined ? {} : { description }),
      // Without a value API Gateway generates one, and no secret lands in the template (DESIGN principle 3).
      ...(value === undefined ? {} : { value }),
    });
    this.usagePlanKey = new CfnUsagePlanKey(this, 'UsagePlanKey', {
      keyId: this.apiKey.ref,
      keyType: 'API_KEY',
      usagePlanId: props.usagePlan.ref,
    });
  }
}

function tryParse(routeKey: string): RouteKey | undefined {
  try {
    return parseRouteKey(routeKey);
  } catch (error) {
    if (error instanceof RouteKeyError) return undefined;
    throw error;
  }
}
