/**
 * A gateway written only with plain aws-cdk-lib constructs (no Portico construct), with inline handlers that
 * misbehave on purpose: the emulator must serve it from the template alone, with AWS's answers.
 */
import { App, Duration, Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';

export const PLAIN_API_KEY = 'plain-cdk-api-key-0123456789';

const HANDLERS = `
let invocations = 0;
exports.ok = async (event) => ({
  statusCode: 200,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ invocations: ++invocations, stageVariables: event.stageVariables, path: event.path, resource: event.resource, pathParameters: event.pathParameters, query: event.queryStringParameters, principalId: event.requestContext.authorizer && event.requestContext.authorizer.principalId }),
});
exports.throws = async () => { throw new Error('handler exploded'); };
exports.garbage = async () => 'justAString';
exports.spins = async () => { for (;;) {} };
exports.exits = async () => { process.exit(3); };
`;

const AUTHORIZER = `
exports.handler = async (event) => {
  const token = event.authorizationToken;
  const allow = (resource) => ({ principalId: 'user-' + token, policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: resource }] }, context: { token, n: 7, flag: true } });
  if (token === 'allow') return allow(event.methodArn.split('/').slice(0, 2).join('/') + '/*');
  if (token === 'only-this-method') return allow(event.methodArn);
  if (token === 'deny') return { principalId: 'x', policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: 'Deny', Resource: '*' }] } };
  if (token === 'object-context') return { ...allow('*'), context: { nested: { a: 1 } } };
  if (token === 'boom') throw new Error('authorizer crashed');
  throw new Error('Unauthorized');
};
`;

export function buildPlainCdkStack(): Stack {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new Stack(app, 'PlainCdk');
  const fn = (id: string, handler: string, timeout = 3) =>
    new lambda.Function(stack, id, {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: `index.${handler}`,
      code: lambda.Code.fromInline(HANDLERS),
      timeout: Duration.seconds(timeout),
    });
  const ok = fn('Ok', 'ok');
  const authorizer = new apigateway.TokenAuthorizer(stack, 'TokenAuth', {
    handler: new lambda.Function(stack, 'AuthorizerFn', {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline(AUTHORIZER),
    }),
    resultsCacheTtl: Duration.seconds(300),
  });
  const api = new apigateway.RestApi(stack, 'Api', {
    cloudWatchRole: false,
    deployOptions: {
      stageName: 'live',
      variables: { color: 'blue' },
      accessLogDestination: new apigateway.LogGroupLogDestination(new logs.LogGroup(stack, 'Logs')),
      accessLogFormat: apigateway.AccessLogFormat.jsonWithStandardFields(),
      methodOptions: { '/limited/GET': { throttlingRateLimit: 1, throttlingBurstLimit: 2 } },
    },
  });
  const none = { authorizationType: apigateway.AuthorizationType.NONE };
  api.root.addMethod('GET', new apigateway.LambdaIntegration(ok), none);
  const items = api.root.addResource('items');
  items.addMethod('GET', new apigateway.LambdaIntegration(ok), none);
  items.addResource('{id}').addMethod('GET', new apigateway.LambdaIntegration(ok), none);
  api.root.addResource('files').addResource('{proxy+}').addMethod('ANY', new apigateway.LambdaIntegration(ok), none);
  api.root.addResource('throws').addMethod('GET', new apigateway.LambdaIntegration(fn('Throws', 'throws')), none);
  api.root.addResource('garbage').addMethod('GET', new apigateway.LambdaIntegration(fn('Garbage', 'garbage')), none);
  api.root.addResource('spins').addMethod('GET', new apigateway.LambdaIntegration(fn('Spins', 'spins', 1)), none);
  api.root.addResource('exits').addMethod('GET', new apigateway.LambdaIntegration(fn('Exits', 'exits')), none);
  api.root.addResource('limited').addMethod('GET', new apigateway.LambdaIntegration(ok), none);
  const secure = api.root.addResource('secure');
  secure.addMethod('GET', new apigateway.LambdaIntegration(ok), { authorizer });
  secure.addMethod('POST', new apigateway.LambdaIntegration(ok), { authorizer });
  const keyed = api.root.addResource('keyed');
  keyed.addMethod('GET', new apigateway.LambdaIntegration(ok), { ...none, apiKeyRequired: true });
  const cors = api.root.addResource('cors');
  cors.addMethod(
    'OPTIONS',
    new apigateway.MockIntegration({
      requestTemplates: { 'application/json': '{"statusCode": 204}' },
      integrationResponses: [
        { statusCode: '204', responseParameters: { 'method.response.header.Access-Control-Allow-Origin': "'*'" } },
      ],
    }),
    {
      ...none,
      methodResponses: [
        { statusCode: '204', responseParameters: { 'method.response.header.Access-Control-Allow-Origin': true } },
      ],
    },
  );
  api.addGatewayResponse('Unauthorized', {
    type: apigateway.ResponseType.UNAUTHORIZED,
    responseHeaders: { 'WWW-Authenticate': "'Bearer'" },
    templates: { 'application/json': '{"error":$context.error.messageString,"id":"$context.requestId"}' },
  });
  const plan = api.addUsagePlan('Plan', {
    quota: { limit: 3, period: apigateway.Period.DAY },
    apiStages: [{ api, stage: api.deploymentStage }],
  });
  plan.addApiKey(api.addApiKey('Key', { apiKeyName: 'tester', value: PLAIN_API_KEY }));
  api.addApiKey('Orphan', { apiKeyName: 'orphan', value: 'orphan-key-not-in-any-plan-0000' });
  return stack;
}
