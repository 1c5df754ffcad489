/**
 * The example gateway: users, orders and search services (and a health check) behind one Portico
 * Gateway with a JWT REQUEST authorizer, API keys in free and pro usage plans, versions v1 and v2
 * (v2 adds DELETE /orders/{id}, runs the newer orders handler and serves the composite
 * GET /users/{id}/overview), and JSON access logs.
 */
import { CfnOutput, Duration, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { IdentitySource } from 'aws-cdk-lib/aws-apigateway';
import * as cxapi from 'aws-cdk-lib/cx-api';
import type { Construct } from 'constructs';
import { Gateway, RouteAuthorization, RouteIntegration } from '../lib/constructs';
import { ACCESS_LOG_FORMATS } from '../lib/core/access-log-formats';
import { exampleServices, NODE_22_RUNTIME } from './example-services';

export interface ExampleDomainProps {
  /** e.g. `api.example.com`. */
  readonly domainName: string;
  /** ACM certificate for `domainName`, in the stack's region. */
  readonly certificateArn: string;
  /**
   * Base path per version.
   * @default - v2, the current version, at the domain root (`(none)`) and v1 at `v1`
   */
  readonly basePaths?: Record<string, string>;
}

export interface ExampleGatewayStackProps extends StackProps {
  /**
   * Bundle the Lambda code with esbuild (locally, no Docker). Turn it off for template-only synths.
   * @default true
   */
  readonly bundling?: boolean;
  /**
   * Serve the versions on a custom domain (`https://<domain>/v1/...`).
   * @default - execute-api URLs only
   */
  readonly domain?: ExampleDomainProps;
}

/** JSON Schema (draft 4) of a new order, checked by API Gateway's request validator. */
const ORDER_VALIDATION = {
  bodySchema: {
    type: 'object',
    required: ['items'],
    properties: {
      userId: { type: 'string', maxLength: 64 },
      items: { type: 'array', minItems: 1, maxItems: 50, items: { $ref: '#/components/schemas/OrderItem' } },
    },
  },
  modelName: 'NewOrder',
  models: {
    OrderItem: {
      type: 'object',
      required: ['sku', 'quantity'],
      properties: { sku: { type: 'string', maxLength: 32 }, quantity: { type: 'integer', minimum: 1, maximum: 1000 } },
    },
  },
};

/** The event the orders function routes on, built by a request template instead of API Gateway's proxy event. */
const LEGACY_ORDER_REQUEST = `{
  "resource": "/orders/{id}",
  "httpMethod": "GET",
  "pathParameters": {"id": "$util.escapeJavaScript($input.params('id'))"},
  "headers": {},
  "requestContext": {"authorizer": {"principalId": "$context.authorizer.principalId"}}
}`;

/** The function's proxy envelope, reshaped: its status becomes the answer's, its body a summary. */
const ORDER_SUMMARY = `#set($status = $input.path('$.statusCode'))
#set($context.responseOverride.status = $status)
#set($order = $util.parseJson($input.path('$.body')))
#if($status == 200)
{"orderId": "$order.id", "lines": $order.items.size(), "skus": [#foreach($item in $order.items)"$item.sku"#if($foreach.hasNext), #end#end]}
#else
{"message": "$util.escapeJavaScript($order.message)"}
#end`;

export class ExampleGatewayStack extends Stack {
  readonly gateway: Gateway;

  constructor(scope: Construct, id: string, props: ExampleGatewayStackProps = {}) {
    super(scope, id, props);
    if (props.bundling === false) this.node.setContext(cxapi.BUNDLING_STACKS, []);

    const { users, ordersV1, ordersV2, search, health, authorizer, recommendations } = exampleServices(this);

    const jwt = RouteAuthorization.request(authorizer, {
      authorizerName: 'jwt',
      identitySources: [IdentitySource.header('Authorization')],
      // The authorizer allows the whole stage, so one cached policy is right for every route (AWS docs: "Configure an API Gateway Lambda authorizer").
      resultsCacheTtl: Duration.seconds(300),
    });
    // One integration per service; each version's stage says which function serves "orders".
    const orders = RouteIntegration.lambda(ordersV1, { service: 'orders' });
    const usersApi = RouteIntegration.lambda(users, { service: 'users' });
    const searchApi = RouteIntegration.lambda(search, { service: 'search' });

    this.gateway = new Gateway(this, 'Gateway', {
      restApiName: 'portico-example',
      description: 'Portico example: users, orders and search behind one gateway',
      defaultAuthorization: jwt,
      apiKeyRequired: true,
      versions: {
        v1: { variables: { version: 'v1' }, throttle: { rateLimit: 100, burstLimit: 200 } },
        v2: {
          variables: { version: 'v2' },
          throttle: { rateLimit: 200, burstLimit: 400 },
          functions: { orders: ordersV2 },
        },
      },
      stageOptions: {
        accessLog: { format: ACCESS_LOG_FORMATS.json },
        // On the gateway's own answers (401, 403, 429, 5xx); the services set them on theirs (docs/decisions/0008).
        gatewayResponseHeaders: {
          'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
          'Cache-Control': 'no-store',
          'X-Content-Type-Options': 'nosniff',
        },
      },
      routes: {
        'GET /health': {
          integration: RouteIntegration.lambda(health, { service: 'health' }),
          authorization: RouteAuthorization.none(),
          apiKeyRequired: false,
        },
        'GET /users': { integration: usersApi },
        'POST /users': { integration: usersApi },
        'GET /users/{id}': { integration: usersApi },
        'GET /orders': { integration: orders },
        // Validated by the gateway before the function runs (docs/decisions/0014): 400 "Invalid request body".
        'POST /orders': { integration: orders, requestValidation: ORDER_VALIDATION },
        'GET /orders/{id}': { integration: orders },
        'DELETE /orders/{id}': { integration: orders, versions: ['v2'] },
        'GET /search': { integration: searchApi },
        'ANY /search/{proxy+}': { integration: searchApi },
        // Served by a Python function (lambdas/recommendations/app.py).
        'GET /recommendations': {
          integration: RouteIntegration.lambda(recommendations, { service: 'recommendations' }),
        },
        // Answered by API Gateway itself (a MOCK integration): no function, no key, for load balancers and uptime checks.
        'GET /status': {
          integration: RouteIntegration.mock({
            requestTemplates: { 'application/json': '{"statusCode": 200}' },
            integrationResponses: [
              {
                statusCode: '200',
                responseTemplates: {
                  'application/json':
                    '{"status": "ok", "version": "$stageVariables.version", "requestId": "$context.requestId"}',
                },
              },
            ],
          }),
          authorization: RouteAuthorization.none(),
          apiKeyRequired: false,
          versions: ['v1'],
        },
        // A non-proxy route (docs/decisions/0014): the v1 orders function is called with a payload the template
        // builds, and its answer (a proxy envelope with a JSON string body) is reshaped into a flat summary.
        'GET /orders/{id}/summary': {
          integration: RouteIntegration.lambda(ordersV1, {
            service: 'orders',
            requestTemplates: { 'application/json': LEGACY_ORDER_REQUEST },
            integrationResponses: [{ statusCode: '200', responseTemplates: { 'application/json': ORDER_SUMMARY } }],
          }),
          versions: ['v1'],
        },
        // An HTTP backend learns who called from the authorizer: the mapped x-user-id replaces one a client sends.
        'GET /status/{proxy+}': {
          integration: RouteIntegration.http('https://status.example.com/{proxy}', {
            forwardAuthorizerContext: { 'x-user-id': 'principalId' },
          }),
        },
      },
      usagePlans: {
        free: {
          throttle: { rateLimit: 5, burstLimit: 10 },
          quota: { limit: 1000, period: 'DAY' },
          methodThrottles: { 'POST /orders': { rateLimit: 1, burstLimit: 2 } },
        },
        pro: { throttle: { rateLimit: 50, burstLimit: 100 }, quota: { limit: 100_000, period: 'MONTH' } },
      },
      // No key values: API Gateway generates them, so no secret is written into the template.
      consumers: { hobbyist: { plan: 'free' }, acme: { plan: 'pro' } },
      domain: props.domain && { basePaths: { v2: '(none)', v1: 'v1' }, ...props.domain },
    });

    // One request for a user's page: the user, their orders and related search results, called in parallel
    // as the caller (docs/decisions/0007). Search results are a nice-to-have, so a failed member is reported
    // in `errors` instead of failing the page.
    const overview = this.gateway.addCompositeRoute('GET /users/{id}/overview', {
      versions: ['v2'],
      members: {
        user: { route: 'GET /users/{id}' },
        orders: { route: 'GET /orders', query: { userId: '{id}' } },
        recommendations: { route: 'GET /search', query: { q: '{id}' } },
      },
      onMemberFailure: 'partial',
    });
    Validations.of(overview.handler).acknowledge(NODE_22_RUNTIME);

    this.acknowledgeGatewayFindings();

    for (const version of this.gateway.versions) {
      new CfnOutput(this, `${version.versionName}Url`, {
        description: `Invoke URL of version ${version.versionName}`,
        value: version.url,
      });
    }
    if (this.gateway.domain) {
      new CfnOutput(this, 'DomainTarget', {
        description: 'Point a DNS alias (or CNAME) for the custom domain at this name',
        value: this.gateway.domain.regionalDomainName,
      });
    }
  }

  private acknowledgeGatewayFindings(): void {
    Validations.of(this.gateway).acknowledge(
      {
        id: 'AwsSolutions::AwsSolutions-APIG2',
        reason:
          'Every route is a proxy integration; the services validate their own input (lambdas/shared/validate.ts) ' +
          'and answer 400 with a reason, which API Gateway request validators could not express.',
      },
      {
        id: 'AwsSolutions::AwsSolutions-APIG6',
        reason:
          'Execution logs need the account-wide API Gateway CloudWatch Logs role, which a sample app must not ' +
          'overwrite; access logs are on for every stage. Enable with executionLogLevel + ApiGatewayAccountLoggingRole.',
      },
      {
        id: 'AwsSolutions::AwsSolutions-APIG3',
        reason:
          'WAF is an account-level choice outside this example; associate a WAFv2 web ACL with each stage in production.',
      },
    );
  }
}
