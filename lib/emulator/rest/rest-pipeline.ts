/**
 * The REST API wing's request path, top to bottom as AWS describes it: match stage → route → authorize →
 * API key and throttle → integrate → shape the response → access log. The front door (`../pipeline.ts`)
 * hands it every request that is not for an HTTP API. Everything that can be prepared once (routers, log
 * formats) is prepared in the constructor.
 */
import { randomFillSync, randomUUID } from 'node:crypto';
import { compileAccessLogFormat } from '../../core/access-log-render';
import { type Clock, systemClock } from '../../core/clock';
import { GatewayError } from '../../core/gateway-responses';
import { compileRestRouter, type RestRouter } from '../../core/rest-router';
import { CognitoKeys, type CognitoOptions } from '../authorization/cognito-pools';
import type { LambdaInvoker } from '../lambda/invoker';
import type { ApiModel, FunctionModel, GatewayModel, StageModel } from '../model';
import type { GatewayObserver } from '../observe/observer';
import { type GatewayRequest, type GatewayResponse, MAX_PAYLOAD_BYTES, type RequestContext } from '../request-context';
import { parseRequestTarget } from '../request-target';
import { headerValue, parseQueryString } from '../request-values';
import type { StageIndex } from '../stage-index';
import { accessLogVariables } from './access-log';
import { createAuthorizeStep } from './authorizers/authorize';
import { renderGatewayError } from './gateway-response';
import { integrateHttpProxy } from './integrations/http-proxy';
import { integrateLambdaProxy } from './integrations/lambda-proxy';
import { integrateMapped, type MappedIntegrationDeps } from './integrations/mapped-integration';
import { integrateMock } from './integrations/mock';
import { validateMethodRequest } from './request-validation';
import { createStageThrottleStep, createUsagePlanStep } from './usage-plans';

export { MAX_PAYLOAD_BYTES };
/** REST: all header values together at most 10,240 bytes (AWS docs: "Amazon API Gateway quotas"). */
export const MAX_HEADER_VALUE_BYTES = 10_240;

export interface RestPipelineOptions {
  readonly region: string;
  readonly accountId: string;
  readonly clock?: Clock;
  /** Source of randomness for canary traffic splitting, in [0, 1); seed it for reproducible tests. */
  readonly random?: () => number;
  /** Keys of Cognito user pools. @default - none: their tokens are refused */
  readonly cognito?: CognitoOptions;
  /** Where AWS service integrations are sent, SigV4-signed (`http://127.0.0.1:4566`); unset: not sent. */
  readonly awsEndpoint?: string;
  /** Receives the mapped request and response of non-proxy integrations, one line per hop (`--trace`). */
  readonly trace?: (line: string) => void;
  /** Shown the authorizer caches and usage-plan counters (the dashboard). @default - none */
  readonly observer?: GatewayObserver;
}

export interface RestPipelineResult {
  readonly response: GatewayResponse;
  /** The rendered access-log line, when the stage has access logging. */
  readonly accessLogLine?: string;
  readonly context: RequestContext;
}

interface CompiledApi {
  readonly router: RestRouter;
  readonly accessLogByStage: ReadonlyMap<string, (lookup: (name: string) => string | undefined) => string>;
}

export class RestPipeline {
  private readonly compiled = new Map<ApiModel, CompiledApi>();
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly authorize: ReturnType<typeof createAuthorizeStep>;
  private readonly checkUsagePlan: ReturnType<typeof createUsagePlanStep>;
  private readonly checkStageThrottle: ReturnType<typeof createStageThrottleStep>;

  constructor(
    private readonly model: GatewayModel,
    private readonly stages: StageIndex,
    private readonly invoker: LambdaInvoker,
    private readonly options: RestPipelineOptions,
  ) {
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    for (const api of model.apis) {
      const accessLogByStage = new Map<string, (lookup: (name: string) => string | undefined) => string>();
      for (const stage of api.stages) {
        if (stage.accessLog) accessLogByStage.set(stage.name, compileAccessLogFormat(stage.accessLog.format));
      }
      this.compiled.set(api, { router: compileRestRouter(api.table.routes), accessLogByStage });
    }
    this.authorize = createAuthorizeStep({
      invoker,
      clock: this.clock,
      region: options.region,
      accountId: options.accountId,
      cognito: new CognitoKeys(options.cognito),
      observer: options.observer,
    });
    this.checkUsagePlan = createUsagePlanStep(model, this.clock, options.observer);
    this.checkStageThrottle = createStageThrottleStep(this.clock);
  }

