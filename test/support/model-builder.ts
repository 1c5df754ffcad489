/** Hand-built emulator models for unit tests of pipeline steps (no synth needed). */
import { parseRouteKey } from '../../lib/core/route-key';
import type { AuthorizationSpec, IntegrationSpec, RouteSpec } from '../../lib/core/route-table';
import type { ApiModel, GatewayModel, StageModel } from '../../lib/emulator/model';

export function route(key: string, overrides: Partial<Omit<RouteSpec, 'key'>> = {}): RouteSpec {
  const integration: IntegrationSpec = {
    kind: 'mock',
    statusCode: 200,
    responseHeaders: { 'Content-Type': 'application/json' },
    responseBody: JSON.stringify({ route: key }),
  };
  const authorization: AuthorizationSpec = { kind: 'none' };
  return {
    key: parseRouteKey(key),
    authorization,
    apiKeyRequired: false,
    integration,
    requestParameters: {},
    ...overrides,
  };
}

export function stage(name: string, overrides: Partial<StageModel> = {}): StageModel {
  return { name, variables: {}, deploymentId: `dep-${name}`, methodSettings: [], ...overrides };
}

export function api(
  logicalId: string,
  routes: RouteSpec[],
  stages: StageModel[],
  overrides: Partial<ApiModel> = {},
): ApiModel {
  return {
    stackName: 'TestStack',
    logicalId,
    apiId: logicalId.toLowerCase().slice(0, 10).padEnd(10, '0'),
    name: logicalId,
    table: { routes, authorizers: [], apiKeySource: 'HEADER', binaryMediaTypes: [] },
    stages,
    gatewayResponses: {},
    ...overrides,
  };
}

export function gatewayModel(apis: ApiModel[], overrides: Partial<GatewayModel> = {}): GatewayModel {
  return {
    apis,
    httpApis: [],
    functions: new Map(),
    usagePlans: [],
    apiKeys: [],
    domains: [],
    unsupported: [],
    ...overrides,
  };
}
