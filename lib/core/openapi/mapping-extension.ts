/**
 * The transformation parts of `x-amazon-apigateway-integration` (AWS docs: "x-amazon-apigateway-integration
 * object", "x-amazon-apigateway-integration.responses object"): request templates, passthrough behavior,
 * content handling and integration responses keyed by selection pattern (`default` for the default one),
 * plus the method responses those integration responses answer with.
 */
import type { IntegrationMapping } from '../transformation';
import type { IntegrationResponse, MethodResponse } from './openapi-document';

export interface RenderedMapping {
  readonly fields: {
    readonly requestTemplates?: Readonly<Record<string, string>>;
    readonly passthroughBehavior: string;
    readonly contentHandling?: string;
    readonly responses?: Readonly<Record<string, IntegrationResponse>>;
  };
  readonly methodResponses: Readonly<Record<string, MethodResponse>>;
}

export function renderMapping(mapping: IntegrationMapping): RenderedMapping {
  const responses: Record<string, IntegrationResponse> = {};
  const methodResponses: Record<string, MethodResponse> = {};
  for (const response of mapping.responses) {
    responses[response.selectionPattern ?? 'default'] = {
      statusCode: response.statusCode,
      ...(Object.keys(response.responseParameters).length > 0 && {
        responseParameters: { ...response.responseParameters },
      }),
      ...(Object.keys(response.responseTemplates).length > 0 && {
        responseTemplates: { ...response.responseTemplates },
      }),
      ...(response.contentHandling && { contentHandling: response.contentHandling }),
    };
    const headers = Object.keys(response.responseParameters).flatMap(
      (target) => /^method\.response\.header\.(.+)$/.exec(target)?.[1] ?? [],
    );
    const existing = methodResponses[response.statusCode]?.headers ?? {};
    methodResponses[response.statusCode] = {
      description: `${response.statusCode} response`,
      ...((headers.length > 0 || Object.keys(existing).length > 0) && {
        headers: {
          ...existing,
          ...Object.fromEntries(headers.sort().map((name) => [name, { schema: { type: 'string' as const } }])),
        },
      }),
    };
  }
  return {
    fields: {
      ...(Object.keys(mapping.requestTemplates).length > 0 && { requestTemplates: { ...mapping.requestTemplates } }),
      passthroughBehavior: mapping.passthroughBehavior.toLowerCase(),
      ...(mapping.contentHandling && { contentHandling: mapping.contentHandling }),
      ...(mapping.responses.length > 0 && { responses }),
    },
    methodResponses,
  };
}