  async handle(request: GatewayRequest): Promise<RestPipelineResult> {
    const ctx = this.newContext(request);
    let response: GatewayResponse;
    try {
      response = await this.run(ctx);
    } catch (error) {
      const gatewayError = error instanceof GatewayError ? error : unexpected(error);
      ctx.error = gatewayError;
      response = renderGatewayError(gatewayError, ctx, ctx.api?.gatewayResponses ?? {});
    }
    response = withGatewayHeaders(response, ctx);
    ctx.response = response;
    ctx.responseLatency = Math.round(performance.now() - ctx.startedAt);
    return { response, accessLogLine: this.renderAccessLog(ctx, response), context: ctx };
  }

  private async run(ctx: RequestContext): Promise<GatewayResponse> {
    const { request } = ctx;
    if (request.body.length > MAX_PAYLOAD_BYTES) throw new GatewayError('REQUEST_TOO_LARGE');
    let headerBytes = 0;
    for (const [, value] of request.headers) headerBytes += Buffer.byteLength(value);
    if (headerBytes > MAX_HEADER_VALUE_BYTES)
      throw new GatewayError('REQUEST_TOO_LARGE', 'Request Header Fields Too Large');

    const target = parseRequestTarget(request.rawUrl);
    if (!target) throw new GatewayError('MISSING_AUTHENTICATION_TOKEN');
    const host = headerValue(request.headers, 'host');
    const stageTarget = this.stages.resolve(host, target.path);
    if (!stageTarget) throw new GatewayError('MISSING_AUTHENTICATION_TOKEN');
    const { api, stage } = stageTarget;
    ctx.api = api;
    ctx.stage = stage;
    ctx.path = stageTarget.path === '' ? '/' : stageTarget.path;
    ctx.basePathMatched = stageTarget.basePathMatched;
    if (stageTarget.domainName) ctx.domainName = stageTarget.domainName;
    ctx.query = parseQueryString(target.rawQuery);
    this.applyCanary(ctx, stage);

    const compiled = this.compiled.get(api)!;
    const match = compiled.router.match(request.method.toUpperCase(), ctx.path);
    if (!match) throw new GatewayError('MISSING_AUTHENTICATION_TOKEN');
    ctx.route = match.route;
    ctx.pathParameters = match.pathParameters;

    const { authorization, integration } = match.route;
    if (authorization.kind !== 'none') await this.authorize(ctx, authorization);
    this.checkUsagePlan(ctx);
    this.checkStageThrottle(ctx);
    if (match.route.requestValidation) validateMethodRequest(ctx, match.route.requestValidation);

    switch (integration.kind) {
      case 'aws':
        return integrateMapped(ctx, integration, this.mappedDeps(ctx));
      case 'lambda':
        if (integration.mapping)
          return integrateMapped(ctx, { ...integration, mapping: integration.mapping }, this.mappedDeps(ctx));
        return integrateLambdaProxy(ctx, integration.functionArn, integration.timeoutMs, {
          invoker: this.invoker,
          accountId: this.options.accountId,
          functionFor: (arn) => this.functionFor(arn),
        });
      case 'http':
        if (integration.mapping)
          return integrateMapped(ctx, { ...integration, mapping: integration.mapping }, this.mappedDeps(ctx));
        return integrateHttpProxy(ctx, integration, match.route.requestParameters, (name) =>
          accessLogVariables(ctx, this.logExtras(ctx, undefined))(name),
        );
      case 'mock':
        if (integration.mapping)
          return integrateMapped(ctx, { ...integration, mapping: integration.mapping }, this.mappedDeps(ctx));
        return integrateMock(ctx, integration);
      case 'unsupported':
        ctx.integration = { latency: 0, error: integration.reason };
        throw new GatewayError('API_CONFIGURATION_ERROR');
    }
  }

