/**
 * The normalized route table: what one API (one version) serves. Pure data, no CDK.
 * The constructs build it from the user's props and render it (OpenAPI definition, deployment hash);
 * the emulator builds the same shape from a synthesized template and serves it.
 * ARNs are opaque strings here: CDK tokens at synth time, resolved strings in the emulator.
 */
import type { RouteKey } from './route-key';
import type { IntegrationMapping, RequestValidationSpec } from './transformation';

/** How a caller is authorized on a route. Every route carries an explicit choice (DESIGN principle 3). */
export type AuthorizationSpec =
  | { readonly kind: 'none' }
  | { readonly kind: 'iam' }
  /** A Lambda TOKEN or REQUEST authorizer, or a Cognito user pool authorizer, by name. */
  | { readonly kind: 'authorizer'; readonly authorizer: string; readonly scopes?: readonly string[] };

export type AuthorizerType = 'TOKEN' | 'REQUEST' | 'COGNITO_USER_POOLS';

export interface AuthorizerSpec {
  readonly name: string;
  readonly type: AuthorizerType;
  /** Lambda function ARN (TOKEN/REQUEST). */
  readonly functionArn?: string;
  /** Cognito user pool ARNs (COGNITO_USER_POOLS). */
  readonly providerArns?: readonly string[];
  /**
   * Identity sources in API Gateway's REST form: `method.request.header.Authorization`,
   * `method.request.querystring.token`, `stageVariables.x`, `context.y`.
   */
  readonly identitySources: readonly string[];
  /** Regular expression the TOKEN must match, else 401 without invoking. */
  readonly validationExpression?: string;
  /** 0 disables caching; AWS default 300, max 3600. */
  readonly resultTtlSeconds: number;
}

export type IntegrationSpec =
  | {
      readonly kind: 'lambda';
      /** Function ARN, or an ARN template with `${stageVariables.name}` (stage-based versions). */
      readonly functionArn: string;
      /** Integration timeout in milliseconds (50–29000). */
      readonly timeoutMs: number;
      /** Present for a non-proxy (`AWS`) Lambda integration: templates and integration responses. */
      readonly mapping?: IntegrationMapping;
    }
  | {
      readonly kind: 'http';
      /** Backend URL; may contain `{param}` path variables and `${stageVariables.x}`. */
      readonly url: string;
      /** Method used toward the backend; `ANY` passes the client's method through. */
      readonly method: string;
      readonly timeoutMs: number;
      /** Present for a non-proxy (`HTTP`) integration: templates and integration responses. */
      readonly mapping?: IntegrationMapping;
    }
  | {
      readonly kind: 'mock';
      readonly statusCode: number;
      readonly responseHeaders: Readonly<Record<string, string>>;
      readonly responseBody?: string;
      /** The templates and integration responses as declared; the emulator renders these when present. */
      readonly mapping?: IntegrationMapping;
    }
  | {
      /**
       * An AWS service integration (`Type: AWS` to SQS, DynamoDB, Step Functions, ...): the request is
       * rendered and sent to the service's API (`arn:aws:apigateway:{region}:{service}:action/{Action}` or `:path/...`).
       */
      readonly kind: 'aws';
      readonly uri: string;
      readonly method: string;
      /** IAM role the gateway assumes, as declared. */
      readonly credentials?: string;
      readonly timeoutMs: number;
      readonly mapping: IntegrationMapping;
    }
  | {
      /**
       * Only in the emulator's model: an integration the template declares but that cannot run locally
       * (mapping templates of non-proxy AWS/HTTP integrations). Its route still matches and answers 500.
       */
      readonly kind: 'unsupported';
      /** The integration type the template declares (`AWS`, `HTTP`, ...). */
      readonly type: string;
      readonly uri?: string;
      readonly reason: string;
    };

export interface RouteSpec {
  readonly key: RouteKey;
  readonly authorization: AuthorizationSpec;
  readonly apiKeyRequired: boolean;
  readonly integration: IntegrationSpec;
  /**
   * Integration request parameter mapping in API Gateway's form:
   * `{ 'integration.request.header.x-user-id': 'context.authorizer.principalId' }`.
   */
  readonly requestParameters: Readonly<Record<string, string>>;
  /** Request validation (validator, required parameters, body models), when the method declares it. */
  readonly requestValidation?: RequestValidationSpec;
}

export type ApiKeySource = 'HEADER' | 'AUTHORIZER';

export interface RouteTable {
  readonly routes: readonly RouteSpec[];
  readonly authorizers: readonly AuthorizerSpec[];
  readonly apiKeySource: ApiKeySource;
  readonly binaryMediaTypes: readonly string[];
  /** Request models (JSON Schema draft 4) by name. */
  readonly models?: Readonly<Record<string, unknown>>;
}

/** API Gateway's default authorizer cache TTL (AWS docs: "Configure an API Gateway Lambda authorizer"). */
export const DEFAULT_AUTHORIZER_TTL_SECONDS = 300;
export const MAX_AUTHORIZER_TTL_SECONDS = 3600;
/** REST integration timeout bounds (AWS docs: "Amazon API Gateway quotas"). */
export const MAX_INTEGRATION_TIMEOUT_MS = 29_000;
export const MIN_INTEGRATION_TIMEOUT_MS = 50;
