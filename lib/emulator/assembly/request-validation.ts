/**
 * Request validation in the Resource/Method form (plain aws-cdk-lib `RequestValidator` and `Model`):
 * `AWS::ApiGateway::Model` schemas by name, and per method its validator, required `method.request.*`
 * parameters and `RequestModels` (AWS docs: "Request validation for REST APIs in API Gateway").
 */
import type { RequestValidationSpec } from '../../core/transformation';
import type { LoadContext, ResourceEntry } from './load-context';
import { asBoolean, asRecord, asString } from './template-values';

/** Adds every Model to its API, by name and by the id its `Ref` gives (what `$ref` URLs and methods use). */
export function loadModels(context: LoadContext): void {
  for (const entry of context.entries('AWS::ApiGateway::Model')) {
    const api = context.api(entry.prop('RestApiId'));
    if (!api) continue;
    let schema = entry.prop('Schema');
    if (typeof schema === 'string') {
      try {
        schema = JSON.parse(schema);
      } catch {
        context.unsupported(entry.path, 'its Schema is not JSON');
        continue;
      }
    }
    const ref = String(entry.scope.resolve({ Ref: entry.logicalId }));
    const name = asString(entry.prop('Name')) ?? ref;
    api.models[name] = schema ?? {};
    api.models[ref] = schema ?? {};
  }
}

/** The method's validation, or undefined when it has no validator. */
export function methodValidation(entry: ResourceEntry, context: LoadContext): RequestValidationSpec | undefined {
  const validatorId = entry.prop('RequestValidatorId');
  if (validatorId === undefined) return undefined;
  const validator = context.lookup(validatorId);
  if (validator?.type !== 'AWS::ApiGateway::RequestValidator') {
    context.unsupported(entry.path, `its RequestValidatorId ${String(validatorId)} names no RequestValidator`);
    return undefined;
  }
  const requiredParameters = Object.entries(asRecord(entry.prop('RequestParameters')) ?? {})
    .filter(([, required]) => required === true || required === 'true')
    .map(([name]) => name);
  const requestModels: Record<string, string> = {};
  for (const [contentType, model] of Object.entries(asRecord(entry.prop('RequestModels')) ?? {})) {
    const modelEntry = context.lookup(model);
    requestModels[contentType] = asString(modelEntry?.prop('Name')) ?? String(model);
  }
  return {
    validateRequestBody: asBoolean(validator.prop('ValidateRequestBody')) ?? false,
    validateRequestParameters: asBoolean(validator.prop('ValidateRequestParameters')) ?? false,
    requiredParameters,
    requestModels,
  };
}
