/**
 * Integrations, from either form a REST API can take: a CloudFormation `Integration` property or an
 * OpenAPI `x-amazon-apigateway-integration`. Both become one declaration, then one `IntegrationSpec`.
 */
import { type IntegrationSpec, MAX_INTEGRATION_TIMEOUT_MS } from '../../core/route-table';
import type { ContentHandling, IntegrationMapping, PassthroughBehavior } from '../../core/transformation';
import { asArray, asNumber, asRecord, asString, asStringRecord } from './template-values';

export interface IntegrationDeclaration {
  /** `AWS_PROXY`, `HTTP_PROXY`, `MOCK`, `AWS`, `HTTP` (any case). */
  readonly type?: string;
  readonly httpMethod?: string;
  readonly uri?: string;
  readonly timeoutInMillis?: number;
  readonly requestParameters: Readonly<Record<string, string>>;
  readonly requestTemplates: Readonly<Record<string, string>>;
  readonly responses: readonly IntegrationResponseDeclaration[];
  readonly passthroughBehavior?: string;
  readonly contentHandling?: string;
  /** IAM role for AWS service integrations. */
  readonly credentials?: string;
}

export interface IntegrationResponseDeclaration {
  /** Regular expression matched against the status code (MOCK) or error; undefined for the default response. */
  readonly selectionPattern?: string;
  readonly statusCode?: string;
  readonly responseParameters: Readonly<Record<string, string>>;
  readonly responseTemplates: Readonly<Record<string, string>>;
  readonly contentHandling?: string;
}

export type IntegrationResult =
  | { readonly ok: true; readonly spec: IntegrationSpec }
  | { readonly ok: false; readonly reason: string };

/** CloudFormation `AWS::ApiGateway::Method` `Integration` (already resolved). */
export function integrationFromCfn(value: unknown): IntegrationDeclaration | undefined {
  const integration = asRecord(value);
  if (!integration) return undefined;
  return {
    type: asString(integration.Type),
    httpMethod: asString(integration.IntegrationHttpMethod),
    uri: asString(integration.Uri),
    timeoutInMillis: asNumber(integration.TimeoutInMillis),
    requestParameters: asStringRecord(integration.RequestParameters),
    requestTemplates: asStringRecord(integration.RequestTemplates),
    passthroughBehavior: asString(integration.PassthroughBehavior),
    contentHandling: asString(integration.ContentHandling),
    credentials: asString(integration.Credentials),
    responses: asArray(integration.IntegrationResponses).map((item) => {
      const response = asRecord(item) ?? {};
      return {
        selectionPattern: asString(response.SelectionPattern) || undefined,
        statusCode: asString(response.StatusCode),
        responseParameters: asStringRecord(response.ResponseParameters),
        responseTemplates: asStringRecord(response.ResponseTemplates),
        contentHandling: asString(response.ContentHandling),
      };
    }),
  };
}

/** OpenAPI `x-amazon-apigateway-integration`; its `responses` are keyed by selection pattern. */
export function integrationFromOpenApi(value: unknown): IntegrationDeclaration | undefined {
  const integration = asRecord(value);
  if (!integration) return undefined;
  return {
    type: asString(integration.type),
    httpMethod: asString(integration.httpMethod),
    uri: asString(integration.uri),
    timeoutInMillis: asNumber(integration.timeoutInMillis),
    requestParameters: asStringRecord(integration.requestParameters),
    requestTemplates: asStringRecord(integration.requestTemplates),
    passthroughBehavior: asString(integration.passthroughBehavior),
    contentHandling: asString(integration.contentHandling),
    credentials: asString(integration.credentials),
    responses: Object.entries(asRecord(integration.responses) ?? {}).map(([pattern, item]) => {
      const response = asRecord(item) ?? {};
      return {
        selectionPattern: pattern === 'default' ? undefined : pattern,
        statusCode: asString(response.statusCode),
        responseParameters: asStringRecord(response.responseParameters),
        responseTemplates: asStringRecord(response.responseTemplates),
        contentHandling: asString(response.contentHandling),
      };
    }),
  };
}

/** `arn:aws:apigateway:<region>:lambda:path/2015-03-31/functions/<function ARN>/invocations` → the function ARN. */
export function lambdaArnFromUri(uri: string | undefined): string | undefined {
  const match = /^arn:[^:]+:apigateway:[^:]*:lambda:path\/[^/]+\/functions\/(.+)\/invocations$/.exec(uri ?? '');
  return match?.[1];
}

