/**
 * The pieces of API Gateway's parameter mapping syntax that Portico writes itself: header names and
 * static values (DG:api-gateway-swagger-extensions-integration-requestParameters, DG:rest-api-parameter-mapping).
 */

/** The characters an HTTP header name may use (RFC 9110 token). */
export const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** A static mapping value: API Gateway reads the text between single quotes. */
export function staticValue(value: string): string {
  return `'${value}'`;
}

/**
 * Problems with a set of headers given as name → value: names that are not header names, and one
 * name given twice in different letter case (headers are case-insensitive, so only one would survive).
 */
export function headerNameProblems(names: readonly string[]): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const name of names) {
    if (!HEADER_NAME.test(name)) problems.push(`"${name}" is not an HTTP header name`);
    const earlier = seen.get(name.toLowerCase());
    if (earlier !== undefined) problems.push(`"${earlier}" and "${name}" name the same header`);
    seen.set(name.toLowerCase(), name);
  }
  return problems;
}
