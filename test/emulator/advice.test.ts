import { App, Duration, Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { adviceFor, explainFailure, unservableMethods } from '../../lib/emulator/advice';
import { LocalGateway } from '../../lib/emulator/local-gateway';
import type { PipelineResult } from '../../lib/emulator/pipeline';

/** One inline function per failure cause, each behind `GET /<cause>`. */
const CAUSES: Record<string, { code: string; handler?: string; timeout?: number }> = {
  'missing-package': { code: "require('left-pad-nowhere'); exports.handler = async () => ({ statusCode: 200 });" },
  'missing-sdk': { code: "require('@aws-sdk/client-sfn'); exports.handler = async () => ({ statusCode: 200 });" },
  'handler-not-found': { code: 'exports.main = async () => ({ statusCode: 200 });', handler: 'index.handler' },
  'wrong-export': { code: 'exports.handler = 42;' },
  timeout: { code: 'exports.handler = () => new Promise(() => {});', timeout: 1 },
  'malformed-response': { code: 'exports.handler = async () => ({ statusCode: 200, body: { not: "a string" } });' },
  crash: { code: "exports.handler = async () => { throw new TypeError('x is undefined'); };" },
};

function failingStack(): Stack {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new Stack(app, 'Failing');
  const api = new apigateway.RestApi(stack, 'Api', { cloudWatchRole: false, deployOptions: { stageName: 'dev' } });
  for (const [cause, { code, handler, timeout }] of Object.entries(CAUSES)) {
    const fn = new lambda.Function(stack, `Fn-${cause}`, {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: handler ?? 'index.handler',
      code: lambda.Code.fromInline(code),
      timeout: Duration.seconds(timeout ?? 3),
    });
    api.root.addResource(cause).addMethod('GET', new apigateway.LambdaIntegration(fn));
  }
  const fromS3 = new lambda.Function(stack, 'FromS3', {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromBucket(s3.Bucket.fromBucketName(stack, 'Artifacts', 'artifacts'), 'fn.zip'),
  });
  api.root.addResource('from-s3').addMethod('GET', new apigateway.LambdaIntegration(fromS3));
  return stack;
}

describe('failures that explain themselves', () => {
  let gw: LocalGateway;
  const results: PipelineResult[] = [];

  beforeAll(async () => {
    gw = await LocalGateway.fromStack(failingStack(), {
      onFunctionLog: () => {},
      onRequest: (result) => results.push(result),
    });
  });
  afterAll(() => gw.close());

  const explain = async (cause: string) => {
    const response = await gw.fetch(`/dev/${cause}`);
    expect(response.status).toBeGreaterThanOrEqual(500);
    const explanation = explainFailure(results.at(-1)!.context);
    if (!explanation) throw new Error(`no explanation for ${cause}`);
    return explanation;
  };

  test('at start, each unservable method is named with the reason and what would make it servable', () => {
    expect(unservableMethods(gw.model)).toEqual([
      {
        method: expect.stringMatching(/^Api\w* GET \/from-s3$/),
        reason: expect.stringContaining('its code is in s3://artifacts/fn.zip'),
        fix: 'give the function its code as an asset of this app (lambda.Code.fromAsset)',
      },
    ]);
  });

  test('a request to an unservable method carries the reason', async () => {
    expect((await explain('from-s3')).reason).toContain('its code is in s3://artifacts/fn.zip');
  });

  test('a module the asset did not bundle: add it to the dependencies', async () => {
    const { reason, advice } = await explain('missing-package');
    expect(reason).toMatch(/^Runtime\.ImportModuleError: .*Cannot find module 'left-pad-nowhere'/);
    expect(advice).toContain('npm install left-pad-nowhere');
  });

  test('an SDK module the runtime provides on AWS: names the runtime and the install command', async () => {
    const { advice } = await explain('missing-sdk');
    expect(advice).toContain("Lambda's nodejs18.x and later runtimes provide @aws-sdk/client-sfn");
    expect(advice).toContain('npm install --save-dev @aws-sdk/client-sfn');
  });

  test('handler not found and wrong export', async () => {
    const notFound = await explain('handler-not-found');
    expect(notFound.reason).toBe('Runtime.HandlerNotFound: index.handler is undefined or not exported');
    expect(notFound.advice).toContain('export const handler');
    const wrong = await explain('wrong-export');
    expect(wrong.reason).toBe('Runtime.HandlerNotFound: index.handler is not a function');
    expect(wrong.advice).toContain('not a function');
  });

  test('timeout and malformed proxy response', async () => {
    const timeout = await explain('timeout');
    expect(timeout.reason).toBe('Execution timed out');
    expect(timeout.advice).toContain("raise the function's timeout");
    const malformed = await explain('malformed-response');
    expect(malformed.reason).toBe('Malformed Lambda proxy response');
    expect(malformed.advice).toContain('the body must be a string');
  });

  test('any other error shows its type and message, without advice', async () => {
    expect(await explain('crash')).toEqual({ reason: 'TypeError: x is undefined', advice: undefined });
  });
});

describe('adviceFor', () => {
  test('aws-sdk (v2) names the runtimes that provide it', () => {
    expect(adviceFor('Runtime.ImportModuleError', "Error: Cannot find module 'aws-sdk'")).toContain('nodejs16.x');
  });
  test('a request that did not fail in an integration or authorizer has no explanation', () => {
    expect(adviceFor('Error', 'boom')).toBeUndefined();
  });
});
