/**
 * The HTTP API (v2) request path, top to bottom: stage → route (AWS docs: "Create routes for HTTP APIs") → authorize (AWS docs: "Control access to HTTP APIs with AWS Lambda authorizers") →
 * route throttle (AWS docs: "Throttle requests to your HTTP APIs") → integrate (AWS docs: "Create AWS Lambda proxy integrations for HTTP APIs") → response → access log (AWS docs: "Customize HTTP API access logs"). `GatewayPipeline` hands a
 * request here when its Host and path resolve to an HTTP API (`StageIndex.resolveHttp`). Routers and log
 * formats are compiled in the constructor.
 */
import { randomBytes } from 'node:crypto';
import { type AccessLogRenderer, compileAccessLogFormat } from '../../core/access-log-render';
import { type Clock, systemClock } from '../../core/clock';
import { GatewayError } from '../../core/gateway-responses';
import { httpRouteKeyName } from '../../core/http-route-table';
import type { LambdaInvoker } from '../lambda/invoker';
import type { FunctionModel, GatewayModel, HttpApiModel } from '../model';
import type { GatewayObserver } from '../observe/observer';
import type { GatewayRequest, GatewayResponse } from '../request-context';
import { parseRequestTarget } from '../request-target';
import { parseQueryString } from '../request-values';
import type { HttpStageTarget } from '../stage-index';
import { httpAccessLogVariables } from './access-log';
import { createHttpAuthorizeStep, type HttpAuthorizeStep } from './authorizers/authorize';
import { applyCors, preflightResponse } from './cors';
import type { HttpRequestContext } from './http-context';
import { httpError, renderHttpError } from './http-errors';
import { integrateHttpRoute } from './integrate';
import { exceedsHttpHeaderQuota } from './request-limits';
import { compileHttpRouter, type HttpRouter } from './router';
import { createHttpThrottleStep, type HttpThrottleStep } from './throttle';

/** API Gateway's payload limit (AWS docs: "Amazon API Gateway quotas"). */
const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

export interface HttpPipelineOptions {
  readonly region: string;
  readonly accountId: string;
  readonly clock?: Clock;
  /** Issuer → JWKS file path or URL for JWT authorizers. @default - discovered from each issuer */
  readonly jwks?: Readonly<Record<string, string>>;
  /** Shown the Lambda authorizer caches (the dashboard). @default - none */
  readonly observer?: GatewayObserver;
}

export interface HttpPipelineResult {
  readonly response: GatewayResponse;
  /** The rendered access-log line, when the stage has access logging. */
  readonly accessLogLine?: string;
  readonly context: HttpRequestContext;
}

interface CompiledHttpApi {
  readonly router: HttpRouter;
  readonly accessLogByStage: ReadonlyMap<string, AccessLogRenderer>;
}

export class HttpPipeline {
  private readonly compiled = new Map<HttpApiModel, CompiledHttpApi>();
  private readonly clock: Clock;
  private readonly authorize: HttpAuthorizeStep;
  private readonly throttle: HttpThrottleStep;

  constructor(
    readonly model: GatewayModel,
    private readonly invoker: LambdaInvoker,
    private readonly options: HttpPipelineOptions,
  ) {
    this.clock = options.clock ?? systemClock;
    for (const api of model.httpApis) {
      const accessLogByStage = new Map<string, AccessLogRenderer>();
      for (const stage of api.stages) {
        if (stage.accessLog) accessLogByStage.set(stage.name, compileAccessLogFormat(stage.accessLog.format));
      }
      this.compiled.set(api, { router: compileHttpRouter(api.table.routes), accessLogByStage });
    }
    this.authorize = createHttpAuthorizeStep({
      invoker,
      clock: this.clock,
      region: options.region,
      accountId: options.accountId,
      jwks: options.jwks,
      observer: options.observer,
    });
    this.throttle = createHttpThrottleStep(this.clock);
  }

  async handle(request: GatewayRequest, target: HttpStageTarget): Promise<HttpPipelineResult> {
    const ctx = this.newContext(request, target);
    let response: GatewayResponse;
    try {
      response = await this.run(ctx);
    } catch (error) {
      // Every error is answered in the HTTP API's own words, whatever step raised it.
      const raised = error instanceof GatewayError ? httpError(error.responseType) : unexpected(error);
      ctx.error = raised;
      response = renderHttpError(raised, ctx.challenge);
    }
    if (ctx.httpApi?.table.cors && ctx.httpStage && !ctx.preflight)
      response = applyCors(ctx.httpApi.table.cors, ctx, response);
    response = { ...response, headers: [...response.headers, ['apigw-requestid', ctx.requestId]] };
    ctx.response = response;
    ctx.responseLatency = Math.round(performance.now() - ctx.startedAt);
    return { response, accessLogLine: this.renderAccessLog(ctx, response), context: ctx };
  }

