/**
 * Integration responses (AWS docs: "Set up an integration response in API Gateway", "Handle Lambda errors
 * in API Gateway"): pick the response whose `selectionPattern` matches the Lambda error message (AWS) or the
 * backend status (HTTP, MOCK), else the default one; then map headers and render the response template
 * chosen by the client's `Accept`.
 */
import type { IntegrationResponseSpec } from '../../../core/transformation';
import { evaluateJsonPath } from '../../transform/json-path';

/** What selection is matched against: a Lambda function error's message, or a backend status code. */
export type SelectionInput =
  | { readonly kind: 'lambda'; readonly errorMessage?: string }
  | { readonly kind: 'status'; readonly status?: number };

/**
 * The matching integration response, else the default one; undefined when neither exists.
 * A pattern is a Java regular expression matched against the whole text (`Pattern.matches`); a successful
 * Lambda result never matches a pattern and takes the default response (recorded on AWS: a `200` pattern
 * does not fire on success).
 */
export function selectIntegrationResponse(
  responses: readonly IntegrationResponseSpec[],
  input: SelectionInput,
): IntegrationResponseSpec | undefined {
  const text =
    input.kind === 'lambda' ? input.errorMessage : input.status === undefined ? undefined : String(input.status);
  if (text !== undefined) {
    for (const response of responses) {
      if (response.selectionPattern !== undefined && wholeMatch(response.selectionPattern, text)) return response;
    }
  }
  return responses.find((response) => response.selectionPattern === undefined);
}

const patterns = new Map<string, RegExp | null>();

function wholeMatch(pattern: string, text: string): boolean {
  let regex = patterns.get(pattern);
  if (regex === undefined) {
    try {
      regex = new RegExp(`^(?:${pattern})$`);
    } catch {
      regex = null;
    }
    patterns.set(pattern, regex);
  }
  return regex?.test(text) ?? false;
}

/** The integration's answer, as response parameter mappings read it. */
export interface IntegrationAnswer {
  readonly headers: readonly (readonly [string, string])[];
  readonly body: string;
}

/**
 * `method.response.header.X` values from `integration.response.header.Y`, `integration.response.body`,
 * `integration.response.body.<JSONPath>`, or any request-side source `requestSource` knows (literals,
 * `stageVariables.*`, `context.*`, `method.request.*`). A source without a value maps nothing.
 */
export function mapResponseParameters(
  responseParameters: Readonly<Record<string, string>>,
  answer: IntegrationAnswer,
  requestSource: (expression: string) => string | undefined,
): [string, string][] {
  const headers: [string, string][] = [];
  let parsed: { value: unknown } | undefined;
  for (const [target, source] of Object.entries(responseParameters)) {
    const name = /^method\.response\.header\.(.+)$/.exec(target)?.[1];
    if (!name) continue;
    let value: string | undefined;
    const header = /^integration\.response\.(multivalueheader|header)\.(.+)$/.exec(source);
    if (header) {
      const lower = header[2].toLowerCase();
      const values = answer.headers.filter(([key]) => key.toLowerCase() === lower).map(([, v]) => v);
      value = values.length === 0 ? undefined : header[1] === 'header' ? values[values.length - 1] : values.join(',');
    } else if (source === 'integration.response.body') {
      value = answer.body;
    } else if (source.startsWith('integration.response.body.')) {
      if (!parsed) {
        try {
          parsed = { value: JSON.parse(answer.body) };
        } catch {
          parsed = { value: undefined };
        }
      }
      const found = evaluateJsonPath(`$.${source.slice('integration.response.body.'.length)}`, parsed.value);
      value =
        found === undefined || found === null ? undefined : typeof found === 'string' ? found : JSON.stringify(found);
    } else {
      value = requestSource(source);
    }
    if (value !== undefined) headers.push([name, value]);
  }
  return headers;
}

/** The response template for the client's `Accept` type, else the first one declared (AWS docs: "Mapping templates for REST APIs"). */
export function responseTemplateFor(
  templates: Readonly<Record<string, string>>,
  accept: string,
): { readonly contentType: string; readonly source: string } | undefined {
  if (templates[accept] !== undefined) return { contentType: accept, source: templates[accept] };
  const first = Object.entries(templates)[0];
  return first && { contentType: first[0], source: first[1] };
}
