/** The route table per API and stage, as rows for `portico routes` and the `serve` start banner. */
import type { RouteSpec } from '../../core/route-table';
import type { ApiModel, GatewayModel, StageModel } from '../model';

export interface RouteRow {
  readonly api: string;
  readonly stage: string;
  readonly method: string;
  readonly path: string;
  readonly authorization: string;
  readonly apiKey: string;
  readonly throttle: string;
  readonly target: string;
}

export function listRoutes(model: GatewayModel): RouteRow[] {
  const rows: RouteRow[] = [];
  for (const api of model.apis) {
    for (const stage of api.stages) {
      for (const route of api.table.routes) rows.push(routeRow(model, api, stage, route));
    }
  }
  return rows;
}

function routeRow(model: GatewayModel, api: ApiModel, stage: StageModel, route: RouteSpec): RouteRow {
  return {
    api: api.logicalId,
    stage: stage.name,
    method: route.key.method,
    path: route.key.path,
    authorization: describeAuthorization(api, route),
    apiKey: route.apiKeyRequired ? 'required' : '-',
    throttle: describeThrottle(model, api, stage, route),
    target: describeTarget(model, route, stage),
  };
}

function describeAuthorization(api: ApiModel, route: RouteSpec): string {
  const { authorization } = route;
  if (authorization.kind === 'none') return 'none';
  if (authorization.kind === 'iam') return 'iam';
  const authorizer = api.table.authorizers.find((a) => a.name === authorization.authorizer);
  const type = authorizer?.type === 'COGNITO_USER_POOLS' ? 'cognito' : (authorizer?.type.toLowerCase() ?? '?');
  return `${type}:${authorization.authorizer}`;
}

function describeThrottle(model: GatewayModel, api: ApiModel, stage: StageModel, route: RouteSpec): string {
  const parts: string[] = [];
  const setting =
    stage.methodSettings.find((m) => m.resourcePath === route.key.path && m.httpMethod === route.key.method) ??
    stage.methodSettings.find((m) => m.resourcePath === '*' && m.httpMethod === '*');
  if (setting?.throttle)
    parts.push(`stage ${setting.throttle.rateLimit ?? '-'}/s burst ${setting.throttle.burstLimit ?? '-'}`);
  if (route.apiKeyRequired) {
    for (const plan of model.usagePlans) {
      const apiStage = plan.apiStages.find((s) => s.apiLogicalId === api.logicalId && s.stage === stage.name);
      if (!apiStage) continue;
      const throttle = apiStage.throttle[`${route.key.path}/${route.key.method}`] ?? plan.throttle;
      if (throttle) parts.push(`${plan.name} ${throttle.rateLimit ?? '-'}/s burst ${throttle.burstLimit ?? '-'}`);
    }
  }
  return parts.join('; ') || '-';
}

function describeTarget(model: GatewayModel, route: RouteSpec, stage: StageModel): string {
  const { integration } = route;
  if (integration.kind === 'mock') return `mock ${integration.statusCode}`;
  if (integration.kind === 'http') return `${integration.method} ${integration.url}`;
  if (integration.kind === 'unsupported') return `${integration.type} (not served locally)`;
  if (integration.kind === 'aws') return `AWS ${integration.uri}`;
  const arn = integration.functionArn.replace(
    /\$\{stageVariables\.([A-Za-z0-9_]+)\}/g,
    (_, name: string) => stage.variables[name] ?? `\${stageVariables.${name}}`,
  );
  const fn = model.functions.get(arn.split(':').slice(0, 7).join(':'));
  const qualifier = arn.split(':')[7];
  return fn ? `λ ${fn.path || fn.functionName}${qualifier ? `:${qualifier}` : ''}` : `λ ${arn}`;
}

/** Renders rows as an aligned text table. */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
