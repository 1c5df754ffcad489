export type { AwsLocation } from './aws-uris';
export { lambdaInvocationUri } from './aws-uris';
export {
  type ExportedApi,
  exportOpenApi,
  OpenApiExportError,
  type OpenApiExportOptions,
} from './export';
export type * from './export-document';
export { renderGatewayResponseHeaders } from './gateway-responses';
export type * from './openapi-document';
export type { PublicSecurityScheme } from './public-security';
export {
  DEFAULT_ROUTE_PATH,
  type HttpDefinitionOptions,
  type HttpOpenApiDocument,
  renderHttpDefinition,
} from './render-http-definition';
export { operationKey, type RestDefinitionOptions, renderRestDefinition } from './render-rest-definition';
export { API_KEY_SCHEME, IAM_SCHEME, RESERVED_SCHEME_NAMES } from './security-schemes';
