import { Stack } from 'aws-cdk-lib';
import { Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { Gateway, RouteAuthorization, RouteIntegration } from 'portico';

/** The same team's stack written as plain ES modules: no TypeScript anywhere in this app. */
export class HelloStack extends Stack {
  constructor(scope, id, props) {
    super(scope, id, props);
    const code = Code.fromAsset(new URL('../lambda', import.meta.url).pathname);
    const hello = new LambdaFunction(this, 'Hello', { runtime: Runtime.NODEJS_22_X, handler: 'hello.handler', code });
    new Gateway(this, 'Gateway', {
      defaultAuthorization: RouteAuthorization.none(),
      routes: { 'GET /hello': { integration: RouteIntegration.lambda(hello, { service: 'hello' }) } },
    });
  }
}
