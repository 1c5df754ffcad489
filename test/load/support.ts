/** Shared set-up for the correctness-under-load tests: one small plain-CDK gateway and an HTTP hammer. */
import { Agent, request } from 'node:http';
import { App, Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { ACCESS_LOG_FORMATS } from '../../lib/core/access-log-formats';

export const LOAD_TOKEN_PREFIX = 'Bearer load-';

export interface LoadStackOptions {
  /** Throttle and quota of the usage plan that holds the `load` API key. */
  readonly plan?: { throttle?: apigateway.ThrottleSettings; quota?: apigateway.QuotaSettings };
  readonly accessLog?: boolean;
}

/**
 * A REST API with a trivial handler behind `GET /items` (public), `GET /limited` (API key in the plan) and
 * `GET /guarded` (a cached REQUEST authorizer plus the API key); stage `load`.
 */
export function buildLoadStack(options: LoadStackOptions = {}): Stack {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new Stack(app, 'LoadStack');
  const handler = new lambda.Function(stack, 'Items', {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline(
      'exports.handler = async (event) => ({ statusCode: 200, body: JSON.stringify({ path: event.path }) });',
    ),
  });
  const allow = new lambda.Function(stack, 'Allow', {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline(
      "exports.handler = async (event) => ({ principalId: event.headers.Authorization, policyDocument: { Version: '2012-10-17', " +
        "Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: event.methodArn.split('/').slice(0, 2).join('/') + '/*' }] } });",
    ),
  });
  const api = new apigateway.RestApi(stack, 'Api', {
    cloudWatchRole: false,
    deployOptions: {
      stageName: 'load',
      ...(options.accessLog
        ? {
            accessLogDestination: new apigateway.LogGroupLogDestination(new logs.LogGroup(stack, 'Logs')),
            accessLogFormat: apigateway.AccessLogFormat.custom(ACCESS_LOG_FORMATS.json),
          }
        : {}),
    },
  });
  const integration = new apigateway.LambdaIntegration(handler);
  api.root.addResource('items').addMethod('GET', integration, { authorizationType: apigateway.AuthorizationType.NONE });
  api.root.addResource('limited').addMethod('GET', integration, {
    authorizationType: apigateway.AuthorizationType.NONE,
    apiKeyRequired: true,
  });
  const authorizer = new apigateway.RequestAuthorizer(stack, 'Authorizer', {
    handler: allow,
    identitySources: [apigateway.IdentitySource.header('Authorization')],
  });
  api.root.addResource('guarded').addMethod('GET', integration, { authorizer, apiKeyRequired: true });
  const plan = api.addUsagePlan('Plan', {
    ...options.plan,
    apiStages: [{ api, stage: api.deploymentStage }],
  });
  plan.addApiKey(api.addApiKey('Key', { apiKeyName: 'load', value: 'load-api-key-0123456789abcdef' }));
  return stack;
}

export interface Answer {
  readonly status: number;
  readonly requestId: string;
  readonly body: string;
}

/**
 * Sends requests from `connections` keep-alive connections at once, each sending its next request as soon
 * as the last is answered, until `total` requests are sent or `durationMs` has passed.
 */
export async function hammer(
  url: string,
  options: {
    connections: number;
    total?: number;
    durationMs?: number;
    headers?: (i: number) => Record<string, string>;
  },
): Promise<Answer[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const answers: Answer[] = [];
  const deadline = options.durationMs === undefined ? Infinity : Date.now() + options.durationMs;
  let sent = 0;
  const one = (i: number) =>
    new Promise<Answer>((resolve, reject) => {
      request(url, { agent, headers: options.headers?.(i) }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
        });
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, requestId: String(res.headers['x-amzn-requestid']), body }),
        );
        res.on('error', reject);
      })
        .on('error', reject)
        .end();
    });
  const connection = async () => {
    while (sent < (options.total ?? Infinity) && Date.now() < deadline) {
      const i = sent++;
      answers.push(await one(i));
    }
  };
  try {
    await Promise.all(Array.from({ length: options.connections }, connection));
  } finally {
    agent.destroy();
  }
  return answers;
}

/** Counts of each status code. */
export function statusCounts(answers: readonly Answer[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const { status } of answers) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}
