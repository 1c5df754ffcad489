/** ARNs API Gateway uses to call Lambda (DG:set-up-lambda-proxy-integrations; DG:api-gateway-swagger-extensions-integration). */

/** Where the rendered definition will live; token strings at synth time. */
export interface AwsLocation {
  readonly partition: string;
  readonly region: string;
}

/**
 * The integration (or authorizer) URI for a Lambda function: API Gateway calls Lambda's Invoke action
 * with POST. `functionArn` may be `${stageVariables.x}`, which API Gateway substitutes per stage.
 */
export function lambdaInvocationUri(functionArn: string, aws: AwsLocation): string {
  return `arn:${aws.partition}:apigateway:${aws.region}:lambda:path/2015-03-31/functions/${functionArn}/invocations`;
}
