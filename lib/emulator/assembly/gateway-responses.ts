/**
 * Gateway response overrides (AWS docs: "Gateway response types for API Gateway"), from `AWS::ApiGateway::GatewayResponse` resources or
 * an OpenAPI `x-amazon-apigateway-gateway-responses` map.
 */
import { GATEWAY_RESPONSE_DEFAULTS, type GatewayResponseType } from '../../core/gateway-responses';
import type { GatewayResponseOverride, GatewayResponseOverrides } from '../model';
import type { LoadContext } from './load-context';
import { asNumber, asRecord, asString, asStringRecord } from './template-values';

export type { GatewayResponseOverrides };

export function isGatewayResponseType(type: string): type is GatewayResponseType {
  return type === 'DEFAULT_4XX' || type === 'DEFAULT_5XX' || Object.hasOwn(GATEWAY_RESPONSE_DEFAULTS, type);
}

export function gatewayResponseOverride(
  statusCode: unknown,
  parameters: unknown,
  templates: unknown,
): GatewayResponseOverride {
  return {
    statusCode: asNumber(statusCode),
    responseParameters: asStringRecord(parameters),
    responseTemplates: asStringRecord(templates),
  };
}

/** `x-amazon-apigateway-gateway-responses`: `{ "THROTTLED": { statusCode, responseParameters, responseTemplates } }`. */
export function gatewayResponsesFromOpenApi(value: unknown, problems: string[]): GatewayResponseOverrides {
  const out: GatewayResponseOverrides = {};
  for (const [type, item] of Object.entries(asRecord(value) ?? {})) {
    if (!isGatewayResponseType(type)) {
      problems.push(`gateway response type ${type} is not one of API Gateway's response types`);
      continue;
    }
    const response = asRecord(item) ?? {};
    out[type] = gatewayResponseOverride(response.statusCode, response.responseParameters, response.responseTemplates);
  }
  return out;
}

/** `AWS::ApiGateway::GatewayResponse` resources; they win over the definition's extension. */
export function loadGatewayResponses(context: LoadContext): void {
  for (const entry of context.entries('AWS::ApiGateway::GatewayResponse')) {
    const api = context.api(entry.prop('RestApiId'));
    const type = asString(entry.prop('ResponseType')) ?? '';
    if (!api || !isGatewayResponseType(type)) {
      context.unsupported(
        entry.path,
        api
          ? `response type ${type || '(none)'} is not one of API Gateway's response types`
          : 'the gateway response belongs to a REST API that is not in this assembly',
      );
      continue;
    }
    api.gatewayResponses[type] = gatewayResponseOverride(
      entry.prop('StatusCode'),
      entry.prop('ResponseParameters'),
      entry.prop('ResponseTemplates'),
    );
  }
}
