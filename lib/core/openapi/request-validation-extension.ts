/**
 * Request validation in the definition (AWS docs: "x-amazon-apigateway-request-validators object",
 * "x-amazon-apigateway-request-validator property", "Data models for REST APIs"): the validators the routes
 * use, once per document; per operation the validator by name, its required parameters and the request
 * body's models as `$ref`s into `components.schemas`.
 */
import type { RouteSpec, RouteTable } from '../route-table';
import { methodRequestParameter, type RequestValidationSpec } from '../transformation';
import type { Parameter } from './openapi-document';

export interface RequestValidatorExtension {
  readonly validateRequestBody: boolean;
  readonly validateRequestParameters: boolean;
}

/** API Gateway's own names for the three useful validators (as the console exports them). */
export function validatorName(validation: RequestValidationSpec): string | undefined {
  if (validation.validateRequestBody && validation.validateRequestParameters) return 'body-and-params';
  if (validation.validateRequestBody) return 'body-only';
  if (validation.validateRequestParameters) return 'params-only';
  return undefined;
}

/** Document-level parts: `x-amazon-apigateway-request-validators` and `components.schemas`. */
export function renderRequestValidators(table: RouteTable): {
  readonly validators?: Readonly<Record<string, RequestValidatorExtension>>;
  readonly schemas?: Readonly<Record<string, unknown>>;
} {
  const validators: Record<string, RequestValidatorExtension> = {};
  for (const route of table.routes) {
    const validation = route.requestValidation;
    const name = validation && validatorName(validation);
    if (!validation || !name) continue;
    validators[name] = {
      validateRequestBody: validation.validateRequestBody,
      validateRequestParameters: validation.validateRequestParameters,
    };
  }
  const models = table.models ?? {};
  const sortedNames = Object.keys(models).sort();
  return {
    ...(Object.keys(validators).length > 0 && {
      validators: Object.fromEntries(
        Object.keys(validators)
          .sort()
          .map((n) => [n, validators[n]]),
      ),
    }),
    ...(sortedNames.length > 0 && { schemas: Object.fromEntries(sortedNames.map((n) => [n, models[n]])) }),
  };
}

/** Operation-level parts: the validator's name, required parameters, and the body models by content type. */
export function renderOperationValidation(route: RouteSpec): {
  readonly validator?: string;
  readonly parameters: readonly Parameter[];
  readonly requestBody?: { readonly content: Readonly<Record<string, { readonly schema: { readonly $ref: string } }>> };
} {
  const validation = route.requestValidation;
  if (!validation) return { parameters: [] };
  const parameters = validation.requiredParameters.flatMap((expression): Parameter[] => {
    const parameter = methodRequestParameter(expression);
    if (!parameter || parameter.location === 'path') return [];
    return [
      {
        name: parameter.name,
        in: parameter.location === 'header' ? 'header' : 'query',
        required: true,
        schema: { type: 'string' },
      },
    ];
  });
  const contentTypes = Object.keys(validation.requestModels).sort();
  const name = validatorName(validation);
  return {
    ...(name && { validator: name }),
    parameters,
    ...(contentTypes.length > 0 && {
      requestBody: {
        content: Object.fromEntries(
          contentTypes.map((type) => [
            type,
            { schema: { $ref: `#/components/schemas/${validation.requestModels[type]}` } },
          ]),
        ),
      },
    }),
  };
}
