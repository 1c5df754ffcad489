/**
 * What a route calls: a Lambda function (proxy integration), an HTTP backend (HTTP proxy) or a mock.
 * Lambda targets are addressed through a stage variable per service (docs/decisions/0002), so each
 * version's stage decides which function, version or alias serves the service.
 */
import { Aws, Duration } from 'aws-cdk-lib';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { headerNameProblems, staticValue } from '../core/openapi/mapping-values';
import type { IntegrationMapping } from '../core/transformation';
import { integrationMapping, type MappingTemplateOptions } from './mapping-templates';
import { requireOption } from './required-options';

/**
 * Settings shared by integrations that call a backend. Request templates or integration responses make the
 * integration non-proxy (`AWS` for Lambda, `HTTP` for an HTTP backend).
 */
export interface BackendIntegrationOptions extends MappingTemplateOptions {
  /**
   * How long API Gateway waits for the backend (50 ms to 29 s).
   * @default Duration.seconds(29)
   */
  readonly timeout?: Duration;
  /**
   * Integration request parameter mapping, in API Gateway's form, e.g.
   * `{ 'integration.request.header.x-user-id': 'context.authorizer.principalId' }`. Sources may be
   * `method.request.{path,querystring,header}.<name>`, `context.<variable>`, `stageVariables.<name>`
   * or a quoted literal (`"'value'"`).
   * @default - no mapping (HTTP backends still get the route's path parameters mapped by name)
   */
  readonly requestParameters?: Record<string, string>;
}

export interface LambdaIntegrationOptions extends BackendIntegrationOptions {
  /**
   * The service this function implements. Each version's stage holds the function for the service in
   * the stage variable `<service>Function`, and a version may serve the service with another function,
   * version or alias (`VersionOptions.functions`).
   * @default - the function's construct id with its first letter lower-cased and a trailing
   * "Function", "Handler", "Fn" or "Lambda" removed (`UsersFunction` → `users`)
   */
  readonly service?: string;
}

export interface HttpIntegrationOptions extends BackendIntegrationOptions {
  /**
   * Method used toward the backend.
   * @default - the route's method (`ANY` passes the client's method through)
   */
  readonly httpMethod?: string;
  /**
   * Headers the backend receives from the route's Lambda or Cognito authorizer, by header name:
   * `'principalId'`, a key of the authorizer's `context`, or `'claims.<name>'` for Cognito
   * (`{ 'x-user-id': 'principalId', 'x-tenant': 'tenantId' }`). A mapped header replaces the one the
   * client sent, so a client cannot pose as someone else — provided the authorizer returns the value on
   * every Allow: API Gateway skips a mapping whose value is missing, and the client's header then passes
   * (docs/decisions/0008). The route must have an authorizer, else the synth fails.
   * @default - none
   */
  readonly forwardAuthorizerContext?: Record<string, string>;
  /**
   * Headers the backend receives with a fixed value, whatever the client sent (`{ 'x-debug': 'off' }`).
   * REST APIs cannot remove a client header from an HTTP proxy request; overwriting it is the closest
   * they come (an HTTP API's `remove:header` can remove it).
   * @default - none
   */
  readonly overwriteHeaders?: Record<string, string>;
}

export interface MockIntegrationOptions extends MappingTemplateOptions {
  /**
   * Status code of the response.
   * @default 200
   */
  readonly statusCode?: number;
  /**
   * Static response headers.
   * @default - none
   */
  readonly headers?: Record<string, string>;
  /**
   * Response body (an `application/json` response template).
   * @default - empty body
   */
  readonly body?: string;
}

export interface AwsServiceIntegrationOptions extends BackendIntegrationOptions {
  /** The service's endpoint prefix: `sqs`, `dynamodb`, `states`, `events`, `s3`, ... */
  readonly service: string;
  /**
   * The API action (`SendMessage`, `PutItem`); exactly one of action and path.
   * @default - none
   */
  readonly action?: string;
  /**
   * The API path (`{account}/{queue}` for SQS, `{bucket}/{key}` for S3).
   * @default - none
   */
  readonly path?: string;
  /**
   * Method toward the service.
   * @default 'POST'
   */
  readonly httpMethod?: string;
  /** The role API Gateway assumes to call the service (it must trust `apigateway.amazonaws.com`). */
  readonly credentialsRole: iam.IRole;
}

/** @internal What the Gateway needs to know about an integration before it becomes a `RouteSpec`. */
export type IntegrationTarget =
  | {
      readonly kind: 'lambda';
      readonly handler: lambda.IFunction;
      readonly service: string;
      readonly timeoutMs: number;
      readonly requestParameters: Readonly<Record<string, string>>;
      readonly mapping?: IntegrationMapping;
    }
  | {
      readonly kind: 'http';
      readonly url: string;
      readonly httpMethod?: string;
      readonly timeoutMs: number;
      readonly requestParameters: Readonly<Record<string, string>>;
      readonly mapping?: IntegrationMapping;
    }
  | {
      readonly kind: 'mock';
      readonly statusCode: number;
      readonly headers: Readonly<Record<string, string>>;
      readonly body?: string;
      readonly mapping?: IntegrationMapping;
    }
  | {
      readonly kind: 'aws';
      readonly uri: string;
      readonly httpMethod: string;
      readonly credentials: string;
      readonly timeoutMs: number;
      readonly requestParameters: Readonly<Record<string, string>>;
      readonly mapping: IntegrationMapping;
    };

const DEFAULT_TIMEOUT = Duration.seconds(29);

