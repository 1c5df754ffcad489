/**
 * The front door: every request, from the HTTP server or the in-process `fetch`, enters through
 * `GatewayPipeline.handle`, which picks the wing from the stage's API — read-only management calls
 * (management/), HTTP APIs (http/), everything else REST APIs (rest/). The wings know nothing of each
 * other or of this file.
 */
import type { Clock } from '../core/clock';
import type { CognitoOptions } from './authorization/cognito-pools';
import type { HttpRequestContext } from './http/http-context';
import { HttpPipeline } from './http/http-pipeline';
import { listHttpRoutes } from './http/route-listing';
import type { LambdaInvoker } from './lambda/invoker';
import { ManagementApi } from './management/management-api';
import type { GatewayModel } from './model';
import { httpRouteId, type ListedRoute, restRouteId } from './observe/listed-route';
import type { GatewayObserver } from './observe/observer';
import type { GatewayRequest, GatewayResponse, RequestContext } from './request-context';
import { parseRequestTarget } from './request-target';
import { headerValue } from './request-values';
import { RestPipeline } from './rest/rest-pipeline';
import { listRoutes } from './rest/route-listing';
import { StageIndex } from './stage-index';

export { MAX_PAYLOAD_BYTES } from './request-context';

export interface PipelineOptions {
  readonly region: string;
  readonly accountId: string;
  readonly clock?: Clock;
  /** Source of randomness for canary traffic splitting, in [0, 1); seed it for reproducible tests. */
  readonly random?: () => number;
  /** Issuer → JWKS file path or URL for HTTP API JWT authorizers. @default - discovered from each issuer */
  readonly jwks?: Readonly<Record<string, string>>;
  /** Keys of Cognito user pools for REST COGNITO_USER_POOLS authorizers. @default - none: their tokens are refused */
  readonly cognito?: CognitoOptions;
  /** Where REST AWS service integrations are sent, SigV4-signed; unset: not sent (docs/decisions/0014). */
  readonly awsEndpoint?: string;
  /** Receives the mapped request and response of REST non-proxy integrations (`--trace`). */
  readonly trace?: (line: string) => void;
  /** Shown the authorizer caches and usage-plan counters (the dashboard, observe/). @default - none */
  readonly observer?: GatewayObserver;
}

export interface PipelineResult {
  readonly response: GatewayResponse;
  /** The rendered access-log line, when the stage has access logging. */
  readonly accessLogLine?: string;
  readonly context: RequestContext;
  /** Set when the request was for an HTTP API: the same object as `context`, with its HTTP API fields. */
  readonly http?: HttpRequestContext;
}

export class GatewayPipeline {
  readonly stages: StageIndex;
  private readonly rest: RestPipeline;
  private readonly http: HttpPipeline;
  private readonly management: ManagementApi;

  constructor(
    readonly model: GatewayModel,
    invoker: LambdaInvoker,
    options: PipelineOptions,
  ) {
    this.stages = new StageIndex(model);
    this.rest = new RestPipeline(model, this.stages, invoker, options);
    this.http = new HttpPipeline(model, invoker, options);
    this.management = new ManagementApi(model, options);
  }

  async handle(request: GatewayRequest): Promise<PipelineResult> {
    // Read-only management calls signed for `apigateway` (`portico verify`); not access-logged.
    const managed = this.management.answer(request);
    if (managed) return { response: managed, context: this.rest.newContext(request) };
    // A request whose Host and path resolve to an HTTP API takes the HTTP API wing (http/).
    const httpTarget =
      this.model.httpApis.length > 0
        ? this.stages.resolveHttp(headerValue(request.headers, 'host'), parseRequestTarget(request.rawUrl)?.path ?? '/')
        : undefined;
    if (httpTarget) {
      const result = await this.http.handle(request, httpTarget);
      return { ...result, http: result.context };
    }
    return this.rest.handle(request);
  }

  /** Every route of every API and stage, both flavors (the dashboard's Routes view). */
  listRoutes(): ListedRoute[] {
    const rest = listRoutes(this.model).map((row) => ({
      ...row,
      id: restRouteId(row.api, row.stage, row.method, row.path),
      flavor: 'REST' as const,
      path: `/${row.stage}${row.path === '/' ? '' : row.path}`,
    }));
    const http = listHttpRoutes(this.model).map((row) => {
      const prefix = row.stage === '$default' ? '' : `/${row.stage}`;
      const routeKey = row.method === '$default' ? '$default' : `${row.method} ${row.path.slice(prefix.length) || '/'}`;
      return { ...row, id: httpRouteId(row.api, row.stage, routeKey), flavor: 'HTTP' as const, apiKey: '-' };
    });
    return [...rest, ...http];
  }
}
