/**
 * The gateway the emulator benchmark serves, written with plain aws-cdk-lib (the emulator must serve those as
 * well as Portico's own): a trivial handler behind a cached REQUEST authorizer, a required API key in a usage
 * plan with limits high enough not to throttle the run, and a JSON access log.
 */
import { App, Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { ACCESS_LOG_FORMATS } from '../lib/core/access-log-formats';

export const BENCH_BODY = JSON.stringify({ ok: true, service: 'bench' });
export const BENCH_API_KEY = 'bench-api-key-0123456789abcdef';
export const BENCH_TOKEN = 'Bearer bench-token';

export function buildBenchStack(outdir?: string): Stack {
  const app = new App({ outdir, context: { 'aws:cdk:bundling-stacks': [] } });
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
  const logGroup = new logs.LogGroup(stack, 'AccessLogs');
  const api = new apigateway.RestApi(stack, 'Api', {
    cloudWatchRole: false,
    deployOptions: {
      stageName: 'bench',
      accessLogDestination: new apigateway.LogGroupLogDestination(logGroup),
      accessLogFormat: apigateway.AccessLogFormat.custom(ACCESS_LOG_FORMATS.json),
    },
  });
  const integration = new apigateway.LambdaIntegration(handler);
  api.root.addResource('plain').addMethod('GET', integration, { authorizationType: apigateway.AuthorizationType.NONE });
  api.root.addResource('full').addMethod('GET', integration, { authorizer, apiKeyRequired: true });
  const plan = api.addUsagePlan('Plan', {
    throttle: { rateLimit: 1_000_000, burstLimit: 1_000_000 },
    quota: { limit: 100_000_000, period: apigateway.Period.DAY },
    apiStages: [{ api, stage: api.deploymentStage }],
  });
  plan.addApiKey(api.addApiKey('Key', { apiKeyName: 'bench', value: BENCH_API_KEY }));
  return stack;
}
