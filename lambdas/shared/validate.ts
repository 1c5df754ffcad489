/** Input checks for JSON bodies: each failure is a 400 that names the field and what was expected. */
import { BadRequestError } from './http';

export type JsonObject = Record<string, unknown>;

export function asObject(value: unknown, what: string): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new BadRequestError(`${what} must be a JSON object`);
  }
  return value as JsonObject;
}

export interface StringRule {
  readonly maxLength?: number;
  readonly pattern?: RegExp;
  /** Describes `pattern` in the error message, e.g. "an email address". */
  readonly patternName?: string;
}

export function requiredString(object: JsonObject, field: string, rule: StringRule = {}): string {
  const value = object[field];
  if (value === undefined || value === null) throw new BadRequestError(`${field} is required`);
  return checkString(value, field, rule);
}

export function optionalString(object: JsonObject, field: string, rule: StringRule = {}): string | undefined {
  const value = object[field];
  return value === undefined || value === null ? undefined : checkString(value, field, rule);
}

function checkString(value: unknown, field: string, rule: StringRule): string {
  if (typeof value !== 'string') throw new BadRequestError(`${field} must be a string`);
  const trimmed = value.trim();
  if (trimmed === '') throw new BadRequestError(`${field} must not be empty`);
  if (rule.maxLength !== undefined && trimmed.length > rule.maxLength) {
    throw new BadRequestError(`${field} must be at most ${rule.maxLength} characters`);
  }
  if (rule.pattern && !rule.pattern.test(trimmed)) {
    throw new BadRequestError(`${field} must be ${rule.patternName ?? `a string matching ${rule.pattern}`}`);
  }
  return trimmed;
}

export function requiredInteger(object: JsonObject, field: string, min: number, max: number): number {
  const value = object[field];
  if (value === undefined || value === null) throw new BadRequestError(`${field} is required`);
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new BadRequestError(`${field} must be an integer from ${min} to ${max}`);
  }
  return value;
}

/** A query parameter that must be an integer in range; `undefined` gives the fallback. */
export function integerParameter(
  raw: string | undefined,
  name: string,
  min: number,
  max: number,
  fallback: number,
): number {
  if (raw === undefined) return fallback;
  const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new BadRequestError(`Query parameter ${name} must be an integer from ${min} to ${max}`);
  }
  return value;
}
