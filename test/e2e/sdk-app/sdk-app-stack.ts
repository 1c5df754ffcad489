/** A plain aws-cdk-lib app whose NodejsFunction leaves the AWS SDK out of its bundle, as CDK does by default. */
import * as path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { LambdaIntegration, RestApi } from 'aws-cdk-lib/aws-apigateway';
import { Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';

export function buildSdkAppStack(): Stack {
  const app = new App();
  const stack = new Stack(app, 'SdkApp', { env: { account: '123456789012', region: 'eu-west-1' } });
  const bundling = { forceDockerBundling: false, minify: false, sourceMap: false };
  const putItem = new NodejsFunction(stack, 'PutItem', {
    entry: path.join(__dirname, 'put-item.ts'),
    runtime: Runtime.NODEJS_22_X,
    environment: { TABLE_NAME: 'todos' },
    bundling,
  });
  const missing = new NodejsFunction(stack, 'MissingModule', {
    entry: path.join(__dirname, 'missing-module.ts'),
    runtime: Runtime.NODEJS_22_X,
    bundling,
  });
  const api = new RestApi(stack, 'Todos', { deployOptions: { stageName: 'dev' } });
  api.root.addResource('todos').addResource('{id}').addMethod('PUT', new LambdaIntegration(putItem));
  api.root.addResource('sfn').addMethod('GET', new LambdaIntegration(missing));
  return stack;
}
