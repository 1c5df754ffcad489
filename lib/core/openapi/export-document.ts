/**
 * The shape of an exported (public) OpenAPI 3.0 document: what `exportOpenApi` returns and
 * `portico openapi` prints. The API Gateway extensions appear only when asked for.
 */
import type { ApiKeySource } from '../route-table';
import type {
  GatewayResponseExtension,
  IntegrationExtension,
  MethodResponse,
  Parameter,
  SecurityRequirement,
  SecurityScheme,
} from './openapi-document';
import type { PublicSecurityScheme } from './public-security';

export interface ServerVariable {
  readonly default: string;
  readonly description?: string;
}

export interface ServerObject {
  readonly url: string;
  readonly description?: string;
  readonly variables?: Readonly<Record<string, ServerVariable>>;
}

/** A response object, or a reference to one in `components.responses`. */
export type ExportedResponse = MethodResponse | { readonly $ref: string };

export interface ExportedOperation {
  readonly operationId: string;
  readonly parameters?: readonly Parameter[];
  readonly security?: readonly SecurityRequirement[];
  /** The request body's models (routes with request validation). */
  readonly requestBody?: {
    readonly content: Readonly<Record<string, { readonly schema: { readonly $ref: string } }>>;
  };
  readonly responses: Readonly<Record<string, ExportedResponse>>;
  readonly 'x-amazon-apigateway-request-validator'?: string;
  /** Set when only some of the document's servers serve the operation (e.g. a route only v2 has). */
  readonly servers?: readonly ServerObject[];
  readonly 'x-amazon-apigateway-integration'?: IntegrationExtension;
}

/** Operations keyed by lower-case method (`x-amazon-apigateway-any-method` only with the extensions). */
export interface ExportedPathItem {
  readonly parameters?: readonly Parameter[];
  readonly [method: string]: ExportedOperation | readonly Parameter[] | undefined;
}

export interface ErrorBodySchema {
  readonly type: 'object';
  readonly properties: Readonly<Record<string, { readonly type: 'string'; readonly nullable?: boolean }>>;
}

export interface SharedResponse {
  readonly description: string;
  readonly content: { readonly 'application/json': { readonly schema: { readonly $ref: string } } };
}

export interface ExportedOpenApiDocument {
  readonly openapi: '3.0.3';
  readonly info: { readonly title: string; readonly description?: string; readonly version: string };
  readonly servers?: readonly ServerObject[];
  readonly paths: Readonly<Record<string, ExportedPathItem>>;
  readonly components?: {
    readonly securitySchemes?: Readonly<Record<string, PublicSecurityScheme | SecurityScheme>>;
    readonly responses?: Readonly<Record<string, SharedResponse>>;
    /** The error body schema, and the request models of routes with request validation. */
    readonly schemas?: Readonly<Record<string, ErrorBodySchema | Readonly<Record<string, unknown>>>>;
  };
  readonly 'x-amazon-apigateway-api-key-source'?: ApiKeySource;
  readonly 'x-amazon-apigateway-binary-media-types'?: readonly string[];
  readonly 'x-amazon-apigateway-gateway-responses'?: Readonly<Record<string, GatewayResponseExtension>>;
  readonly 'x-amazon-apigateway-request-validators'?: Readonly<
    Record<string, { readonly validateRequestBody: boolean; readonly validateRequestParameters: boolean }>
  >;
}
