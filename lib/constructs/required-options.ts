/**
 * The constructs' required options, checked where JavaScript callers (and TypeScript callers with a cast)
 * can leave them out: the error names the construct or method, the option and an example, instead of a
 * `TypeError: Cannot read properties of undefined` from deep inside the synth.
 */

/** Throws unless `value` is present (not undefined or null); returns it typed. */
export function requireOption<T>(where: string, option: string, value: T | undefined | null, example: string): T {
  if (value === undefined || value === null) {
    throw new Error(`${where}: ${option} is required (e.g. ${example}).`);
  }
  return value;
}

/** Throws unless `options` is an object holding every named option; `examples` maps each name to an example. */
export function requireOptions<T extends object>(
  where: string,
  options: T | undefined | null,
  examples: { readonly [K in keyof T]?: string },
): T {
  const names = Object.keys(examples) as (keyof T & string)[];
  if (options === undefined || options === null || typeof options !== 'object') {
    throw new Error(
      `${where}: options are required: { ${names.map((name) => `${name}: ${examples[name]}`).join(', ')} }.`,
    );
  }
  for (const name of names) requireOption(where, name, options[name], examples[name] ?? '...');
  return options;
}

/** Throws unless `value` is a non-empty array. */
export function requireList<T>(
  where: string,
  option: string,
  value: readonly T[] | undefined | null,
  example: string,
): readonly T[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new Error(`${where}: ${option} must be a non-empty list (e.g. ${example}).`);
  }
  return value;
}
