import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { IdentitySource } from 'aws-cdk-lib/aws-apigateway';
import { Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import { Gateway, RouteAuthorization, RouteIntegration } from 'portico';

/** A team's own stack: one authorized route, one public route, a keyed usage plan. */
export class HelloStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const code = Code.fromAsset(`${__dirname}/../lambda`);
    const hello = new LambdaFunction(this, 'Hello', { runtime: Runtime.NODEJS_22_X, handler: 'hello.handler', code });
    const authorizer = new LambdaFunction(this, 'Authorizer', {
      runtime: Runtime.NODEJS_22_X,
      handler: 'authorizer.handler',
      code,
    });
    new Gateway(this, 'Gateway', {
      defaultAuthorization: RouteAuthorization.request(authorizer, {
        identitySources: [IdentitySource.header('Authorization')],
        resultsCacheTtl: Duration.seconds(60),
      }),
      apiKeyRequired: true,
      routes: {
        'GET /hello': { integration: RouteIntegration.lambda(hello, { service: 'hello' }) },
        'GET /public': {
          integration: RouteIntegration.lambda(hello, { service: 'hello' }),
          authorization: RouteAuthorization.none(),
          apiKeyRequired: false,
        },
      },
      usagePlans: { tiny: { throttle: { rateLimit: 1, burstLimit: 1 } } },
      consumers: { tester: { plan: 'tiny' } },
    });
  }
}
