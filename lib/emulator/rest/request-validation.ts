/**
 * Method request validation (AWS docs: "Request validation for REST APIs in API Gateway", "Test basic request
 * validation in API Gateway"): required parameters first — present and not blank, reported headers, then
 * path, then query strings — then the body against the model of its Content-Type (JSON Schema draft 4).
 * Failures raise `BAD_REQUEST_PARAMETERS` / `BAD_REQUEST_BODY` with AWS's messages.
 */
import { GatewayError } from '../../core/gateway-responses';
import { methodRequestParameter, type RequestValidationSpec } from '../../core/transformation';
import { mediaTypeOf } from '../backends/binary-media-types';
import type { ApiModel } from '../model';
import type { RequestContext } from '../request-context';
import { headerValue } from '../request-values';
import { compileModels, type ModelSet } from '../transform/json-schema';

const LOCATION_ORDER = ['header', 'path', 'querystring'] as const;

export function validateMethodRequest(ctx: RequestContext, validation: RequestValidationSpec): void {
  if (validation.validateRequestParameters) {
    const missing: Record<(typeof LOCATION_ORDER)[number], string[]> = { header: [], path: [], querystring: [] };
    for (const expression of validation.requiredParameters) {
      const parameter = methodRequestParameter(expression);
      if (!parameter) continue;
      const value =
        parameter.location === 'header'
          ? headerValue(ctx.request.headers, parameter.name)
          : parameter.location === 'path'
            ? ctx.pathParameters[parameter.name]
            : lastQueryValue(ctx, parameter.name);
      if (value === undefined || value.trim() === '') missing[parameter.location].push(parameter.name);
    }
    const names = LOCATION_ORDER.flatMap((location) => missing[location]);
    if (names.length > 0) {
      const message = `Missing required request parameters: [${names.join(', ')}]`;
      ctx.validationErrorString = message;
      throw new GatewayError('BAD_REQUEST_PARAMETERS', message);
    }
  }
  if (validation.validateRequestBody && ctx.api) {
    const contentType = mediaTypeOf(headerValue(ctx.request.headers, 'content-type') ?? 'application/json');
    const modelName = validation.requestModels[contentType] ?? validation.requestModels.$default;
    if (modelName === undefined) return;
    const validator = modelsOf(ctx.api).validator(modelName);
    if (!validator) {
      ctx.validationErrorString = `model ${modelName} is not defined`;
      throw new GatewayError('BAD_REQUEST_BODY');
    }
    const text = ctx.request.body.toString('utf8');
    let body: unknown;
    try {
      body = text.trim() === '' ? {} : JSON.parse(text);
    } catch (error) {
      ctx.validationErrorString = `[Invalid JSON: ${error instanceof Error ? error.message : String(error)}]`;
      throw new GatewayError('BAD_REQUEST_BODY');
    }
    const result = validator(body);
    if (!result.valid) {
      ctx.validationErrorString = `[${result.errors.join(', ')}]`;
      throw new GatewayError('BAD_REQUEST_BODY');
    }
  }
}

function lastQueryValue(ctx: RequestContext, name: string): string | undefined {
  let found: string | undefined;
  for (const [key, value] of ctx.query) if (key === name) found = value;
  return found;
}

const compiled = new WeakMap<ApiModel, ModelSet>();

/** An API's models, compiled on first use and kept for the life of the model. */
function modelsOf(api: ApiModel): ModelSet {
  let models = compiled.get(api);
  if (!models) {
    models = compileModels(api.table.models ?? {});
    compiled.set(api, models);
  }
  return models;
}
