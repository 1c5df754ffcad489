/** Hand-built HTTP API models and a scripted Lambda invoker, for tests of the HTTP API pipeline. */
import { ManualClock } from '../../../lib/core/clock';
import {
  type HttpAuthorizerSpec,
  type HttpIntegrationSpec,
  type HttpRouteSpec,
  parseHttpRouteKey,
} from '../../../lib/core/http-route-table';
import type { AuthorizationSpec } from '../../../lib/core/route-table';
import type { InvokeOptions, InvokeResult, LambdaInvoker } from '../../../lib/emulator/lambda/invoker';
import type { GatewayModel, HttpApiModel, HttpStageModel } from '../../../lib/emulator/model';
import { GatewayPipeline, type PipelineResult } from '../../../lib/emulator/pipeline';
import type { GatewayRequest } from '../../../lib/emulator/request-context';
import { gatewayModel } from '../../support/model-builder';

export const REGION = 'eu-west-1';
export const ACCOUNT = '123456789012';
export const fnArn = (name: string): string => `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${name}`;

export function lambdaIntegration(name = 'handler', payloadFormatVersion: '1.0' | '2.0' = '2.0'): HttpIntegrationSpec {
  return { kind: 'lambda', functionArn: fnArn(name), payloadFormatVersion, timeoutMs: 30_000 };
}

export function httpRoute(
  key: string,
  overrides: { authorization?: AuthorizationSpec; integration?: HttpIntegrationSpec } = {},
): HttpRouteSpec {
  return {
    key: parseHttpRouteKey(key),
    authorization: overrides.authorization ?? { kind: 'none' },
    integration: overrides.integration ?? lambdaIntegration(),
  };
}

export function httpStage(name: string, overrides: Partial<HttpStageModel> = {}): HttpStageModel {
  return { name, variables: {}, routeThrottles: {}, ...overrides };
}

export function httpApi(
  logicalId: string,
  routes: HttpRouteSpec[],
  stages: HttpStageModel[] = [httpStage('$default')],
  authorizers: HttpAuthorizerSpec[] = [],
): HttpApiModel {
  return {
    stackName: 'TestStack',
    logicalId,
    apiId: logicalId.toLowerCase().slice(0, 10).padEnd(10, '0'),
    name: logicalId,
    table: { routes, authorizers },
    stages,
  };
}

export function httpModel(apis: HttpApiModel[], overrides: Partial<GatewayModel> = {}): GatewayModel {
  return gatewayModel([], { httpApis: apis, ...overrides });
}

type Script = (event: Record<string, unknown>) => unknown;

/** Answers each function ARN with a script's value; an `InvokeResult` is returned as is. */
export class ScriptedInvoker implements LambdaInvoker {
  readonly calls: { functionArn: string; event: Record<string, unknown>; options?: InvokeOptions }[] = [];

  constructor(private readonly scripts: Readonly<Record<string, Script>>) {}

  async invoke(functionArn: string, event: unknown, options?: InvokeOptions): Promise<InvokeResult> {
    const record = event as Record<string, unknown>;
    this.calls.push({ functionArn, event: record, options });
    const name = functionArn.split(':')[6];
    const script = this.scripts[name];
    if (!script) return { kind: 'unavailable', reason: `no function ${name}`, requestId: 'r-0' };
    const value = script(record);
    if (isInvokeResult(value)) return value;
    return {
      kind: 'ok',
      payload: JSON.parse(JSON.stringify(value ?? null)),
      durationMs: 3,
      requestId: `r-${this.calls.length}`,
    };
  }

  callsTo(name: string) {
    return this.calls.filter((call) => call.functionArn === fnArn(name));
  }

  async close(): Promise<void> {}
}

function isInvokeResult(value: unknown): value is InvokeResult {
  return typeof value === 'object' && value !== null && '__invokeResult' in value;
}

/** A scripted failure: `fail('Unauthorized')` is what a handler throwing `new Error('Unauthorized')` gives. */
export function fail(errorMessage: string): InvokeResult & { __invokeResult: true } {
  return { __invokeResult: true, kind: 'error', errorType: 'Error', errorMessage, durationMs: 2, requestId: 'r-err' };
}

export function timedOut(): InvokeResult & { __invokeResult: true } {
  return { __invokeResult: true, kind: 'timeout', durationMs: 30_000, requestId: 'r-timeout' };
}

export interface Sent {
  readonly method?: string;
  readonly headers?: readonly (readonly [string, string])[];
  readonly body?: string;
  readonly host?: string;
}

export function request(rawUrl: string, sent: Sent = {}): GatewayRequest {
  return {
    method: sent.method ?? 'GET',
    rawUrl,
    headers: [['Host', sent.host ?? 'localhost:3000'], ...(sent.headers ?? [])],
    body: Buffer.from(sent.body ?? ''),
    sourceIp: '203.0.113.7',
    protocol: 'HTTP/1.1',
  };
}

export function pipelineFor(
  model: GatewayModel,
  invoker: LambdaInvoker,
  options: { clock?: ManualClock; jwks?: Record<string, string> } = {},
) {
  // The instant of the real captures in fixtures/ (17/Jun/2024:15:52:39.080 UTC).
  const clock = options.clock ?? new ManualClock(1718639559080);
  const pipeline = new GatewayPipeline(model, invoker, {
    region: REGION,
    accountId: ACCOUNT,
    clock,
    jwks: options.jwks,
  });
  const send = (rawUrl: string, sent?: Sent): Promise<PipelineResult> => pipeline.handle(request(rawUrl, sent));
  return { pipeline, clock, send };
}

export const bodyOf = (result: PipelineResult): unknown => JSON.parse(result.response.body.toString('utf8'));

export const headerOf = (result: PipelineResult, name: string): string | undefined =>
  result.response.headers.find(([key]) => key.toLowerCase() === name)?.[1];
