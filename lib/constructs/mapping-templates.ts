/**
 * Non-proxy integrations on the Gateway's routes: request templates, passthrough behavior and integration
 * responses (AWS docs: "Mapping templates for REST APIs", "Set up an integration response in API Gateway").
 * Giving a Lambda or HTTP integration templates or integration responses makes it non-proxy (`AWS`/`HTTP`).
 */
import type { ContentHandling, IntegrationMapping, PassthroughBehavior } from '../core/transformation';

export type { ContentHandling, PassthroughBehavior };

export interface IntegrationResponseOptions {
  /**
   * Java regular expression matched against the Lambda function error's `errorMessage` (Lambda) or the
   * backend status code (HTTP, mock), e.g. `'.*\\[NotFound\\].*'` or `'4\\d{2}'`.
   * @default - the default response (taken when no other pattern matches)
   */
  readonly selectionPattern?: string;
  /** The method response status (`'200'`, `'404'`). */
  readonly statusCode: string;
  /**
   * Response templates by content type (`{ 'application/json': '{"id": "$input.path(\'$.ORDER_ID\')"}' }`).
   * @default - the integration's body passes through unmapped
   */
  readonly responseTemplates?: Record<string, string>;
  /**
   * Method response headers, in API Gateway's form: `{ 'method.response.header.X-Id': 'integration.response.body.id' }`
   * (sources: `integration.response.header.<n>`, `integration.response.body[.<JSONPath>]`, `'literal'`, ...).
   * @default - none
   */
  readonly responseParameters?: Record<string, string>;
  /**
   * Binary conversion of the response payload.
   * @default - passthrough
   */
  readonly contentHandling?: ContentHandling;
}

export interface MappingTemplateOptions {
  /**
   * Request templates by content type; the integration becomes non-proxy.
   * @default - none (the body passes through, subject to passthroughBehavior)
   */
  readonly requestTemplates?: Record<string, string>;
  /**
   * What happens to a request whose Content-Type has no template: `WHEN_NO_MATCH` passes it through,
   * `WHEN_NO_TEMPLATES` passes it only when there are no templates at all, `NEVER` answers 415.
   * @default 'WHEN_NO_MATCH'
   */
  readonly passthroughBehavior?: PassthroughBehavior;
  /**
   * Integration responses; the integration becomes non-proxy.
   * @default - one default response with status 200 when the integration is non-proxy
   */
  readonly integrationResponses?: IntegrationResponseOptions[];
}

/** The mapping the options declare, or undefined when they declare none (a proxy integration stays proxy). */
export function integrationMapping(options: MappingTemplateOptions, where: string): IntegrationMapping | undefined {
  if (options.requestTemplates === undefined && options.integrationResponses === undefined) {
    if (options.passthroughBehavior !== undefined) {
      throw new Error(`${where}: passthroughBehavior applies to non-proxy integrations; add requestTemplates.`);
    }
    return undefined;
  }
  const responses = options.integrationResponses ?? [{ statusCode: '200' }];
  const defaults = responses.filter((response) => response.selectionPattern === undefined);
  if (defaults.length > 1) {
    throw new Error(
      `${where}: ${defaults.length} integration responses have no selectionPattern; only one may be the default.`,
    );
  }
  for (const response of responses) {
    if (!/^[1-5]\d\d$/.test(response.statusCode)) {
      throw new Error(
        `${where}: integration response statusCode "${response.statusCode}" is not an HTTP status (100-599).`,
      );
    }
  }
  return {
    requestTemplates: { ...options.requestTemplates },
    passthroughBehavior: options.passthroughBehavior ?? 'WHEN_NO_MATCH',
    responses: responses.map((response) => ({
      ...(response.selectionPattern !== undefined && { selectionPattern: response.selectionPattern }),
      statusCode: response.statusCode,
      responseParameters: { ...response.responseParameters },
      responseTemplates: { ...response.responseTemplates },
      ...(response.contentHandling && { contentHandling: response.contentHandling }),
    })),
  };
}
