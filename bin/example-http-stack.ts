/**
 * The example gateway in the HTTP flavor (API Gateway v2, docs/decisions/0009): the same users, orders,
 * search and health functions behind one HTTP API with a JWT authorizer, the example's Lambda authorizer on
 * `POST /orders`, stages `$default` (served at the root) and `v2` (runs the newer orders handler), stage and
 * route throttles, and JSON access logs. The functions are written for REST events, so their integrations
 * use payload format 1.0.
 */
import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import * as cxapi from 'aws-cdk-lib/cx-api';
import type { Construct } from 'constructs';
import { DEV_JWT_AUDIENCE, DEV_JWT_ISSUER } from '../lambdas/authorizer/dev-secret';
import { Gateway, HTTP_ACCESS_LOG_FORMAT, RouteAuthorization, RouteIntegration } from '../lib/constructs';
import { exampleServices } from './example-services';
import type { ExampleDomainProps } from './example-stack';

export interface ExampleHttpGatewayStackProps extends StackProps {
  /**
   * Bundle the Lambda code with esbuild (locally, no Docker). Turn it off for template-only synths.
   * @default true
   */
  readonly bundling?: boolean;
  /**
   * Serve the stages on a custom domain (`$default` at the root, `https://<domain>/v2/...`).
   * @default - execute-api URLs only
   */
  readonly domain?: ExampleDomainProps;
}

export class ExampleHttpGatewayStack extends Stack {
  readonly gateway: Gateway;

  constructor(scope: Construct, id: string, props: ExampleHttpGatewayStackProps = {}) {
    super(scope, id, props);
    if (props.bundling === false) this.node.setContext(cxapi.BUNDLING_STACKS, []);

    const { users, ordersV1, ordersV2, search, health, authorizer } = exampleServices(this);

    // API Gateway checks these tokens itself against the issuer's published keys (AWS docs: "Control access to HTTP APIs with JWT authorizers").
    const jwt = RouteAuthorization.jwt({ issuer: DEV_JWT_ISSUER, audience: [DEV_JWT_AUDIENCE] });
    // The example's authorizer returns an IAM policy and a {userId, scopes} context: payload 1.0, which
    // `POST /orders` needs because the orders service reads the caller's scopes from that context.
    const lambdaAuthorizer = RouteAuthorization.lambda(authorizer, {
      authorizerName: 'lambda',
      payloadFormatVersion: '1.0',
      identitySources: ['$request.header.Authorization'],
      // The policy covers the whole stage, so one cached result is right for every route (AWS docs: "Configure an API Gateway Lambda authorizer").
      resultsCacheTtl: Duration.seconds(300),
    });
    const orders = RouteIntegration.lambda(ordersV1, { service: 'orders' });
    const usersApi = RouteIntegration.lambda(users, { service: 'users' });
    const searchApi = RouteIntegration.lambda(search, { service: 'search' });

    this.gateway = new Gateway(this, 'Gateway', {
      flavor: 'http',
      restApiName: 'portico-example-http',
      description: 'Portico example (HTTP API): users, orders and search behind one gateway',
      defaultAuthorization: jwt,
      versions: {
        $default: { variables: { version: 'v1' }, throttle: { rateLimit: 100, burstLimit: 200 } },
        v2: {
          variables: { version: 'v2' },
          throttle: { rateLimit: 200, burstLimit: 400 },
          functions: { orders: ordersV2 },
        },
      },
      stageOptions: { accessLog: { format: HTTP_ACCESS_LOG_FORMAT } },
      http: {
        // The example functions handle REST-shaped events (APIGatewayProxyEvent).
        payloadFormatVersion: '1.0',
        routeThrottles: { 'POST /orders': { rateLimit: 10, burstLimit: 20 } },
      },
      routes: {
        'GET /health': {
          integration: RouteIntegration.lambda(health, { service: 'health' }),
          authorization: RouteAuthorization.none(),
        },
        'GET /users': { integration: usersApi },
        'POST /users': { integration: usersApi },
        'GET /users/{id}': { integration: usersApi },
        'GET /orders': { integration: orders },
        'POST /orders': { integration: orders, authorization: lambdaAuthorizer },
        'GET /orders/{id}': { integration: orders },
        // Every stage of an HTTP API serves the same routes: the $default stage's v1 handler answers 405 here.
        'DELETE /orders/{id}': { integration: orders },
        'GET /search': { integration: searchApi },
        'ANY /search/{proxy+}': { integration: searchApi },
        // An HTTP backend learns who called through a header mapped from the token's subject.
        'GET /status/{proxy+}': {
          integration: RouteIntegration.http('https://status.example.com/{proxy}', {
            requestParameters: { 'overwrite:header.x-user-id': '$context.authorizer.claims.sub' },
          }),
        },
      },
      domain: props.domain,
    });

    for (const stage of this.gateway.http!.stages) {
      new CfnOutput(this, `${stage.node.id}Url`, {
        description: `Invoke URL of stage ${stage.stageName}`,
        value: stage.url,
      });
    }
    if (this.gateway.http!.domain) {
      new CfnOutput(this, 'DomainTarget', {
        description: 'Point a DNS alias (or CNAME) for the custom domain at this name',
        value: this.gateway.http!.domain.regionalDomainName,
      });
    }
  }
}
