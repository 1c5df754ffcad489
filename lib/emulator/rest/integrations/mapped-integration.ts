/**
 * Non-proxy REST integrations (`AWS` Lambda, `HTTP`, `MOCK`, AWS services) in the order AWS documents
 * (AWS docs: "Mapping templates for REST APIs", "Method request behavior for payloads without mapping
 * templates"): pick the request template by Content-Type or apply the passthrough behavior (415), render it,
 * map integration request parameters, call the backend, select the integration response, map its headers,
 * render the response template by Accept, apply `$context.responseOverride`.
 */
import { GatewayError } from '../../../core/gateway-responses';
import { type IntegrationSpec, MAX_INTEGRATION_TIMEOUT_MS } from '../../../core/route-table';
import type { IntegrationMapping } from '../../../core/transformation';
import { NOT_FORWARDED, requestBackend } from '../../backends/backend-request';
import { mediaTypeOf } from '../../backends/binary-media-types';
import { substituteStageVariables } from '../../backends/stage-variables';
import type { LambdaInvoker } from '../../lambda/invoker';
import type { FunctionModel } from '../../model';
import type { GatewayResponse, RequestContext } from '../../request-context';
import { headerValue } from '../../request-values';
import { inputVariable } from '../../transform/input-variable';
import { type AwsServiceDeps, callAwsService } from './aws-service';
import {
  mapResponseParameters,
  responseTemplateFor,
  type SelectionInput,
  selectIntegrationResponse,
} from './integration-response';
import { type ContextLookup, mapRequestParameters, requestParameterSource } from './parameter-mapping';
import { mappingTemplate, methodRequestParams, type TemplateContext, templateContext } from './template-context';

export type MappedIntegration = Exclude<IntegrationSpec, { kind: 'unsupported' }> & {
  readonly mapping: IntegrationMapping;
};

export interface MappedIntegrationDeps extends AwsServiceDeps {
  readonly invoker: LambdaInvoker;
  readonly functionFor: (arn: string) => FunctionModel | undefined;
  readonly contextLookup: ContextLookup;
  /** Receives one line per hop (`--trace`): the mapped request and the mapped response. */
  readonly trace?: (line: string) => void;
}

interface BackendAnswer {
  readonly selection: SelectionInput;
  readonly headers: readonly (readonly [string, string])[];
  readonly body: Buffer;
}

export function hasMapping(integration: IntegrationSpec): integration is MappedIntegration {
  return integration.kind !== 'unsupported' && integration.mapping !== undefined;
}

