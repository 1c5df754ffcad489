/**
 * `{name}` templates in member paths and query values, filled from the composite's path parameters.
 * REST hands path parameters to Lambda still URL-encoded (AWS docs: "Amazon API Gateway important notes", docs/aws-behaviour.md, "REST paths"), so a path keeps the value
 * as the caller sent it, while a query value gets it decoded (the URL builder encodes it again).
 */

const VARIABLE = /\{([A-Za-z0-9._:-]+)\}/g;

/** Names of the `{variables}` a template uses, in order of appearance. */
export function templateVariables(template: string): string[] {
  return [...template.matchAll(VARIABLE)].map((match) => match[1]);
}

/** Fills a member path; values are inserted as received (still URL-encoded). */
export function fillPath(template: string, pathParameters: Readonly<Record<string, string>>): string {
  return template.replace(VARIABLE, (_, name: string) => parameter(pathParameters, name));
}

/** Fills a query value; values are URL-decoded, as API Gateway decodes query values for the member. */
export function fillQueryValue(template: string, pathParameters: Readonly<Record<string, string>>): string {
  return template.replace(VARIABLE, (_, name: string) => decoded(parameter(pathParameters, name)));
}

function parameter(pathParameters: Readonly<Record<string, string>>, name: string): string {
  const value = pathParameters[name];
  // The construct checks at synth that every variable is a path parameter of the composite route.
  if (value === undefined) throw new Error(`The composite route has no path parameter {${name}}`);
  return value;
}

function decoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
