/**
 * Reading resolved template values. CloudFormation is lenient about scalar types (`"30"` and `30` are
 * both a valid Timeout), so these accept both and return `undefined` for anything else.
 */

export type JsonRecord = Readonly<Record<string, unknown>>;

export function asRecord(value: unknown): JsonRecord | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonRecord) : undefined;
}

export function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

export function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : undefined;
  }
  return undefined;
}

export function asBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  return undefined;
}

/** A map of strings (stage variables, request parameters, templates); non-scalar entries are dropped. */
export function asStringRecord(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, item] of Object.entries(asRecord(value) ?? {})) {
    const text = asString(item);
    if (text !== undefined) out[key] = text;
  }
  return out;
}

/** `IdentitySource`-style lists: `"a, b"` or `["a", "b"]`. */
export function asCommaList(value: unknown): string[] {
  const items = Array.isArray(value) ? value.map(asString) : (asString(value) ?? '').split(',');
  return items.map((item) => (item ?? '').trim()).filter((item) => item !== '');
}
