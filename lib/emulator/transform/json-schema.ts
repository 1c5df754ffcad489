/**
 * Request body models: JSON Schema draft 4, as API Gateway validates them (AWS docs: "Data models for REST
 * APIs"), on ajv with its draft-04 dialect. A model may `$ref` another model of the same API by its URL
 * `https://apigateway.amazonaws.com/restapis/{restapi_id}/models/{model_name}`; the API id does not matter
 * locally, so every such reference is read by model name. Compiled once per API at load time.
 */
import Ajv from 'ajv-draft-04';

/** Where API Gateway's model URLs point, with the API id left out. */
const MODEL_URL = /^https:\/\/apigateway\.amazonaws\.com\/restapis\/[^/]+\/models\/([^/#]+)(#.*)?$/;
/** In an OpenAPI definition, models reference each other as `#/components/schemas/{name}`. */
const COMPONENT_REF = /^#\/components\/schemas\/([^/#]+)()$/;
const LOCAL_BASE = 'https://apigateway.amazonaws.com/restapis/local/models/';

export interface ModelValidation {
  readonly valid: boolean;
  /** fge-style detail for `$context.error.validationErrorString`, e.g. `[object has missing required properties (["name"])]`. */
  readonly errors: readonly string[];
}

export type ModelValidator = (body: unknown) => ModelValidation;

export interface ModelSet {
  /** The validator of a model by name; undefined when the API has no such model. */
  validator(name: string): ModelValidator | undefined;
  /** Models whose schema does not compile (a missing `$ref`, an invalid schema), with the reason. */
  readonly problems: readonly { readonly model: string; readonly reason: string }[];
}

/** Compiles an API's models (name → JSON Schema). `Empty` (any object) exists on every API. */
export function compileModels(models: Readonly<Record<string, unknown>>): ModelSet {
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false, logger: false });
  const all: Record<string, unknown> = { Empty: { type: 'object' }, ...models };
  for (const [name, schema] of Object.entries(all)) {
    const local = localSchema(schema);
    try {
      ajv.addSchema(local as object, `${LOCAL_BASE}${encodeURIComponent(name)}`);
    } catch {
      // Reported when the model is compiled below.
    }
  }
  const problems: { model: string; reason: string }[] = [];
  const validators = new Map<string, ModelValidator>();
  for (const name of Object.keys(all)) {
    try {
      const validate = ajv.getSchema(`${LOCAL_BASE}${encodeURIComponent(name)}`);
      if (!validate) throw new Error('the schema is not valid JSON Schema draft 4');
      validators.set(name, (body) => {
        const valid = validate(body) as boolean;
        return { valid, errors: valid ? [] : (validate.errors ?? []).map(describeError) };
      });
    } catch (error) {
      problems.push({ model: name, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return { validator: (name) => validators.get(name), problems };
}

/** A copy of a schema with model URLs rewritten to the local base and its own `id` dropped. */
function localSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(localSchema);
  if (schema === null || typeof schema !== 'object') return schema;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'id' || key === '$schema') continue;
    if (key === '$ref' && typeof value === 'string') {
      const match = MODEL_URL.exec(value) ?? COMPONENT_REF.exec(value);
      copy[key] = match ? `${LOCAL_BASE}${match[1]}${match[2] ?? ''}` : value;
    } else copy[key] = localSchema(value);
  }
  return copy;
}

function describeError(error: { instancePath: string; keyword: string; message?: string; params: object }): string {
  const where = error.instancePath === '' ? '' : ` at "${error.instancePath}"`;
  if (error.keyword === 'required') {
    const missing = (error.params as { missingProperty?: string }).missingProperty;
    return `object has missing required properties (["${missing}"])${where}`;
  }
  return `${error.message ?? error.keyword}${where}`;
}
