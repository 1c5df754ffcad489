/**
 * Usage plans, API keys and stages as the user declares them, before any CDK: the inputs of the
 * synth-time checks in `checks/` (AWS docs: "Usage plans and API keys for REST APIs"; "Set up stages for REST APIs"). Pure data.
 */
import type { QuotaSettings, ThrottleSettings } from './throttle-settings';

export interface UsagePlanSpec {
  readonly name: string;
  /** Per-API-key throttle across the plan's stages. */
  readonly throttle?: ThrottleSettings;
  readonly quota?: QuotaSettings;
  /**
   * Per-method overrides, keyed by route key (`"GET /users/{id}"`); API Gateway stores them as
   * `/users/{id}/GET` under each of the plan's API stages.
   */
  readonly methodThrottles: Readonly<Record<string, ThrottleSettings>>;
}

export interface ApiKeySpec {
  readonly name: string;
  /** The key itself; when left out API Gateway generates one (and no value is written into the template). */
  readonly value?: string;
  /** Name of the usage plan the key belongs to. */
  readonly plan: string;
}

export interface StageSpec {
  readonly name: string;
  /** Stage-wide default method throttle (`MethodSettings` `*` / `*`). */
  readonly throttle?: ThrottleSettings;
  readonly variables: Readonly<Record<string, string>>;
}

/** API key value length bounds (AWS docs: "Usage plans and API keys for REST APIs"). */
export const MIN_API_KEY_VALUE_LENGTH = 20;
export const MAX_API_KEY_VALUE_LENGTH = 128;
/** Method-level throttle settings per stage in one usage plan (AWS docs: "Amazon API Gateway quotas"). */
export const MAX_METHOD_THROTTLES_PER_STAGE = 20;
/** Stages per API (AWS docs: "Amazon API Gateway quotas"). */
export const MAX_STAGES_PER_API = 10;
/** Stage name bounds (AWS docs: "Set up stages for REST APIs"; "Amazon API Gateway quotas"). */
export const MAX_STAGE_NAME_LENGTH = 128;
/** Stage variable bounds (AWS docs: "Stage variables for REST APIs"; "Amazon API Gateway quotas"). */
export const MAX_STAGE_VARIABLES = 100;
export const MAX_STAGE_VARIABLE_NAME_LENGTH = 64;
export const MAX_STAGE_VARIABLE_VALUE_LENGTH = 512;
