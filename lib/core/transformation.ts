/**
 * Request and response transformation on REST APIs, as plain data both sides agree on: the constructs
 * render it into the definition, the emulator reads it back from the template and runs it
 * (AWS docs: "Mapping templates for REST APIs", "Request validation for REST APIs in API Gateway").
 */

/** What a non-proxy integration does with a request whose Content-Type has no template (AWS docs: "Method request behavior for payloads without mapping templates"). */
export type PassthroughBehavior = 'WHEN_NO_MATCH' | 'WHEN_NO_TEMPLATES' | 'NEVER';

export type ContentHandling = 'CONVERT_TO_TEXT' | 'CONVERT_TO_BINARY';

export interface IntegrationResponseSpec {
  /**
   * Java regular expression matched against the Lambda error message (AWS integrations) or the backend
   * status code (HTTP, MOCK); undefined for the default response.
   */
  readonly selectionPattern?: string;
  /** The method response status this integration response answers with. */
  readonly statusCode: string;
  /** `method.response.header.X` ← `integration.response.header.Y`, `integration.response.body.a.b`, `'literal'`, ... */
  readonly responseParameters: Readonly<Record<string, string>>;
  /** Response templates by content type. */
  readonly responseTemplates: Readonly<Record<string, string>>;
  readonly contentHandling?: ContentHandling;
}

/** The transformation of a non-proxy (`AWS`, `HTTP`, `MOCK`) integration. */
export interface IntegrationMapping {
  /** Request templates by content type. */
  readonly requestTemplates: Readonly<Record<string, string>>;
  /** @default 'WHEN_NO_MATCH' */
  readonly passthroughBehavior: PassthroughBehavior;
  readonly contentHandling?: ContentHandling;
  readonly responses: readonly IntegrationResponseSpec[];
}

/** Method request validation: which parts a request validator checks, and against what. */
export interface RequestValidationSpec {
  readonly validateRequestBody: boolean;
  readonly validateRequestParameters: boolean;
  /** Required method request parameters: `method.request.querystring.q`, `method.request.header.h`, `method.request.path.p`. */
  readonly requiredParameters: readonly string[];
  /** Model names by content type (`application/json` → `Order`; `$default` for any other). */
  readonly requestModels: Readonly<Record<string, string>>;
}

/** Splits a `method.request.<location>.<name>` expression. */
export function methodRequestParameter(
  expression: string,
): { readonly location: 'path' | 'querystring' | 'header'; readonly name: string } | undefined {
  const match = /^method\.request\.(path|querystring|header|multivaluequerystring|multivalueheader)\.(.+)$/.exec(
    expression,
  );
  if (!match) return undefined;
  const location = match[1].replace('multivalue', '') as 'querystring' | 'header' | 'path';
  return { location, name: match[2] };
}