export class RouteIntegration {
  /**
   * Lambda proxy integration (`AWS_PROXY`): the function receives the payload 1.0 event, with the client's
   * headers as sent and the authorizer's result in `requestContext.authorizer` (the place to read the
   * caller from: header mappings do not reach the event). Response headers come from
   * the function: REST APIs apply no response mapping to proxy integrations (docs/decisions/0008).
   */
  static lambda(handler: lambda.IFunction, options: LambdaIntegrationOptions = {}): RouteIntegration {
    requireOption('RouteIntegration.lambda', 'handler (the function)', handler, 'RouteIntegration.lambda(usersFn)');
    return new RouteIntegration({
      kind: 'lambda',
      handler,
      service: options.service ?? serviceNameOf(handler),
      timeoutMs: (options.timeout ?? DEFAULT_TIMEOUT).toMilliseconds(),
      requestParameters: { ...options.requestParameters },
      mapping: integrationMapping(options, `RouteIntegration.lambda(${handler.node.id})`),
    });
  }

  /**
   * HTTP proxy integration (`HTTP_PROXY`) to `url`, which may use the route's path parameters
   * (`https://backend.example.com/items/{id}`) and `${stageVariables.name}`. The backend's response passes
   * through unchanged: REST APIs apply no response mapping to proxy integrations (docs/decisions/0008).
   */
  static http(url: string, options: HttpIntegrationOptions = {}): RouteIntegration {
    requireOption('RouteIntegration.http', 'url', url, "RouteIntegration.http('https://backend.example.com/{proxy}')");
    return new RouteIntegration({
      kind: 'http',
      url,
      httpMethod: options.httpMethod?.toUpperCase(),
      timeoutMs: (options.timeout ?? DEFAULT_TIMEOUT).toMilliseconds(),
      requestParameters: httpRequestParameters(url, options),
      mapping: integrationMapping(options, `RouteIntegration.http("${url}")`),
    });
  }

  /**
   * AWS service integration (`AWS`): API Gateway calls a service API (SQS `SendMessage`, DynamoDB `PutItem`,
   * Step Functions `StartExecution`, ...) with the rendered request template as the request, as `credentialsRole`.
   * Locally the request is rendered and sent to `portico serve --aws-endpoint <url>` when given.
   */
  static awsService(options: AwsServiceIntegrationOptions): RouteIntegration {
    const where = `RouteIntegration.awsService(${options.service})`;
    if ((options.action === undefined) === (options.path === undefined)) {
      throw new Error(`${where}: give exactly one of action ('SendMessage') and path ('{account}/{queue}').`);
    }
    const target = options.action !== undefined ? `action/${options.action}` : `path/${options.path}`;
    return new RouteIntegration({
      kind: 'aws',
      uri: `arn:${Aws.PARTITION}:apigateway:${Aws.REGION}:${options.service}:${target}`,
      httpMethod: (options.httpMethod ?? 'POST').toUpperCase(),
      credentials: options.credentialsRole.roleArn,
      timeoutMs: (options.timeout ?? DEFAULT_TIMEOUT).toMilliseconds(),
      requestParameters: { ...options.requestParameters },
      mapping: integrationMapping(
        { integrationResponses: [{ statusCode: '200' }], ...options },
        where,
      ) as IntegrationMapping,
    });
  }

  /** Mock integration: API Gateway answers by itself (health checks, placeholders). */
  static mock(options: MockIntegrationOptions = {}): RouteIntegration {
    return new RouteIntegration({
      kind: 'mock',
      statusCode: options.statusCode ?? 200,
      headers: { ...options.headers },
      body: options.body,
      mapping: integrationMapping(options, 'RouteIntegration.mock()'),
    });
  }

  private constructor(
    /** @internal */
    readonly _target: IntegrationTarget,
  ) {}
}

/** Authorizer values a mapping can read: `principalId`, a context key, or `claims.<name>` (Cognito). */
const AUTHORIZER_VALUE = /^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)?$/;

/** `requestParameters` with the header helpers written out as the mappings API Gateway applies. */
function httpRequestParameters(url: string, options: HttpIntegrationOptions): Record<string, string> {
  const forwarded = options.forwardAuthorizerContext ?? {};
  const overwritten = options.overwriteHeaders ?? {};
  const mapped = Object.keys(options.requestParameters ?? {}).flatMap(
    (target) => /^integration\.request\.header\.(.+)$/.exec(target)?.[1] ?? [],
  );
  const problems = headerNameProblems([...mapped, ...Object.keys(forwarded), ...Object.keys(overwritten)]);
  for (const [header, value] of Object.entries(forwarded)) {
    if (!AUTHORIZER_VALUE.test(value)) {
      problems.push(`"${header}" forwards "${value}", which is not principalId, a context key or claims.<name>`);
    }
  }
  for (const [header, value] of Object.entries(overwritten)) {
    // Whether API Gateway accepts an empty static value is not documented; an empty header is no removal anyway.
    if (value === '') problems.push(`"${header}" is overwritten with an empty value; REST APIs cannot remove a header`);
  }
  if (problems.length > 0) {
    throw new Error(`RouteIntegration.http("${url}"): ${problems.join('; ')}.`);
  }
  return {
    ...options.requestParameters,
    ...Object.fromEntries(
      Object.entries(forwarded).map(([header, value]) => [
        `integration.request.header.${header}`,
        `context.authorizer.${value}`,
      ]),
    ),
    ...Object.fromEntries(
      Object.entries(overwritten).map(([header, value]) => [
        `integration.request.header.${header}`,
        staticValue(value),
      ]),
    ),
  };
}

/** `UsersFunction` → `users`, `OrdersV1Handler` → `ordersV1`. */
export function serviceNameOf(handler: lambda.IFunction): string {
  const id = handler.node.id.replace(/[^A-Za-z0-9]/g, '');
  const base = id.replace(/(Function|Handler|Fn|Lambda)$/, '') || id || 'service';
  return base.charAt(0).toLowerCase() + base.slice(1);
}
