/**
 * The subset of OpenAPI 3.0 that API Gateway imports for a REST API, with its `x-amazon-apigateway-*`
 * extensions (DG:api-gateway-swagger-extensions). Pure data: values may be CDK token strings at synth time.
 */

export interface OpenApiDocument {
  readonly openapi: '3.0.1';
  readonly info: { readonly title: string; readonly description?: string; readonly version: string };
  readonly paths: Readonly<Record<string, PathItem>>;
  readonly components?: {
    readonly securitySchemes?: Readonly<Record<string, SecurityScheme>>;
    /** Request models (JSON Schema draft 4) by name. */
    readonly schemas?: Readonly<Record<string, unknown>>;
  };
  readonly 'x-amazon-apigateway-api-key-source': 'HEADER' | 'AUTHORIZER';
  readonly 'x-amazon-apigateway-binary-media-types'?: readonly string[];
  readonly 'x-amazon-apigateway-gateway-responses'?: Readonly<Record<string, GatewayResponseExtension>>;
  readonly 'x-amazon-apigateway-request-validators'?: Readonly<
    Record<string, { readonly validateRequestBody: boolean; readonly validateRequestParameters: boolean }>
  >;
}

/** One entry of `x-amazon-apigateway-gateway-responses`, keyed by response type (`DEFAULT_4XX`, `UNAUTHORIZED`). */
export interface GatewayResponseExtension {
  readonly statusCode?: string;
  /** `{ 'gatewayresponse.header.Cache-Control': "'no-store'" }` */
  readonly responseParameters?: Readonly<Record<string, string>>;
  readonly responseTemplates?: Readonly<Record<string, string>>;
  readonly contentHandling?: string;
}

/** Operations keyed by lower-case method; API Gateway's `ANY` is `x-amazon-apigateway-any-method`. */
export interface PathItem {
  readonly parameters?: readonly Parameter[];
  readonly [method: string]: Operation | readonly Parameter[] | undefined;
}

export interface Parameter {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header';
  readonly required: boolean;
  readonly schema: { readonly type: 'string' };
}

/** Each object in `security` is one requirement; the schemes inside it must all pass (authorizer AND API key). */
export type SecurityRequirement = Readonly<Record<string, readonly string[]>>;

export interface Operation {
  readonly operationId?: string;
  readonly parameters?: readonly Parameter[];
  readonly security?: readonly SecurityRequirement[];
  readonly requestBody?: {
    readonly content: Readonly<Record<string, { readonly schema: { readonly $ref: string } }>>;
  };
  readonly responses: Readonly<Record<string, MethodResponse>>;
  readonly 'x-amazon-apigateway-request-validator'?: string;
  readonly 'x-amazon-apigateway-integration': IntegrationExtension;
}

export interface MethodResponse {
  readonly description: string;
  readonly headers?: Readonly<Record<string, { readonly schema: { readonly type: 'string' } }>>;
}

export interface IntegrationExtension {
  readonly type: 'aws_proxy' | 'http_proxy' | 'mock' | 'aws' | 'http' | (string & {});
  readonly httpMethod?: string;
  readonly uri?: string;
  readonly timeoutInMillis?: number;
  readonly passthroughBehavior: 'when_no_match' | (string & {});
  readonly contentHandling?: string;
  readonly credentials?: string;
  readonly requestParameters?: Readonly<Record<string, string>>;
  readonly requestTemplates?: Readonly<Record<string, string>>;
  readonly responses?: Readonly<Record<string, IntegrationResponse>>;
}

export interface IntegrationResponse {
  readonly statusCode: string;
  readonly responseParameters?: Readonly<Record<string, string>>;
  readonly responseTemplates?: Readonly<Record<string, string>>;
}

export interface SecurityScheme {
  readonly type: 'apiKey';
  /** Header the credential is read from (`Unused` for REQUEST authorizers, as API Gateway exports them). */
  readonly name: string;
  readonly in: 'header';
  readonly 'x-amazon-apigateway-authtype'?: 'custom' | 'cognito_user_pools' | 'awsSigv4';
  readonly 'x-amazon-apigateway-authorizer'?: AuthorizerExtension;
}

export interface AuthorizerExtension {
  readonly type: 'token' | 'request' | 'cognito_user_pools';
  readonly identitySource?: string;
  readonly authorizerUri?: string;
  readonly authorizerResultTtlInSeconds: number;
  readonly identityValidationExpression?: string;
  readonly providerARNs?: readonly string[];
}
