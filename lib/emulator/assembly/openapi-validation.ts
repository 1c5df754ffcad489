/**
 * Request validation in an OpenAPI definition (AWS docs: "x-amazon-apigateway-request-validators object",
 * "x-amazon-apigateway-request-validator property"): the named validators, the document's default one, each
 * operation's required parameters and body schemas. Models are `components.schemas` (OpenAPI 3) or
 * `definitions` (Swagger 2); an inline body schema becomes a model of its own.
 */
import type { RequestValidationSpec } from '../../core/transformation';
import { asArray, asBoolean, asRecord, asString, type JsonRecord } from './template-values';

const LOCATIONS: Readonly<Record<string, string>> = { header: 'header', query: 'querystring', path: 'path' };

export function openApiModels(definition: JsonRecord): Record<string, unknown> {
  return { ...asRecord(definition.definitions), ...asRecord(asRecord(definition.components)?.schemas) };
}

export function operationValidation(
  operation: JsonRecord,
  pathItem: JsonRecord,
  definition: JsonRecord,
  routeLabel: string,
  models: Record<string, unknown>,
  problems: string[],
): RequestValidationSpec | undefined {
  const name =
    asString(operation['x-amazon-apigateway-request-validator']) ??
    asString(definition['x-amazon-apigateway-request-validator']);
  if (name === undefined) return undefined;
  const validator = asRecord(asRecord(definition['x-amazon-apigateway-request-validators'])?.[name]);
  if (!validator) {
    problems.push(`request validator "${name}" is not in x-amazon-apigateway-request-validators`);
    return undefined;
  }
  const requiredParameters: string[] = [];
  const requestModels: Record<string, string> = {};
  for (const item of [...asArray(pathItem.parameters), ...asArray(operation.parameters)]) {
    const parameter = asRecord(item) ?? {};
    const location = LOCATIONS[asString(parameter.in) ?? ''];
    const parameterName = asString(parameter.name);
    if (location && parameterName && asBoolean(parameter.required)) {
      requiredParameters.push(`method.request.${location}.${parameterName}`);
    }
    if (parameter.in === 'body' && parameter.schema) {
      const consumes = asArray(operation.consumes ?? definition.consumes).flatMap((type) => asString(type) ?? []);
      for (const type of consumes.length > 0 ? consumes : ['application/json']) {
        requestModels[type] = modelName(parameter.schema, `${routeLabel} ${type}`, models);
      }
    }
  }
  for (const [type, media] of Object.entries(asRecord(asRecord(operation.requestBody)?.content) ?? {})) {
    const schema = asRecord(media)?.schema;
    if (schema) requestModels[type] = modelName(schema, `${routeLabel} ${type}`, models);
  }
  return {
    validateRequestBody: asBoolean(validator.validateRequestBody) ?? false,
    validateRequestParameters: asBoolean(validator.validateRequestParameters) ?? false,
    requiredParameters,
    requestModels,
  };
}

/** A `$ref` to a model names it; an inline schema is added as a model named after the route and type. */
function modelName(schema: unknown, inlineName: string, models: Record<string, unknown>): string {
  const ref = asString(asRecord(schema)?.$ref);
  const named = ref && /^#\/(?:components\/schemas|definitions)\/(.+)$/.exec(ref)?.[1];
  if (named) return decodeURIComponent(named);
  models[inlineName] = schema;
  return inlineName;
}
