/** HTTP API routes per API and stage, as rows for the `serve` start banner (the REST rows are route-listing.ts). */
import { DEFAULT_ROUTE_KEY, type HttpRouteSpec } from '../../core/http-route-table';
import type { GatewayModel, HttpApiModel, HttpStageModel } from '../model';

export interface HttpRouteRow {
  readonly api: string;
  readonly stage: string;
  /** `GET`, `ANY`, or `$default`. */
  readonly method: string;
  /** The path as a client calls it on this stage (`/dev/items/{id}`, `/items/{id}`, `/*` for `$default`). */
  readonly path: string;
  readonly authorization: string;
  readonly throttle: string;
  readonly target: string;
}

export function listHttpRoutes(model: GatewayModel): HttpRouteRow[] {
  const rows: HttpRouteRow[] = [];
  for (const api of model.httpApis) {
    for (const stage of api.stages) {
      for (const route of api.table.routes) rows.push(routeRow(model, api, stage, route));
    }
  }
  return rows;
}

function routeRow(model: GatewayModel, api: HttpApiModel, stage: HttpStageModel, route: HttpRouteSpec): HttpRouteRow {
  const prefix = stage.name === '$default' ? '' : `/${stage.name}`;
  const routeKey = route.key === DEFAULT_ROUTE_KEY ? DEFAULT_ROUTE_KEY : `${route.key.method} ${route.key.path}`;
  const throttle = { ...stage.defaultRouteThrottle, ...stage.routeThrottles[routeKey] };
  return {
    api: api.logicalId,
    stage: stage.name,
    method: route.key === DEFAULT_ROUTE_KEY ? DEFAULT_ROUTE_KEY : route.key.method,
    path:
      route.key === DEFAULT_ROUTE_KEY
        ? `${prefix}/*`
        : `${prefix}${route.key.path === '/' && prefix ? '' : route.key.path}`,
    authorization: describeAuthorization(api, route),
    throttle:
      throttle.rateLimit === undefined && throttle.burstLimit === undefined
        ? '-'
        : `${throttle.rateLimit ?? '-'}/s burst ${throttle.burstLimit ?? '-'}`,
    target: describeTarget(model, route),
  };
}

function describeAuthorization(api: HttpApiModel, route: HttpRouteSpec): string {
  const { authorization } = route;
  if (authorization.kind !== 'authorizer') return authorization.kind;
  const authorizer = api.table.authorizers.find((candidate) => candidate.name === authorization.authorizer);
  const type = authorizer?.type === 'JWT' ? 'jwt' : authorizer ? 'lambda' : '?';
  const scopes = authorization.scopes?.length ? ` [${authorization.scopes.join(' ')}]` : '';
  return `${type}:${authorization.authorizer}${scopes}`;
}

function describeTarget(model: GatewayModel, route: HttpRouteSpec): string {
  const { integration } = route;
  if (integration.kind === 'http') return `${integration.method} ${integration.url}`;
  const fn = model.functions.get(integration.functionArn.split(':').slice(0, 7).join(':'));
  return `λ ${fn ? fn.path || fn.functionName : integration.functionArn} (${integration.payloadFormatVersion})`;
}
