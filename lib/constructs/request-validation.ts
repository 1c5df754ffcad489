/**
 * Request validation on the Gateway's routes (AWS docs: "Request validation for REST APIs in API Gateway"):
 * required query strings and headers, and a JSON Schema (draft 4) for the JSON body, rendered as a request
 * validator, method parameters and a model in `components.schemas`.
 */
import type { RequestValidationSpec } from '../core/transformation';

export interface RequestValidationOptions {
  /**
   * JSON Schema (draft 4) the `application/json` body must satisfy; may `$ref` the models in `models` as
   * `#/components/schemas/<name>`.
   * @default - the body is not validated
   */
  readonly bodySchema?: Record<string, unknown>;
  /**
   * Name of the body's model (letters and digits).
   * @default - from the route: `POST /orders` → `PostOrdersBody`
   */
  readonly modelName?: string;
  /**
   * Other models the body schema references, by name.
   * @default - none
   */
  readonly models?: Record<string, Record<string, unknown>>;
  /**
   * Query strings that must be present and not blank.
   * @default - none
   */
  readonly requiredQueryStrings?: string[];
  /**
   * Headers that must be present and not blank.
   * @default - none
   */
  readonly requiredHeaders?: string[];
}

const MODEL_NAME = /^[A-Za-z0-9]+$/;

/** The route's validation spec and the models it brings, or a thrown error naming the route and the fix. */
export function resolveRequestValidation(
  routeName: string,
  options: RequestValidationOptions,
): { readonly spec: RequestValidationSpec; readonly models: Readonly<Record<string, Record<string, unknown>>> } {
  const modelName = options.modelName ?? defaultModelName(routeName);
  const models: Record<string, Record<string, unknown>> = { ...options.models };
  for (const name of [...Object.keys(models), ...(options.bodySchema ? [modelName] : [])]) {
    if (!MODEL_NAME.test(name)) {
      throw new Error(
        `Route "${routeName}": model name "${name}" must use only letters and digits (API Gateway's rule).`,
      );
    }
  }
  if (options.bodySchema) models[modelName] = options.bodySchema;
  const requiredParameters = [
    ...(options.requiredHeaders ?? []).map((name) => `method.request.header.${name}`),
    ...(options.requiredQueryStrings ?? []).map((name) => `method.request.querystring.${name}`),
  ];
  if (!options.bodySchema && requiredParameters.length === 0) {
    throw new Error(
      `Route "${routeName}": requestValidation needs a bodySchema, requiredQueryStrings or requiredHeaders.`,
    );
  }
  return {
    spec: {
      validateRequestBody: options.bodySchema !== undefined,
      validateRequestParameters: requiredParameters.length > 0,
      requiredParameters,
      requestModels: options.bodySchema ? { 'application/json': modelName } : {},
    },
    models,
  };
}

function defaultModelName(routeName: string): string {
  const words = routeName.split(/[^A-Za-z0-9]+/).filter((word) => word !== '');
  return `${words.map((word) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase()).join('')}Body`;
}
