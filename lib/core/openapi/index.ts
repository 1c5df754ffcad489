export type { AwsLocation } from './aws-uris';
export { lambdaInvocationUri } from './aws-uris';
export type * from './openapi-document';
export { operationKey, type RestDefinitionOptions, renderRestDefinition } from './render-rest-definition';
export { API_KEY_SCHEME, IAM_SCHEME, RESERVED_SCHEME_NAMES } from './security-schemes';
