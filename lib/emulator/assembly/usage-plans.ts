/**
 * Usage plans and API keys (AWS docs: "Usage plans and API keys for REST APIs"): `AWS::ApiGateway::UsagePlan`, `ApiKey` and the
 * `UsagePlanKey`s that put keys into plans.
 */
import {
  QUOTA_PERIODS,
  type QuotaPeriod,
  type QuotaSettings,
  type ThrottleSettings,
} from '../../core/throttle-settings';
import type { ApiKeyModel, UsagePlanApiStage, UsagePlanModel } from '../model';
import type { LoadContext, ResourceEntry } from './load-context';
import { generatedApiKeyValue } from './local-ids';
import { throttleFrom } from './stages';
import { asArray, asBoolean, asNumber, asRecord, asString } from './template-values';

export interface UsagePlansAndKeys {
  readonly usagePlans: UsagePlanModel[];
  readonly apiKeys: ApiKeyModel[];
}

export function loadUsagePlans(context: LoadContext): UsagePlansAndKeys {
  const keyIds = planKeyIds(context);
  const usagePlans = context.entries('AWS::ApiGateway::UsagePlan').map((entry) => usagePlan(entry, keyIds, context));
  const apiKeys = context.entries('AWS::ApiGateway::ApiKey').map((entry) => apiKey(entry, context));
  return { usagePlans, apiKeys };
}

function usagePlan(
  entry: ResourceEntry,
  keyIds: ReadonlyMap<ResourceEntry, string[]>,
  context: LoadContext,
): UsagePlanModel {
  const apiStages: UsagePlanApiStage[] = [];
  for (const item of asArray(entry.prop('ApiStages'))) {
    const apiStage = asRecord(item) ?? {};
    const api = context.api(apiStage.ApiId);
    const stage = asString(apiStage.Stage);
    if (!api || !stage) {
      context.unsupported(
        entry.path,
        `an API stage (${String(apiStage.ApiId)}, ${String(apiStage.Stage)}) is not a REST API stage of this assembly`,
      );
      continue;
    }
    const throttle: Record<string, Partial<ThrottleSettings>> = {};
    for (const [methodKey, value] of Object.entries(asRecord(apiStage.Throttle) ?? {})) {
      const limits = throttleFrom(asRecord(value)?.RateLimit, asRecord(value)?.BurstLimit);
      if (limits) throttle[methodKey] = limits;
    }
    apiStages.push({ apiLogicalId: api.modelId, stage, throttle });
  }
  const limits = asRecord(entry.prop('Throttle'));
  const throttle = limits ? throttleFrom(limits.RateLimit, limits.BurstLimit) : undefined;
  const quota = quotaSettings(asRecord(entry.prop('Quota')), (reason) => context.unsupported(entry.path, reason));
  return {
    logicalId: context.modelId(entry),
    name: asString(entry.prop('UsagePlanName')) ?? entry.logicalId,
    apiStages,
    ...(throttle ? { throttle } : {}),
    ...(quota ? { quota } : {}),
    apiKeyIds: keyIds.get(entry) ?? [],
  };
}

function quotaSettings(
  quota: Record<string, unknown> | undefined,
  report: (reason: string) => void,
): QuotaSettings | undefined {
  if (!quota) return undefined;
  const limit = asNumber(quota.Limit);
  const period = asString(quota.Period)?.toUpperCase();
  if (limit === undefined || !QUOTA_PERIODS.includes(period as QuotaPeriod)) {
    report(`Quota needs a Limit and a Period of ${QUOTA_PERIODS.join(', ')}; the plan has no quota locally`);
    return undefined;
  }
  const offset = asNumber(quota.Offset);
  return { limit, period: period as QuotaPeriod, ...(offset !== undefined ? { offset } : {}) };
}

/** Model ids of the keys each plan holds, from the `UsagePlanKey` links. */
function planKeyIds(context: LoadContext): Map<ResourceEntry, string[]> {
  const keysByPlan = new Map<ResourceEntry, string[]>();
  for (const entry of context.entries('AWS::ApiGateway::UsagePlanKey')) {
    const plan = context.lookup(entry.prop('UsagePlanId'));
    const key = context.lookup(entry.prop('KeyId'));
    if (plan?.type !== 'AWS::ApiGateway::UsagePlan' || key?.type !== 'AWS::ApiGateway::ApiKey') {
      context.unsupported(entry.path, 'the usage plan key links a plan or key that is not in this assembly');
      continue;
    }
    const keys = keysByPlan.get(plan) ?? [];
    keys.push(context.modelId(key));
    keysByPlan.set(plan, keys);
  }
  return keysByPlan;
}

/** A key without a `Value` gets one from the options (by name or logical id), else a stable generated one. */
function apiKey(entry: ResourceEntry, context: LoadContext): ApiKeyModel {
  const name = asString(entry.prop('Name')) ?? entry.logicalId;
  const enabled = asBoolean(entry.prop('Enabled')) ?? true;
  const logicalId = context.modelId(entry);
  const value = asString(entry.prop('Value'));
  if (value !== undefined) return { logicalId, name, value, generated: false, enabled };
  const supplied = context.options.apiKeyValues?.[name] ?? context.options.apiKeyValues?.[entry.logicalId];
  if (supplied !== undefined) return { logicalId, name, value: supplied, generated: false, enabled };
  return {
    logicalId,
    name,
    value: generatedApiKeyValue(entry.logicalId, entry.scope.stackName),
    generated: true,
    enabled,
  };
}
