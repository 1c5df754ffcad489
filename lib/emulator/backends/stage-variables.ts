/** `${stageVariables.name}` substitution in integration URIs and backend URLs (AWS docs: "Stage variables for REST APIs"). */

const STAGE_VARIABLE = /\$\{stageVariables\.([A-Za-z0-9_]+)\}/g;

export function hasStageVariables(template: string): boolean {
  return template.includes('${stageVariables.');
}

/** Replaces every stage variable; undefined when one is not set on the stage (AWS answers 500 then). */
export function substituteStageVariables(
  template: string,
  variables: Readonly<Record<string, string>>,
): string | undefined {
  let missing = false;
  const result = template.replace(STAGE_VARIABLE, (_, name: string) => {
    const value = variables[name];
    if (value === undefined) missing = true;
    return value ?? '';
  });
  return missing ? undefined : result;
}