export function integrationSpec(declaration: IntegrationDeclaration): IntegrationResult {
  const type = (declaration.type ?? '').toUpperCase();
  const timeoutMs = declaration.timeoutInMillis ?? MAX_INTEGRATION_TIMEOUT_MS;
  switch (type) {
    case 'AWS_PROXY': {
      const functionArn = lambdaArnFromUri(declaration.uri);
      if (!functionArn) {
        return {
          ok: false,
          reason: `AWS_PROXY integration URI ${declaration.uri ?? '(none)'} is not a Lambda function`,
        };
      }
      // Lambda is invoked with POST only; AWS answers a proxy integration declared otherwise with 500
      // Internal server error (AWS docs: "Lambda proxy integrations in API Gateway").
      const method = declaration.httpMethod?.toUpperCase();
      if (method !== undefined && method !== 'POST') {
        const reason = `AWS_PROXY integration uses IntegrationHttpMethod ${method}; Lambda is invoked with POST only, so API Gateway answers 500`;
        return unsupportedIntegration(declaration, type, reason);
      }
      return { ok: true, spec: { kind: 'lambda', functionArn, timeoutMs } };
    }
    case 'HTTP_PROXY':
      if (!declaration.uri) return { ok: false, reason: 'HTTP_PROXY integration has no URI' };
      return {
        ok: true,
        spec: {
          kind: 'http',
          url: declaration.uri,
          method: (declaration.httpMethod ?? 'ANY').toUpperCase(),
          timeoutMs,
        },
      };
    case 'MOCK':
      return { ok: true, spec: { ...mockSpec(declaration), mapping: integrationMapping(declaration) } };
    case 'AWS': {
      if (!declaration.uri) return { ok: false, reason: 'AWS integration has no URI' };
      const mapping = integrationMapping(declaration);
      const functionArn = lambdaArnFromUri(declaration.uri);
      if (functionArn) return { ok: true, spec: { kind: 'lambda', functionArn, timeoutMs, mapping } };
      return {
        ok: true,
        spec: {
          kind: 'aws',
          uri: declaration.uri,
          method: (declaration.httpMethod ?? 'POST').toUpperCase(),
          ...(declaration.credentials && { credentials: declaration.credentials }),
          timeoutMs,
          mapping,
        },
      };
    }
    case 'HTTP':
      if (!declaration.uri) return { ok: false, reason: 'HTTP integration has no URI' };
      return {
        ok: true,
        spec: {
          kind: 'http',
          url: declaration.uri,
          method: (declaration.httpMethod ?? 'ANY').toUpperCase(),
          timeoutMs,
          mapping: integrationMapping(declaration),
        },
      };
    default:
      return type
        ? unsupportedIntegration(declaration, type, `integration type ${type} is not supported`)
        : { ok: false, reason: 'the method has no integration' };
  }
}

const PASSTHROUGH: readonly PassthroughBehavior[] = ['WHEN_NO_MATCH', 'WHEN_NO_TEMPLATES', 'NEVER'];
const CONTENT_HANDLING: readonly ContentHandling[] = ['CONVERT_TO_TEXT', 'CONVERT_TO_BINARY'];

function contentHandling(value: string | undefined): { contentHandling?: ContentHandling } {
  const upper = value?.toUpperCase() as ContentHandling | undefined;
  return upper && CONTENT_HANDLING.includes(upper) ? { contentHandling: upper } : {};
}

/** Templates and integration responses of a non-proxy integration (`passthroughBehavior` defaults to WHEN_NO_MATCH). */
function integrationMapping(declaration: IntegrationDeclaration): IntegrationMapping {
  const passthrough = declaration.passthroughBehavior?.toUpperCase() as PassthroughBehavior | undefined;
  return {
    requestTemplates: declaration.requestTemplates,
    passthroughBehavior: passthrough && PASSTHROUGH.includes(passthrough) ? passthrough : 'WHEN_NO_MATCH',
    ...contentHandling(declaration.contentHandling),
    responses: declaration.responses.map((response) => ({
      ...(response.selectionPattern !== undefined && { selectionPattern: response.selectionPattern }),
      statusCode: response.statusCode ?? '200',
      responseParameters: response.responseParameters,
      responseTemplates: response.responseTemplates,
      ...contentHandling(response.contentHandling),
    })),
  };
}

/**
 * A MOCK integration answers with the status its request template names (`{"statusCode": 200}`), shaped
 * by the integration response whose selection pattern matches that status, else the default one.
 */
function mockSpec(declaration: IntegrationDeclaration): Extract<IntegrationSpec, { kind: 'mock' }> {
  const template = declaration.requestTemplates['application/json'] ?? Object.values(declaration.requestTemplates)[0];
  const requested = /"?statusCode"?\s*:\s*"?(\d{3})/.exec(template ?? '')?.[1] ?? '200';
  const selected =
    declaration.responses.find(
      (response) => response.selectionPattern && fullMatch(response.selectionPattern, requested),
    ) ?? declaration.responses.find((response) => response.selectionPattern === undefined);
  const responseHeaders: Record<string, string> = {};
  for (const [name, value] of Object.entries(selected?.responseParameters ?? {})) {
    const header = /^method\.response\.header\.(.+)$/.exec(name)?.[1];
    const literal = /^'(.*)'$/s.exec(value)?.[1];
    if (header && literal !== undefined) responseHeaders[header] = literal;
  }
  const templates = selected?.responseTemplates ?? {};
  return {
    kind: 'mock',
    statusCode: asNumber(selected?.statusCode) ?? Number(requested),
    responseHeaders,
    responseBody: templates['application/json'] ?? Object.values(templates)[0],
  };
}

function fullMatch(pattern: string, text: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`).test(text);
  } catch {
    return false;
  }
}

/** The route stays in the table and answers 500, as AWS's 5xx for what cannot run here (AWS docs: "Gateway response types for API Gateway"). */
function unsupportedIntegration(declaration: IntegrationDeclaration, type: string, reason: string): IntegrationResult {
  return { ok: true, spec: { kind: 'unsupported', type, uri: declaration.uri, reason } };
}
