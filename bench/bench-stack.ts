/**
 * The gateway the request benchmarks serve, written with plain aws-cdk-lib (the emulator must serve those as
 * well as Portico's own). One trivial handler behind three routes, each adding a step of the request path:
 * `/plain` (no auth), `/auth` (a cached REQUEST authorizer), `/keyed` (authorizer and a required API key in a
 * usage plan whose limits never throttle the run). With `accessLog`, the stage writes a JSON access log.
 */
import { App, Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { ACCESS_LOG_FORMATS } from '../lib/core/access-log-formats';

export const BENCH_BODY = JSON.stringify({ ok: true, service: 'bench' });
export const BENCH_API_KEY = 'bench-api-key-0123456789abcdef';
export const BENCH_TOKEN = 'Bearer bench-token';
export const BENCH_STAGE = 'bench';
/** What a caller of the full pipeline (`/keyed`) sends: the authorizer's token and the API key. */
export const FULL_PIPELINE_HEADERS: Readonly<Record<string, string>> = {
  Authorization: BENCH_TOKEN,
  'x-api-key': BENCH_API_KEY,
};
/** Functions behind `/fn/0` ... `/fn/19`. */
export const HOT_FUNCTIONS = 20;

export interface BenchStackOptions {
  /** JSON access log on the stage. @default false */
  readonly accessLog?: boolean;
  /** @default - CDK's temporary directory */
  readonly outdir?: string;
}

export function buildBenchStack(options: BenchStackOptions = {}): Stack {
  const app = new App({ outdir: options.outdir, context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new Stack(app, 'PorticoBench');
  const handler = new lambda.Function(stack, 'Trivial', {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline(
      `exports.handler = async () => ({ statusCode: 200, headers: { 'Content-Type': 'application/json' }, body: ${JSON.stringify(BENCH_BODY)} });`,
    ),
  });
  const authorizerFn = new lambda.Function(stack, 'AllowAll', {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline(
      `exports.handler = async (event) => ({ principalId: 'bench', policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: event.methodArn.split('/').slice(0, 2).join('/') + '/*' }] }, context: { tier: 'bench' } });`,
    ),
  });
  const authorizer = new apigateway.RequestAuthorizer(stack, 'Authorizer', {
    handler: authorizerFn,
    identitySources: [apigateway.IdentitySource.header('Authorization')],
  });
  const api = new apigateway.RestApi(stack, 'Api', {
    cloudWatchRole: false,
    // Binary bodies reach the echo handler base64-encoded, as on AWS.
    binaryMediaTypes: ['application/octet-stream'],
    deployOptions: {
      stageName: BENCH_STAGE,
      ...(options.accessLog
        ? {
            accessLogDestination: new apigateway.LogGroupLogDestination(new logs.LogGroup(stack, 'AccessLogs')),
            accessLogFormat: apigateway.AccessLogFormat.custom(ACCESS_LOG_FORMATS.json),
          }
        : {}),
    },
  });
  const integration = new apigateway.LambdaIntegration(handler);
  api.root.addResource('plain').addMethod('GET', integration, { authorizationType: apigateway.AuthorizationType.NONE });
  api.root.addResource('auth').addMethod('GET', integration, { authorizer });
  api.root.addResource('keyed').addMethod('GET', integration, { authorizer, apiKeyRequired: true });
  // Request bodies of growing size, text and binary, echoed back: the cost of moving a body through the gateway.
  const echo = new lambda.Function(stack, 'Echo', {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline(
      `exports.handler = async (event) => ({ statusCode: 200, headers: { 'Content-Type': event.headers['content-type'] ?? 'text/plain' }, body: event.body, isBase64Encoded: event.isBase64Encoded });`,
    ),
  });
  api.root.addResource('echo').addMethod('POST', new apigateway.LambdaIntegration(echo), {
    authorizationType: apigateway.AuthorizationType.NONE,
  });
  // Distinct functions, each behind its own route: how the cost grows with the number of hot functions.
  const functions = api.root.addResource('fn');
  for (let i = 0; i < HOT_FUNCTIONS; i++) {
    const fn = new lambda.Function(stack, `Hot${i}`, {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline(
        `exports.handler = async () => ({ statusCode: 200, headers: { 'Content-Type': 'application/json' }, body: ${JSON.stringify(BENCH_BODY)} });`,
      ),
    });
    functions
      .addResource(String(i))
      .addMethod('GET', new apigateway.LambdaIntegration(fn), { authorizationType: apigateway.AuthorizationType.NONE });
  }
  const plan = api.addUsagePlan('Plan', {
    throttle: { rateLimit: 1_000_000, burstLimit: 1_000_000 },
    quota: { limit: 1_000_000_000, period: apigateway.Period.DAY },
    apiStages: [{ api, stage: api.deploymentStage }],
  });
  plan.addApiKey(api.addApiKey('Key', { apiKeyName: 'bench', value: BENCH_API_KEY }));
  // The same trivial answer through a non-proxy integration: a request template builds the event, a response
  // template reshapes the result (docs/decisions/0014), to compare with /plain.
  const templatedFn = new lambda.Function(stack, 'TrivialNonProxy', {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline(`exports.handler = async (event) => ({ ok: true, service: 'bench', id: event.id });`),
  });
  api.root.addResource('templated').addMethod(
    'GET',
    new apigateway.LambdaIntegration(templatedFn, {
      proxy: false,
      requestTemplates: { 'application/json': `{"id": "$input.params('id')", "source": "$context.identity.sourceIp"}` },
      integrationResponses: [
        {
          statusCode: '200',
          responseTemplates: {
            'application/json': `{"ok": $input.json('$.ok'), "service": "$input.path('$.service')", "id": "$input.path('$.id')"}`,
          },
        },
      ],
    }),
    { authorizationType: apigateway.AuthorizationType.NONE, methodResponses: [{ statusCode: '200' }] },
  );
  return stack;
}

/** Synthesizes the benchmark stack into `outdir` (a cloud assembly the emulator targets serve) and returns it. */
export function synthBenchStack(outdir: string, options: Pick<BenchStackOptions, 'accessLog'> = {}): string {
  (buildBenchStack({ ...options, outdir }).node.root as unknown as { synth(): unknown }).synth();
  return outdir;
}

/** The request scenarios, each adding one step to the one before. */
export const SCENARIOS = [
  { name: 'trivial handler, no auth', path: '/plain', headers: {}, accessLog: false },
  {
    name: 'same, non-proxy with request and response templates',
    path: '/templated?id=42',
    headers: {},
    accessLog: false,
  },
  { name: '+ cached Lambda authorizer', path: '/auth', headers: { Authorization: BENCH_TOKEN }, accessLog: false },
  {
    name: '+ API key and usage plan',
    path: '/keyed',
    headers: FULL_PIPELINE_HEADERS,
    accessLog: false,
  },
  {
    name: '+ access log to file',
    path: '/keyed',
    headers: FULL_PIPELINE_HEADERS,
    accessLog: true,
  },
] as const;
