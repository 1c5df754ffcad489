/**
 * `x-amazon-apigateway-integration` for one route (DG:api-gateway-swagger-extensions-integration): Lambda
 * proxy (`aws_proxy`), HTTP proxy (`http_proxy`) or `mock`, plus the method responses a mock needs.
 */
import type { RouteSpec } from '../route-table';
import { type AwsLocation, lambdaInvocationUri } from './aws-uris';
import { renderMapping } from './mapping-extension';
import type { IntegrationExtension, MethodResponse } from './openapi-document';

export interface RenderedIntegration {
  readonly extension: IntegrationExtension;
  readonly responses: Readonly<Record<string, MethodResponse>>;
}

export function renderIntegration(route: RouteSpec, aws: AwsLocation): RenderedIntegration {
  const integration = route.integration;
  const requestParameters =
    Object.keys(route.requestParameters).length === 0 ? {} : { requestParameters: sorted(route.requestParameters) };
  // Non-proxy integrations (templates and integration responses): AWS docs, "Mapping templates for REST APIs".
  if (integration.kind !== 'unsupported' && integration.mapping) {
    const mapping = renderMapping(integration.mapping);
    const target =
      integration.kind === 'lambda'
        ? { type: 'aws', httpMethod: 'POST', uri: lambdaInvocationUri(integration.functionArn, aws) }
        : integration.kind === 'http'
          ? { type: 'http', httpMethod: integration.method, uri: integration.url }
          : integration.kind === 'aws'
            ? {
                type: 'aws',
                httpMethod: integration.method,
                uri: integration.uri,
                ...(integration.credentials && { credentials: integration.credentials }),
              }
            : { type: 'mock' };
    return {
      extension: {
        ...target,
        ...(integration.kind !== 'mock' && { timeoutInMillis: integration.timeoutMs }),
        ...mapping.fields,
        ...requestParameters,
      },
      responses: mapping.methodResponses,
    };
  }
  switch (integration.kind) {
    case 'aws':
      // Always carries a mapping (handled above); kept for an exhaustive switch.
      return { extension: { type: 'aws', uri: integration.uri, passthroughBehavior: 'when_no_match' }, responses: {} };
    case 'lambda':
      return {
        extension: {
          type: 'aws_proxy',
          // Lambda's Invoke API is always called with POST, whatever the client's method (AWS docs: "Lambda proxy integrations in API Gateway" note).
          httpMethod: 'POST',
          uri: lambdaInvocationUri(integration.functionArn, aws),
          timeoutInMillis: integration.timeoutMs,
          passthroughBehavior: 'when_no_match',
          ...requestParameters,
        },
        // Proxy integrations pass the backend's response through; no method responses are needed.
        responses: {},
      };
    case 'http':
      return {
        extension: {
          type: 'http_proxy',
          httpMethod: integration.method,
          uri: integration.url,
          timeoutInMillis: integration.timeoutMs,
          passthroughBehavior: 'when_no_match',
          ...requestParameters,
        },
        responses: {},
      };
    case 'unsupported':
      // Only a loaded template carries one (portico openapi --aws-extensions): echo what it declared.
      return {
        extension: {
          type: integration.type.toLowerCase(),
          ...(integration.uri && { uri: integration.uri }),
          passthroughBehavior: 'when_no_match',
          ...requestParameters,
        },
        responses: {},
      };
    case 'mock': {
      const statusCode = String(integration.statusCode);
      const headerNames = Object.keys(integration.responseHeaders).sort();
      const responseParameters = Object.fromEntries(
        headerNames.map((name) => [`method.response.header.${name}`, `'${integration.responseHeaders[name]}'`]),
      );
      return {
        extension: {
          type: 'mock',
          passthroughBehavior: 'when_no_match',
          // A mock integration answers with the status code its request template names.
          requestTemplates: { 'application/json': `{"statusCode": ${integration.statusCode}}` },
          responses: {
            default: {
              statusCode,
              ...(headerNames.length === 0 ? {} : { responseParameters }),
              ...(integration.responseBody === undefined
                ? {}
                : { responseTemplates: { 'application/json': integration.responseBody } }),
            },
          },
          ...requestParameters,
        },
        responses: {
          [statusCode]: {
            description: 'Mock response',
            ...(headerNames.length === 0
              ? {}
              : { headers: Object.fromEntries(headerNames.map((name) => [name, { schema: { type: 'string' } }])) }),
          },
        },
      };
    }
  }
}

function sorted(record: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
