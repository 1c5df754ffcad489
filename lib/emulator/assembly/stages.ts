/**
 * Stages (AWS docs: "Set up stages for REST APIs"): `AWS::ApiGateway::Stage` resources, and the legacy form where a
 * `Deployment` names its stage (`StageName` + `StageDescription`). A Stage resource wins over a
 * deployment-declared stage of the same name.
 */
import type { ThrottleSettings } from '../../core/throttle-settings';
import type { MethodSetting, StageModel } from '../model';
import type { LoadContext, ResourceEntry } from './load-context';
import { asArray, asNumber, asRecord, asString, asStringRecord, type JsonRecord } from './template-values';

export function loadStages(context: LoadContext): void {
  const deployments = context.entries('AWS::ApiGateway::Deployment');
  for (const entry of deployments) {
    const stageName = asString(entry.prop('StageName'));
    const api = context.api(entry.prop('RestApiId'));
    if (!stageName || !api) continue;
    const description = asRecord(entry.prop('StageDescription')) ?? {};
    const report = (reason: string) => context.unsupported(entry.path, reason);
    const stage = stageModel(stageName, deploymentId(entry), description, report, stageWideThrottle(description));
    api.stages.set(stageName, stage);
  }
  for (const entry of context.entries('AWS::ApiGateway::Stage')) {
    const api = context.api(entry.prop('RestApiId'));
    const name = asString(entry.prop('StageName'));
    if (!api || !name) {
      context.unsupported(
        entry.path,
        api ? 'the stage has no StageName' : 'the stage belongs to a REST API that is not in this assembly',
      );
      continue;
    }
    const properties: JsonRecord = {
      Variables: entry.prop('Variables'),
      AccessLogSetting: entry.prop('AccessLogSetting'),
      MethodSettings: entry.prop('MethodSettings'),
      CanarySetting: entry.prop('CanarySetting'),
    };
    const report = (reason: string) => context.unsupported(entry.path, reason);
    api.stages.set(name, stageModel(name, asString(entry.prop('DeploymentId')) ?? '', properties, report));
  }
  // A deployment with DeploymentCanarySettings opens a canary on the stage it names.
  for (const entry of deployments) {
    const canary = asRecord(entry.prop('DeploymentCanarySettings'));
    const stageName = asString(entry.prop('StageName'));
    const api = context.api(entry.prop('RestApiId'));
    const stage = stageName ? api?.stages.get(stageName) : undefined;
    if (canary && stage && api && !stage.canary)
      api.stages.set(stage.name, { ...stage, canary: canarySettings(canary) });
  }
}

function deploymentId(entry: ResourceEntry): string {
  return String(entry.scope.resolve({ Ref: entry.logicalId }));
}

/** `StageDescription.ThrottlingRateLimit/BurstLimit` apply to every method: the `*` / `*` setting. */
function stageWideThrottle(description: JsonRecord): MethodSetting | undefined {
  const throttle = throttleFrom(description.ThrottlingRateLimit, description.ThrottlingBurstLimit);
  return throttle ? { resourcePath: '*', httpMethod: '*', throttle } : undefined;
}

function stageModel(
  name: string,
  deployment: string,
  properties: JsonRecord,
  report: (reason: string) => void,
  stageWide?: MethodSetting,
): StageModel {
  const methodSettings = asArray(properties.MethodSettings).flatMap(
    (item) => methodSetting(asRecord(item) ?? {}) ?? [],
  );
  const accessLog = asRecord(properties.AccessLogSetting);
  const destinationArn = asString(accessLog?.DestinationArn);
  const format = asString(accessLog?.Format);
  if (accessLog && !(destinationArn && format)) {
    report('AccessLogSetting needs both DestinationArn and Format; no access log is written');
  }
  const canary = asRecord(properties.CanarySetting);
  return {
    name,
    variables: asStringRecord(properties.Variables),
    deploymentId: deployment,
    ...(destinationArn && format ? { accessLog: { format, destinationArn } } : {}),
    methodSettings: stageWide ? [stageWide, ...methodSettings] : methodSettings,
    ...(canary ? { canary: canarySettings(canary) } : {}),
  };
}

function canarySettings(canary: JsonRecord): NonNullable<StageModel['canary']> {
  return {
    percentTraffic: asNumber(canary.PercentTraffic) ?? 0,
    stageVariableOverrides: asStringRecord(canary.StageVariableOverrides),
  };
}

/** Settings that carry no throttle (logging, caching) do not matter to the emulator and are left out. */
function methodSetting(setting: JsonRecord): MethodSetting | undefined {
  const throttle = throttleFrom(setting.ThrottlingRateLimit, setting.ThrottlingBurstLimit);
  if (!throttle) return undefined;
  return {
    resourcePath: normalizeResourcePath(asString(setting.ResourcePath) ?? '/*'),
    httpMethod: (asString(setting.HttpMethod) ?? '*').toUpperCase(),
    throttle,
  };
}

/**
 * CloudFormation writes a method setting's path as a JSON Pointer: `/~1users~1{id}` is `/users/{id}`,
 * `/*` is every resource, `/` the root.
 */
export function normalizeResourcePath(raw: string): string {
  if (raw === '/*' || raw === '*') return '*';
  if (raw.startsWith('/~1')) return raw.slice(1).replace(/~1/g, '/').replace(/~0/g, '~');
  return raw;
}

export function throttleFrom(rateLimit: unknown, burstLimit: unknown): Partial<ThrottleSettings> | undefined {
  const rate = asNumber(rateLimit);
  const burst = asNumber(burstLimit);
  if (rate === undefined && burst === undefined) return undefined;
  return { ...(rate !== undefined ? { rateLimit: rate } : {}), ...(burst !== undefined ? { burstLimit: burst } : {}) };
}
