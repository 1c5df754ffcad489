/**
 * `portico openapi`: the REST APIs of a synthesized assembly as one public OpenAPI 3.0 document on
 * stdout, for client generation and docs. It reads the template the way the emulator does, so a gateway
 * written with plain aws-cdk-lib constructs exports too.
 */
import { resolve } from 'node:path';
import {
  type ExportedApi,
  type ExportedOpenApiDocument,
  exportOpenApi,
  type GatewayResponseExtension,
  type ServerObject,
} from '../core/openapi';
import { type ExportedHttpOpenApiDocument, exportHttpOpenApi } from '../core/openapi/export-http';
import { loadAssembly, NONE_BASE_PATH } from '../emulator/assembly';
import type { ApiModel, GatewayModel, StageModel } from '../emulator/model';

export interface OpenApiCommandOptions {
  /** Cloud assembly directory (`cdk.out`). */
  readonly assembly: string;
  /** Only the APIs of this stack (artifact id or stack name). */
  readonly stack?: string;
  /** Only this stage: one version of a Portico gateway. */
  readonly stage?: string;
  /** Keep the `x-amazon-apigateway-*` extensions. */
  readonly awsExtensions?: boolean;
  /** Region in the servers' URLs and in Lambda ARNs. */
  readonly region: string;
  /** Export the HTTP APIs (API Gateway v2) instead of the REST APIs; the default when there are only HTTP APIs. */
  readonly http?: boolean;
}

interface Selected {
  readonly api: ApiModel;
  readonly stages: readonly StageModel[];
}

/** The document `portico openapi` prints; `warn` hears about routes the template has but the document lacks. */
export function openApiDocument(
  options: OpenApiCommandOptions,
  warn: (message: string) => void = () => {},
): ExportedOpenApiDocument {
  return restApiDocument(loadModel(options), options, warn);
}

/** The HTTP APIs' document `portico openapi --http` prints. */
export function httpOpenApiDocument(options: OpenApiCommandOptions): ExportedHttpOpenApiDocument {
  return httpApiDocument(loadModel(options), options);
}

function loadModel(options: OpenApiCommandOptions): GatewayModel {
  return loadAssembly(resolve(options.assembly), {
    region: options.region,
    stacks: options.stack === undefined ? undefined : [options.stack],
  });
}

