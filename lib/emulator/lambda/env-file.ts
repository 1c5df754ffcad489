/**
 * Environment overrides in SAM CLI's `--env-vars` file format, so a file written for
 * `sam local start-api` works unchanged:
 *
 * ```json
 * { "Parameters": { "STAGE": "local" }, "UsersFunction": { "TABLE_NAME": "users-local" } }
 * ```
 *
 * `Parameters` apply to every function; an entry keyed by a function's logical id, name or
 * construct path applies to that function and wins over `Parameters`.
 */
import * as fs from 'node:fs';
import type { FunctionModel } from '../model';

/** Variable values by function key (`Parameters`, a logical id, a function name or a construct path). */
export type EnvOverrides = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** The key whose variables apply to every function. */
export const ALL_FUNCTIONS_KEY = 'Parameters';

export class EnvFileError extends Error {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`Environment variables file ${file}: ${detail}`);
    this.name = 'EnvFileError';
  }
}

export function loadEnvOverrides(file: string): EnvOverrides {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new EnvFileError(file, `cannot be read (${(error as Error).message})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new EnvFileError(file, `is not valid JSON (${(error as Error).message})`);
  }
  return parseEnvOverrides(parsed, file);
}

/** Validates the parsed file: an object of objects whose values are all strings. */
export function parseEnvOverrides(value: unknown, file: string): EnvOverrides {
  if (!isPlainObject(value)) {
    throw new EnvFileError(
      file,
      'must be a JSON object like { "Parameters": { "VAR": "value" }, "<FunctionLogicalId>": { ... } }',
    );
  }
  const overrides: Record<string, Record<string, string>> = {};
  for (const [key, variables] of Object.entries(value)) {
    if (!isPlainObject(variables)) {
      throw new EnvFileError(file, `"${key}" must be an object of variable names to string values`);
    }
    for (const [name, variable] of Object.entries(variables)) {
      if (typeof variable !== 'string') {
        // Lambda variables are strings only; `"PORT": 3000` must be written `"PORT": "3000"`.
        throw new EnvFileError(file, `"${key}.${name}" must be a string, got ${JSON.stringify(variable)}`);
      }
    }
    overrides[key] = { ...(variables as Record<string, string>) };
  }
  return overrides;
}

/**
 * The overrides that apply to `fn`, most specific last. Like SAM, a file entry replaces only a
 * variable the template declares: what runs locally must not depend on a variable the deployed
 * function will not have.
 */
export function overridesFor(overrides: EnvOverrides | undefined, fn: FunctionModel): Record<string, string> {
  if (!overrides) return {};
  // SAM's precedence, lowest first: global Parameters, construct path, function name, logical id.
  const keys = [ALL_FUNCTIONS_KEY, fn.path, fn.functionName, fn.logicalId];
  const applied: Record<string, string> = {};
  for (const key of keys) {
    const variables = Object.hasOwn(overrides, key) ? overrides[key] : undefined;
    for (const [name, value] of Object.entries(variables ?? {})) {
      if (Object.hasOwn(fn.environment, name)) applied[name] = value;
    }
  }
  return applied;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
