/**
 * The same large route table (route-tree.ts) written twice: with Portico's `Gateway`, and with plain
 * aws-cdk-lib `RestApi` the way its documentation shows (`resourceForPath().addMethod()` with a
 * `LambdaIntegration`, Token/Request authorizers, a usage plan). Functions are inline so neither synth
 * bundles; both run in their own `App` so timings do not share construct trees.
 */
import { App, Duration, Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Gateway, RouteAuthorization, RouteIntegration } from '../lib/constructs';
import { AUTHORIZERS, type BenchRoute, benchRoutes, SERVICE_NAMES } from './route-tree';

/** Answers with the route it was called on, so a test can tell which route served a request. */
const SERVICE_CODE =
  'exports.handler = async (event) => ({ statusCode: 200, headers: { "Content-Type": "application/json" }, ' +
  'body: JSON.stringify({ service: process.env.SERVICE, resource: event.resource, pathParameters: event.pathParameters }) });';

/** Allows the whole API, so one cached policy fits every route (AWS docs: "Configure an API Gateway Lambda authorizer"). */
const AUTHORIZER_CODE =
  "exports.handler = async (event) => ({ principalId: 'bench', policyDocument: { Version: '2012-10-17', " +
  "Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: event.methodArn.split('/').slice(0, 2).join('/') + '/*' }] } });";

export interface LargeStackOptions {
  /** Where the App writes its assembly. @default - a temporary directory (CDK's default) */
  readonly outdir?: string;
  /** Turn CloudFormation's 500-resource check off (plain CDK needs it off to synthesize large tables). */
  readonly resourceLimitCheck?: boolean;
  /** @default - environment-agnostic */
  readonly env?: { readonly account: string; readonly region: string };
}

function newApp(options: LargeStackOptions): App {
  return new App({
    outdir: options.outdir,
    context: {
      'aws:cdk:bundling-stacks': [],
      ...(options.resourceLimitCheck === false ? { '@aws-cdk/core:stackResourceLimit': 0 } : {}),
    },
  });
}

function functionsFor(stack: Stack, routes: readonly BenchRoute[]) {
  const used = new Set(routes.map((route) => route.service));
  const services = new Map<number, lambda.Function>();
  for (const index of used) {
    const name = SERVICE_NAMES[index];
    services.set(
      index,
      new lambda.Function(stack, `${name}Function`, {
        runtime: lambda.Runtime.NODEJS_22_X,
        handler: 'index.handler',
        code: lambda.Code.fromInline(SERVICE_CODE),
        environment: { SERVICE: name },
      }),
    );
  }
  const authorizers = AUTHORIZERS.map(
    (authorizer) =>
      new lambda.Function(stack, `${authorizer.name}Authorizer`, {
        runtime: lambda.Runtime.NODEJS_22_X,
        handler: 'index.handler',
        code: lambda.Code.fromInline(AUTHORIZER_CODE),
      }),
  );
  return { services, authorizers };
}

/** Portico: one `Gateway`, one version, routes added one by one as a large team would. */
export function porticoLargeStack(count: number, options: LargeStackOptions = {}): { stack: Stack; gateway: Gateway } {
  const stack = new Stack(newApp(options), 'PorticoLarge', { env: options.env });
  const routes = benchRoutes(count);
  const { services, authorizers } = functionsFor(stack, routes);
  const authorizations = AUTHORIZERS.map((spec, i) =>
    spec.type === 'TOKEN'
      ? RouteAuthorization.token(authorizers[i], { authorizerName: spec.name, headerName: spec.identitySource })
      : RouteAuthorization.request(authorizers[i], {
          authorizerName: spec.name,
          identitySources: [`method.request.header.${spec.identitySource}`],
        }),
  );
  const gateway = new Gateway(stack, 'Gateway', {
    restApiName: 'portico-large',
    versions: { v1: {} },
    usagePlans: { standard: { throttle: { rateLimit: 1000, burstLimit: 2000 } } },
    consumers: { bench: { plan: 'standard', value: 'bench-api-key-0123456789abcdef' } },
  });
  const integrations = new Map(
    [...services].map(([index, fn]) => [index, RouteIntegration.lambda(fn, { service: SERVICE_NAMES[index] })]),
  );
  for (const route of routes) {
    gateway.addRoute(`${route.method} ${route.path}`, {
      integration: integrations.get(route.service)!,
      authorization: route.authorizer === undefined ? RouteAuthorization.none() : authorizations[route.authorizer],
      apiKeyRequired: route.apiKeyRequired,
    });
  }
  return { stack, gateway };
}

/** Plain aws-cdk-lib: the `RestApi` L2 with one `LambdaIntegration` per service, as its docs show. */
export function plainCdkLargeStack(count: number, options: LargeStackOptions = {}): { stack: Stack } {
  const stack = new Stack(newApp(options), 'PlainCdkLarge', { env: options.env });
  const routes = benchRoutes(count);
  const { services, authorizers } = functionsFor(stack, routes);
  const cdkAuthorizers = AUTHORIZERS.map((spec, i) =>
    spec.type === 'TOKEN'
      ? new apigateway.TokenAuthorizer(stack, `${spec.name}Auth`, {
          handler: authorizers[i],
          authorizerName: spec.name,
          identitySource: apigateway.IdentitySource.header(spec.identitySource),
          resultsCacheTtl: Duration.minutes(5),
        })
      : new apigateway.RequestAuthorizer(stack, `${spec.name}Auth`, {
          handler: authorizers[i],
          authorizerName: spec.name,
          identitySources: [apigateway.IdentitySource.header(spec.identitySource)],
          resultsCacheTtl: Duration.minutes(5),
        }),
  );
  const api = new apigateway.RestApi(stack, 'Api', {
    restApiName: 'plain-large',
    cloudWatchRole: false,
    deployOptions: { stageName: 'v1' },
  });
  const integrations = new Map([...services].map(([index, fn]) => [index, new apigateway.LambdaIntegration(fn)]));
  for (const route of routes) {
    api.root.resourceForPath(route.path).addMethod(route.method, integrations.get(route.service)!, {
      ...(route.authorizer === undefined
        ? { authorizationType: apigateway.AuthorizationType.NONE }
        : { authorizer: cdkAuthorizers[route.authorizer] }),
      apiKeyRequired: route.apiKeyRequired,
    });
  }
  const plan = api.addUsagePlan('Standard', {
    throttle: { rateLimit: 1000, burstLimit: 2000 },
    apiStages: [{ api, stage: api.deploymentStage }],
  });
  plan.addApiKey(api.addApiKey('Bench', { value: 'bench-api-key-0123456789abcdef' }));
  return { stack };
}
