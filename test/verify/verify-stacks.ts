/**
 * Stacks the verify tests synthesize to disk (the CLI reads `cdk.out`-style directories): a Portico HTTP
 * gateway with JWT and Lambda authorizers, two stages, stage and route throttles and access logs, and a plain
 * aws-cdk-lib REST API. `change` alters one thing, to make the assembly a deployed API has drifted from.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Duration, Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Gateway, RouteAuthorization, RouteIntegration } from '../../lib/constructs';

const HANDLER = 'exports.handler = async () => ({ statusCode: 200, body: "ok" });';

export interface HttpStackChange {
  /** Serve `GET /orders/{id}` at this path instead. */
  readonly orderPath?: string;
  /** The rate limit of `POST /orders` on every stage. @default 10 */
  readonly ordersRateLimit?: number;
}

function newApp(): App {
  return new App({
    outdir: mkdtempSync(join(tmpdir(), 'portico-verify-')),
    context: { 'aws:cdk:bundling-stacks': [] },
  });
}

function inline(stack: Stack, id: string): lambda.Function {
  return new lambda.Function(stack, id, {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline(HANDLER),
  });
}

/** Synthesizes the HTTP gateway stack `VerifyHttp` and returns the assembly directory. */
export function synthHttpGateway(change: HttpStackChange = {}): string {
  const app = newApp();
  const stack = new Stack(app, 'VerifyHttp');
  const users = inline(stack, 'Users');
  const orders = inline(stack, 'Orders');
  const jwt = RouteAuthorization.jwt({ issuer: 'https://auth.example.test/', audience: ['shop'] });
  new Gateway(stack, 'Gateway', {
    flavor: 'http',
    restApiName: 'verify-http',
    defaultAuthorization: jwt,
    versions: {
      $default: { variables: { version: 'v1' }, throttle: { rateLimit: 100, burstLimit: 200 } },
      v2: { variables: { version: 'v2' }, throttle: { rateLimit: 200, burstLimit: 400 } },
    },
    http: { routeThrottles: { 'POST /orders': { rateLimit: change.ordersRateLimit ?? 10, burstLimit: 20 } } },
    routes: {
      'GET /health': { integration: RouteIntegration.lambda(users), authorization: RouteAuthorization.none() },
      'GET /users/{id}': { integration: RouteIntegration.lambda(users) },
      'POST /orders': {
        integration: RouteIntegration.lambda(orders),
        authorization: RouteAuthorization.lambda(inline(stack, 'Authorizer'), {
          authorizerName: 'lambda',
          resultsCacheTtl: Duration.seconds(300),
        }),
      },
      [`GET ${change.orderPath ?? '/orders/{id}'}`]: { integration: RouteIntegration.lambda(orders) },
    },
  });
  return app.synth().directory;
}

/** Synthesizes the plain aws-cdk-lib REST API stack `VerifyRest` and returns the assembly directory. */
export function synthRestApi(change: { readonly itemsAuthorizer?: boolean } = {}): string {
  const app = newApp();
  const stack = new Stack(app, 'VerifyRest');
  const ok = inline(stack, 'Ok');
  const authorizer = new apigateway.TokenAuthorizer(stack, 'TokenAuth', {
    handler: inline(stack, 'AuthorizerFn'),
    resultsCacheTtl: Duration.seconds(60),
  });
  const api = new apigateway.RestApi(stack, 'Api', {
    restApiName: 'verify-rest',
    cloudWatchRole: false,
    deployOptions: {
      stageName: 'live',
      variables: { color: 'blue' },
      accessLogDestination: new apigateway.LogGroupLogDestination(new logs.LogGroup(stack, 'Logs')),
      accessLogFormat: apigateway.AccessLogFormat.jsonWithStandardFields(),
      methodOptions: { '/items/GET': { throttlingRateLimit: 5, throttlingBurstLimit: 10 } },
    },
  });
  const none = { authorizationType: apigateway.AuthorizationType.NONE };
  const items = api.root.addResource('items');
  items.addMethod('GET', new apigateway.LambdaIntegration(ok), change.itemsAuthorizer ? { authorizer } : none);
  items.addResource('{id}').addMethod('GET', new apigateway.LambdaIntegration(ok), { authorizer });
  items.addMethod('POST', new apigateway.LambdaIntegration(ok), { ...none, apiKeyRequired: true });
  api.root.addResource('ping').addMethod('GET', new apigateway.MockIntegration(), none);
  api.addUsagePlan('Plan', {
    name: 'basic',
    throttle: { rateLimit: 10, burstLimit: 20 },
    quota: { limit: 1000, period: apigateway.Period.DAY },
    apiStages: [{ api, stage: api.deploymentStage }],
  });
  return app.synth().directory;
}