export async function integrateMapped(
  ctx: RequestContext,
  integration: MappedIntegration,
  deps: MappedIntegrationDeps,
): Promise<GatewayResponse> {
  const { mapping } = integration;
  const route = ctx.route ? `${ctx.route.key.method} ${ctx.route.key.path}` : '(route)';
  const params = methodRequestParams(ctx);
  const context = templateContext(ctx, deps.contextLookup);

  // Integration request: template by Content-Type (absent ⇒ application/json), else passthrough or 415.
  const requestType = mediaTypeOf(headerValue(ctx.request.headers, 'content-type') ?? 'application/json');
  const source = mapping.requestTemplates[requestType];
  let payload: Buffer;
  if (source !== undefined) {
    const text = render(source, `request template (${requestType})`, ctx.request.body.toString('utf8'));
    payload = Buffer.from(text, 'utf8');
  } else {
    const someTemplates = Object.keys(mapping.requestTemplates).length > 0;
    if (
      mapping.passthroughBehavior === 'NEVER' ||
      (mapping.passthroughBehavior === 'WHEN_NO_TEMPLATES' && someTemplates)
    ) {
      ctx.integration = { latency: 0, error: `no request template for Content-Type ${requestType}` };
      throw new GatewayError('UNSUPPORTED_MEDIA_TYPE');
    }
    payload = ctx.request.body;
  }
  const mapped = mapRequestParameters(ctx.route?.requestParameters ?? {}, ctx, deps.contextLookup);
  const overrides = context.requestOverride;
  const headers: [string, string][] = [...mapped.headers];
  for (const [name, value] of Object.entries(overrides.header)) setHeader(headers, name, String(value));
  const query: [string, string][] = [...mapped.query];
  for (const [name, value] of Object.entries(overrides.querystring)) {
    const existing = query.findIndex(([key]) => key === name);
    if (existing !== -1) query.splice(existing, 1);
    query.push([name, String(value)]);
  }
  const pathValues: Record<string, string> = { ...mapped.path };
  for (const [name, value] of Object.entries(overrides.path)) pathValues[name] = String(value);
  deps.trace?.(
    `${ctx.requestId} ${route} integration request ${integration.kind}: headers ${JSON.stringify(headers)} query ${JSON.stringify(query)} body ${payload.toString('utf8')}`,
  );

  const started = performance.now();
  const answer = await callBackend();
  const latency = Math.round(performance.now() - started);

  // Integration response.
  const selected = selectIntegrationResponse(mapping.responses, answer.selection);
  if (!selected) {
    ctx.integration = {
      ...(ctx.integration ?? { latency }),
      error: 'no integration response matches and none is the default',
    };
    warn(`${route}: no integration response matches ${JSON.stringify(answer.selection)} and none is the default`);
    throw new GatewayError('API_CONFIGURATION_ERROR');
  }
  let body = answer.body;
  if (selected.contentHandling === 'CONVERT_TO_TEXT') body = Buffer.from(body.toString('base64'), 'utf8');
  const bodyText = body.toString('utf8');
  const requestSource = requestParameterSource(ctx, deps.contextLookup);
  const responseHeaders = mapResponseParameters(
    selected.responseParameters,
    { headers: answer.headers, body: bodyText },
    requestSource,
  );
  const accept = mediaTypeOf(headerValue(ctx.request.headers, 'accept') ?? 'application/json');
  const template = responseTemplateFor(selected.responseTemplates, accept === '*/*' ? 'application/json' : accept);
  if (template)
    body = Buffer.from(render(template.source, `response template (${template.contentType})`, bodyText), 'utf8');
  if (selected.contentHandling === 'CONVERT_TO_BINARY') body = Buffer.from(body.toString('utf8'), 'base64');
  // Every integration response carries a Content-Type (AWS docs: "Amazon API Gateway important notes").
  const out: [string, string][] = [['Content-Type', template?.contentType ?? 'application/json']];
  for (const [name, value] of responseHeaders) setHeader(out, name, value);
  let statusCode = Number(selected.statusCode);
  const override = context.responseOverride;
  const overrideStatus = Number(override.status);
  if (Number.isInteger(overrideStatus) && overrideStatus >= 100 && overrideStatus <= 599) statusCode = overrideStatus;
  for (const [name, value] of Object.entries(override.header)) setHeader(out, name, String(value));
  deps.trace?.(
    `${ctx.requestId} ${route} method response ${statusCode}: headers ${JSON.stringify(out)} body ${body.toString('utf8')}`,
  );
  return { statusCode, headers: out, body };

  function render(templateSource: string, what: string, bodyForInput: string): string {
    const template = mappingTemplate(templateSource);
    try {
      if (template instanceof Error) throw template;
      return template.render({
        input: inputVariable(bodyForInput, params),
        context: context as TemplateContext,
        stageVariables: ctx.stageVariables,
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      ctx.integration = { latency: 0, error: `${what}: ${reason}` };
      warn(`${route} ${what} failed: ${reason}`);
      throw new GatewayError('API_CONFIGURATION_ERROR');
    }
  }

  async function callBackend(): Promise<BackendAnswer> {
    switch (integration.kind) {
      case 'mock': {
        // The status comes from the rendered request template (AWS docs: "Set up mock integrations in API Gateway").
        const status = source === undefined ? undefined : mockStatus(payload.toString('utf8'));
        ctx.integration = { latency: 0, ...(status !== undefined && { status }) };
        return { selection: { kind: 'status', status }, headers: [], body: Buffer.alloc(0) };
      }
      case 'lambda':
        return invokeLambda(ctx, integration, payload, deps, route);
      case 'http':
        return callHttp(ctx, integration, payload, { headers, query, path: pathValues }, requestType);
      case 'aws': {
        const outcome = await callAwsService(ctx, integration, payload, headers, deps, route);
        return { selection: { kind: 'status', status: outcome.status }, headers: outcome.headers, body: outcome.body };
      }
    }
  }
}

function mockStatus(rendered: string): number | undefined {
  try {
    const status = Number((JSON.parse(rendered) as { statusCode?: unknown }).statusCode);
    if (Number.isInteger(status)) return status;
  } catch {
    // Recorded on AWS: MOCK accepts templates that are not JSON (`{statusCode: 200}`).
  }
  const match = /"?statusCode"?\s*:\s*"?(\d{3})/.exec(rendered);
  return match ? Number(match[1]) : undefined;
}

async function invokeLambda(
  ctx: RequestContext,
  integration: Extract<MappedIntegration, { kind: 'lambda' }>,
  payload: Buffer,
  deps: MappedIntegrationDeps,
  route: string,
): Promise<BackendAnswer> {
  const functionArn = substituteStageVariables(integration.functionArn, ctx.stageVariables);
  if (functionArn === undefined) {
    ctx.integration = { latency: 0, error: `Stage variable in ${integration.functionArn} is not set on stage` };
    throw new GatewayError('API_CONFIGURATION_ERROR');
  }
  let event: unknown;
  const text = payload.toString('utf8');
  try {
    event = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    // Lambda's Invoke API takes JSON; a template that renders anything else fails the integration.
    ctx.integration = { latency: 0, error: 'the integration request is not valid JSON for Lambda Invoke' };
    warn(`${route}: the rendered Lambda payload is not valid JSON: ${text.slice(0, 200)}`);
    throw new GatewayError('API_CONFIGURATION_ERROR');
  }
  const started = performance.now();
  const deadlineMs = Math.min(integration.timeoutMs, MAX_INTEGRATION_TIMEOUT_MS);
  const result = await deps.invoker.invoke(functionArn, event, { deadlineMs });
  const latency = Math.round(performance.now() - started);
  switch (result.kind) {
    case 'ok':
      ctx.integration = { latency, status: 200, requestId: result.requestId };
      return {
        selection: { kind: 'lambda' },
        headers: [],
        body: Buffer.from(JSON.stringify(result.payload ?? null), 'utf8'),
      };
    case 'error':
      ctx.integration = { latency, status: 200, requestId: result.requestId, error: result.errorMessage };
      return {
        selection: { kind: 'lambda', errorMessage: result.errorMessage },
        headers: [],
        body: Buffer.from(JSON.stringify({ errorType: result.errorType, errorMessage: result.errorMessage }), 'utf8'),
      };
    case 'timeout': {
      const ownTimeoutMs = (deps.functionFor(functionArn)?.timeoutSeconds ?? Number.POSITIVE_INFINITY) * 1000;
      ctx.integration = { latency, requestId: result.requestId, error: 'Execution timed out' };
      if (ownTimeoutMs >= deadlineMs) throw new GatewayError('INTEGRATION_TIMEOUT');
      // The function's own timeout is a function error, selectable like any other (Lambda's message).
      const errorMessage = `Task timed out after ${(ownTimeoutMs / 1000).toFixed(2)} seconds`;
      return {
        selection: { kind: 'lambda', errorMessage },
        headers: [],
        body: Buffer.from(JSON.stringify({ errorMessage }), 'utf8'),
      };
    }
    case 'unavailable':
      ctx.integration = { latency, error: result.reason };
      throw new GatewayError('API_CONFIGURATION_ERROR');
  }
}

async function callHttp(
  ctx: RequestContext,
  integration: Extract<MappedIntegration, { kind: 'http' }>,
  payload: Buffer,
  mapped: { headers: [string, string][]; query: [string, string][]; path: Record<string, string> },
  requestType: string,
): Promise<BackendAnswer> {
  const withVariables = substituteStageVariables(integration.url, ctx.stageVariables);
  if (withVariables === undefined) throw new GatewayError('API_CONFIGURATION_ERROR');
  // A non-proxy HTTP integration sends only what is mapped: path variables, query strings and headers.
  const url = new URL(withVariables.replace(/\{([^}+]+)\+?\}/g, (_, name: string) => mapped.path[name] ?? ''));
  for (const [name, value] of mapped.query) url.searchParams.append(name, value);
  const headers = new Headers();
  headers.set('content-type', requestType);
  for (const [name, value] of mapped.headers) if (!NOT_FORWARDED.has(name.toLowerCase())) headers.set(name, value);
  const method = integration.method === 'ANY' ? ctx.request.method : integration.method;
  const outcome = await requestBackend(
    url,
    method,
    headers,
    payload,
    Math.min(integration.timeoutMs, MAX_INTEGRATION_TIMEOUT_MS),
  );
  if (!outcome.ok) {
    ctx.integration = { latency: outcome.latency, error: outcome.error };
    throw new GatewayError(outcome.timedOut ? 'INTEGRATION_TIMEOUT' : 'INTEGRATION_FAILURE');
  }
  ctx.integration = { latency: outcome.latency, status: outcome.status };
  return { selection: { kind: 'status', status: outcome.status }, headers: outcome.headers, body: outcome.body };
}

function setHeader(headers: [string, string][], name: string, value: string): void {
  const lower = name.toLowerCase();
  const existing = headers.findIndex(([key]) => key.toLowerCase() === lower);
  if (existing === -1) headers.push([name, value]);
  else headers[existing] = [name, value];
}

function warn(message: string): void {
  process.emitWarning(`portico: ${message}`, 'PorticoIntegrationWarning');
}