  private mappedDeps(ctx: RequestContext): MappedIntegrationDeps {
    return {
      invoker: this.invoker,
      functionFor: (arn) => this.functionFor(arn),
      contextLookup: (name) => accessLogVariables(ctx, this.logExtras(ctx, undefined))(name),
      region: this.options.region,
      awsEndpoint: this.options.awsEndpoint,
      trace: this.options.trace,
    };
  }

  private applyCanary(ctx: RequestContext, stage: StageModel): void {
    ctx.stageVariables = stage.variables;
    const canary = stage.canary;
    if (!canary || canary.percentTraffic <= 0) return;
    if (this.random() * 100 < canary.percentTraffic) {
      ctx.isCanaryRequest = true;
      ctx.stageVariables = { ...stage.variables, ...canary.stageVariableOverrides };
    }
  }

  private functionFor(arn: string): FunctionModel | undefined {
    return this.model.functions.get(arn.split(':').slice(0, 7).join(':'));
  }

  private renderAccessLog(ctx: RequestContext, response: GatewayResponse): string | undefined {
    if (!ctx.api || !ctx.stage) return undefined;
    const render = this.compiled.get(ctx.api)?.accessLogByStage.get(ctx.stage.name);
    return render?.(accessLogVariables(ctx, this.logExtras(ctx, response)));
  }

  private logExtras(ctx: RequestContext, response: GatewayResponse | undefined) {
    return {
      accountId: this.options.accountId,
      status: response?.statusCode ?? 0,
      responseLength: response?.body.length ?? 0,
      responseLatency: ctx.responseLatency ?? Math.round(performance.now() - ctx.startedAt),
    };
  }

  /** A fresh request context, as the REST wing records it (also used for management calls). */
  newContext(request: GatewayRequest): RequestContext {
    return {
      request,
      requestId: randomUUID(),
      extendedRequestId: newExtendedRequestId(),
      requestTimeEpoch: this.clock.now(),
      startedAt: performance.now(),
      domainName: headerValue(request.headers, 'host')?.replace(/:\d+$/, '') ?? 'localhost',
      stageVariables: {},
      isCanaryRequest: false,
      path: '/',
      query: [],
      pathParameters: {},
    };
  }
}

/** 11 random bytes per id, drawn from a pool refilled every 512 ids rather than one system call per request. */
const idEntropy = Buffer.alloc(11 * 512);
let idEntropyOffset = idEntropy.length;

/** `$context.extendedRequestId`: 15 base64 characters and `=`, like API Gateway's. */
function newExtendedRequestId(): string {
  if (idEntropyOffset + 11 > idEntropy.length) {
    randomFillSync(idEntropy);
    idEntropyOffset = 0;
  }
  const id = idEntropy.toString('base64', idEntropyOffset, idEntropyOffset + 11);
  idEntropyOffset += 11;
  return `${id.slice(0, 15)}=`;
}

/** A defect in the emulator itself must never take the server down: answer as AWS does for internal faults. */
function unexpected(error: unknown): GatewayError {
  process.emitWarning(
    `portico: internal error while handling a request: ${error instanceof Error ? error.stack : error}`,
  );
  return new GatewayError('API_CONFIGURATION_ERROR');
}

/** Headers API Gateway adds to every answer (AWS docs: "Lambda proxy integrations in API Gateway"). */
function withGatewayHeaders(response: GatewayResponse, ctx: RequestContext): GatewayResponse {
  const has = (name: string) => headerValue(response.headers, name) !== undefined;
  const added: [string, string][] = [];
  if (!has('x-amzn-requestid')) added.push(['x-amzn-RequestId', ctx.requestId]);
  if (!has('x-amz-apigw-id')) added.push(['x-amz-apigw-id', ctx.extendedRequestId]);
  if (!has('x-amzn-trace-id'))
    added.push(['X-Amzn-Trace-Id', `Root=1-${traceEpoch(ctx)}-${ctx.requestId.replace(/-/g, '').slice(0, 24)}`]);
  return added.length === 0 ? response : { ...response, headers: [...response.headers, ...added] };
}

function traceEpoch(ctx: RequestContext): string {
  return Math.floor(ctx.requestTimeEpoch / 1000).toString(16);
}