  private async run(ctx: HttpRequestContext): Promise<GatewayResponse> {
    if (ctx.request.body.length > MAX_PAYLOAD_BYTES) throw httpError('REQUEST_TOO_LARGE');
    if (exceedsHttpHeaderQuota(ctx.request)) throw httpError('REQUEST_TOO_LARGE');
    const api = ctx.httpApi;
    // AWS docs: "Create routes for HTTP APIs": no stage named by the request and no `$default` stage.
    if (!api || !ctx.httpStage) throw httpError('RESOURCE_NOT_FOUND');
    const match = this.compiled.get(api)?.router.match(ctx.request.method, ctx.path);
    if (!match) {
      // With CORS configured, API Gateway answers a preflight that no route (not even `$default`) takes.
      const preflight = api.table.cors && preflightResponse(api.table.cors, ctx);
      if (preflight) {
        ctx.preflight = true;
        return preflight;
      }
      throw httpError('RESOURCE_NOT_FOUND');
    }
    ctx.httpRoute = match.route;
    ctx.routeKey = httpRouteKeyName(match.route.key);
    ctx.pathParameters = match.pathParameters;

    await this.authorize(ctx, match.route.authorization);
    this.throttle(ctx);
    return integrateHttpRoute(ctx, match.route.integration, {
      invoker: this.invoker,
      accountId: this.options.accountId,
      functionFor: (arn) => this.functionFor(arn),
      contextVariable: (each) => httpAccessLogVariables(each, this.logExtras(each, undefined)),
    });
  }

  private functionFor(arn: string): FunctionModel | undefined {
    return this.model.functions.get(arn.split(':').slice(0, 7).join(':'));
  }

  /** No log is written for a request that reached no stage (AWS docs: "Create routes for HTTP APIs"). */
  private renderAccessLog(ctx: HttpRequestContext, response: GatewayResponse): string | undefined {
    if (!ctx.httpApi || !ctx.httpStage) return undefined;
    const render = this.compiled.get(ctx.httpApi)?.accessLogByStage.get(ctx.httpStage.name);
    return render?.(httpAccessLogVariables(ctx, this.logExtras(ctx, response)));
  }

  private logExtras(ctx: HttpRequestContext, response: GatewayResponse | undefined) {
    return {
      accountId: this.options.accountId,
      status: response?.statusCode ?? 0,
      responseLength: response?.body.length ?? 0,
      responseLatency: ctx.responseLatency ?? Math.round(performance.now() - ctx.startedAt),
    };
  }

  private newContext(request: GatewayRequest, target: HttpStageTarget): HttpRequestContext {
    const requestTarget = parseRequestTarget(request.rawUrl);
    const requestTimeEpoch = this.clock.now();
    // HTTP API request ids look like `ZhNHJhhLjoEEPiw=` (fixtures); `extendedRequestId` is the same value.
    const requestId = `${randomBytes(11).toString('base64url').slice(0, 15)}=`;
    let host: string | undefined;
    for (const [name, value] of request.headers) if (name.toLowerCase() === 'host') host = value;
    const path = target.path === '' ? '/' : target.path;
    return {
      request,
      requestId,
      extendedRequestId: requestId,
      requestTimeEpoch,
      startedAt: performance.now(),
      traceId: `Root=1-${Math.floor(requestTimeEpoch / 1000).toString(16)}-${randomBytes(12).toString('hex')}`,
      domainName: target.domainName ?? host?.replace(/:\d+$/, '') ?? 'localhost',
      basePathMatched: target.basePathMatched,
      httpApi: target.api,
      httpStage: target.stage,
      stageVariables: target.stage?.variables ?? {},
      isCanaryRequest: false,
      rawPath: (requestTarget?.path ?? path).replace(/^\/{2,}/, '/'),
      rawQueryString: requestTarget?.rawQuery ?? '',
      path,
      query: parseQueryString(requestTarget?.rawQuery ?? ''),
      pathParameters: {},
    };
  }
}

/** A defect in the emulator must not take the server down: answer as AWS does for internal faults. */
function unexpected(error: unknown): GatewayError {
  process.emitWarning(
    `portico: internal error while handling an HTTP API request: ${error instanceof Error ? error.stack : error}`,
  );
  return httpError('API_CONFIGURATION_ERROR');
}