function restApiDocument(
  model: GatewayModel,
  options: OpenApiCommandOptions,
  warn: (message: string) => void,
): ExportedOpenApiDocument {
  const selected = model.apis
    .map((api) => ({ api, stages: api.stages.filter((s) => options.stage === undefined || s.name === options.stage) }))
    .filter((entry) => entry.stages.length > 0);
  if (selected.length === 0) throw new Error(nothingSelected(model, options));
  for (const problem of model.unsupported.filter((item) => /route "/i.test(item.reason))) {
    warn(`${problem.path}: ${problem.reason} (left out of the document)`);
  }
  return exportOpenApi(
    selected.map((entry) => exportedApi(model, entry, options.region)),
    {
      title: titleOf(selected),
      version: [...new Set(selected.flatMap((entry) => entry.stages.map((s) => s.name)))].join(', '),
      awsExtensions: options.awsExtensions,
      region: options.region,
    },
  );
}

export function openapiCommand(options: OpenApiCommandOptions): void {
  const model = loadModel(options);
  const http = options.http || (model.apis.length === 0 && model.httpApis.length > 0);
  const document = http
    ? httpApiDocument(model, options)
    : restApiDocument(model, options, (message) => console.error(`portico: ${message}`));
  process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
}

function exportedApi(model: GatewayModel, { api, stages }: Selected, region: string): ExportedApi {
  const servers: ServerObject[] = [];
  for (const stage of stages) {
    servers.push({
      url: `https://{restApiId}.execute-api.{region}.amazonaws.com/${stage.name}`,
      description: `REST API "${api.name}", stage ${stage.name}`,
      variables: {
        // The real id exists only once deployed (stack output or `aws apigateway get-rest-apis`).
        restApiId: { default: api.apiId, description: `Id of REST API "${api.name}" in your account` },
        region: { default: region },
      },
    });
    for (const domain of model.domains) {
      for (const mapping of domain.mappings) {
        if (mapping.apiLogicalId !== api.logicalId || mapping.stage !== stage.name) continue;
        const basePath = mapping.basePath === NONE_BASE_PATH ? '' : `/${mapping.basePath.replace(/^\/+|\/+$/g, '')}`;
        servers.push({
          url: `https://${domain.domainName}${basePath}`,
          description: `Custom domain ${domain.domainName}, stage ${stage.name}`,
        });
      }
    }
  }
  return {
    label: `${api.stackName}/${api.logicalId}`,
    table: api.table,
    servers,
    gatewayResponses: gatewayResponsesOf(api),
  };
}

function gatewayResponsesOf(api: ApiModel): Record<string, GatewayResponseExtension> {
  const out: Record<string, GatewayResponseExtension> = {};
  for (const type of Object.keys(api.gatewayResponses).sort() as (keyof ApiModel['gatewayResponses'])[]) {
    const override = api.gatewayResponses[type]!;
    out[type] = {
      ...(override.statusCode === undefined ? {} : { statusCode: String(override.statusCode) }),
      ...(Object.keys(override.responseParameters).length === 0
        ? {}
        : { responseParameters: override.responseParameters }),
      ...(Object.keys(override.responseTemplates).length === 0
        ? {}
        : { responseTemplates: override.responseTemplates }),
    };
  }
  return out;
}

/**
 * One API: its name. Versions of one Portico gateway (`shop-v1`, `shop-v2`, each with its own stage): the
 * shared name. Anything else: the stacks' names.
 */
function titleOf(selected: readonly Selected[]): string {
  if (selected.length === 1) return selected[0].api.name;
  const names = selected.map(({ api, stages }) =>
    stages.length === 1 && api.name.endsWith(`-${stages[0].name}`)
      ? api.name.slice(0, -stages[0].name.length - 1)
      : api.name,
  );
  if (names.every((name) => name === names[0])) return names[0];
  return [...new Set(selected.map(({ api }) => api.stackName))].join(', ');
}

function nothingSelected(model: GatewayModel, options: OpenApiCommandOptions): string {
  const where = options.stack === undefined ? options.assembly : `stack "${options.stack}" of ${options.assembly}`;
  if (model.apis.length === 0) return `No REST API found in ${where}.`;
  const stages = [...new Set(model.apis.flatMap((api) => api.stages.map((s) => s.name)))];
  return `No REST API in ${where} has a stage "${options.stage}" (stages: ${stages.join(', ') || 'none'}).`;
}

/** The HTTP APIs of the assembly (and stage, when given) as one public document, or one API's definition. */
function httpApiDocument(model: GatewayModel, options: OpenApiCommandOptions): ExportedHttpOpenApiDocument {
  const selected = model.httpApis
    .map((api) => ({ api, stages: api.stages.filter((s) => options.stage === undefined || s.name === options.stage) }))
    .filter((entry) => entry.stages.length > 0);
  if (selected.length === 0) {
    throw new Error(
      model.httpApis.length === 0
        ? `No HTTP API found in ${options.assembly}.`
        : `No HTTP API in ${options.assembly} has a stage "${options.stage}".`,
    );
  }
  return exportHttpOpenApi(
    selected.map(({ api, stages }) => ({
      label: `${api.stackName}/${api.logicalId}`,
      table: api.table,
      servers: stages.map((stage) => ({
        url: `https://{apiId}.execute-api.{region}.amazonaws.com${stage.name === '$default' ? '' : `/${stage.name}`}`,
        description: `HTTP API "${api.name}", stage ${stage.name}`,
        variables: {
          apiId: { default: api.apiId, description: `Id of HTTP API "${api.name}" in your account` },
          region: { default: options.region },
        },
      })),
    })),
    {
      title:
        selected.length === 1
          ? selected[0].api.name
          : [...new Set(selected.map(({ api }) => api.stackName))].join(', '),
      version: [...new Set(selected.flatMap(({ stages }) => stages.map((s) => s.name)))].join(', '),
      awsExtensions: options.awsExtensions,
      region: options.region,
    },
  );
}
