/**
 * The AWS documentation's example mapping table ("API mappings for custom domain names") on one custom domain,
 * across two REST APIs and two HTTP APIs written with plain aws-cdk-lib constructs, behind Portico's ApiDomain:
 *
 * | base path                     | API                |
 * | (none)                        | Api1 (REST, prod)  |
 * | orders/v1/items               | Api2 (HTTP)        |
 * | orders/v2/items               | Api3 (REST, prod)  |
 * | orders/v2/items/categories    | Api4 (HTTP)        |
 *
 * One function behind all four answers with the event fields the tests read (one worker to start). The domain has mutual TLS with a
 * truststore file published as an asset.
 */
import { App, Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as apigatewayv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { ApiDomain } from '../../lib/constructs';

const HANDLER = `
exports.handler = async (event) => ({
  statusCode: 200,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({
    apiId: event.requestContext.apiId,
    path: event.path,
    rawPath: event.rawPath,
    resource: event.resource,
    domainName: event.requestContext.domainName,
    domainPrefix: event.requestContext.domainPrefix,
    identityClientCert: event.requestContext.identity ? event.requestContext.identity.clientCert : undefined,
    authenticationClientCert: event.requestContext.authentication ? event.requestContext.authentication.clientCert : undefined,
  }),
});
`;

export const ACCESS_LOG_FORMAT =
  '$context.requestId $context.domainName $context.domainPrefix $context.customDomain.basePathMatched $context.resourcePath';

export function buildCustomDomainStack(truststoreFile: string): Stack {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new Stack(app, 'CustomDomain', { env: { region: 'eu-west-1' } });
  const fn = new lambda.Function(stack, 'EchoFn', {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline(HANDLER),
  });
  const rest = (name: string, accessLog = false) => {
    const api = new apigateway.RestApi(stack, name, {
      cloudWatchRole: false,
      deployOptions: {
        stageName: 'prod',
        ...(accessLog && {
          accessLogDestination: new apigateway.LogGroupLogDestination(new logs.LogGroup(stack, `${name}Logs`)),
          accessLogFormat: apigateway.AccessLogFormat.custom(ACCESS_LOG_FORMAT),
        }),
      },
    });
    const integration = new apigateway.LambdaIntegration(fn);
    api.root.addMethod('ANY', integration);
    api.root.addProxy({ defaultIntegration: integration });
    return { apiId: api.restApiId, stage: api.deploymentStage.stageName, flavor: 'rest' as const, label: name };
  };
  const http = (name: string) => {
    const api = new apigatewayv2.HttpApi(stack, name, {
      defaultIntegration: new HttpLambdaIntegration(`${name}Integration`, fn),
    });
    const stage = api.defaultStage?.node.defaultChild as apigatewayv2.CfnStage;
    return { apiId: api.apiId, stage: stage.ref, flavor: 'http' as const, label: name };
  };
  new ApiDomain(stack, 'Domain', {
    domainName: 'api.example.com',
    certificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/example',
    mutualTls: { truststoreFile },
    mappings: {
      '(none)': rest('Api1'),
      'orders/v1/items': http('Api2'),
      'orders/v2/items': rest('Api3', true),
      'orders/v2/items/categories': http('Api4'),
    },
  });
  return stack;
}
