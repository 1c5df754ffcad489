/**
 * The example's services (lambdas/), shared by the REST and the HTTP flavor of the example gateway: each a
 * NodejsFunction bundled locally by esbuild (never Docker), with the cdk-nag findings the example accepts.
 */
import * as path from 'node:path';
import { Duration, Validations } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { Construct } from 'constructs';
import { DEV_JWT_AUDIENCE, DEV_JWT_ISSUER, DEV_JWT_SECRET } from '../lambdas/authorizer/dev-secret';

const LAMBDAS = path.join(__dirname, '..', 'lambdas');

/** cdk-nag acknowledgement for the pinned Node.js runtime. */
export const NODE_22_RUNTIME = {
  id: 'AwsSolutions::AwsSolutions-L1',
  reason:
    'The example pins Node.js 22 (LTS, supported by Lambda until 2027) so the bundle target matches the ' +
    'Node versions the local emulator and CI run; move to the next LTS together with the toolchain.',
};

const BASIC_EXECUTION_ROLE = {
  id: 'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
  reason: 'The basic execution role only lets the function write its own CloudWatch logs; it grants no data access.',
};

export interface ExampleServices {
  readonly users: NodejsFunction;
  readonly ordersV1: NodejsFunction;
  readonly ordersV2: NodejsFunction;
  readonly search: NodejsFunction;
  readonly health: NodejsFunction;
  readonly authorizer: NodejsFunction;
  /** The one service written in Python: it runs locally through the Lambda Runtime API (docs/decisions/0017). */
  readonly recommendations: lambda.Function;
}

export function exampleServices(scope: Construct): ExampleServices {
  return {
    users: exampleService(scope, 'Users', 'users/index.ts'),
    ordersV1: exampleService(scope, 'OrdersV1', 'orders/v1.ts'),
    ordersV2: exampleService(scope, 'OrdersV2', 'orders/v2.ts'),
    search: exampleService(scope, 'Search', 'search/index.ts'),
    health: exampleService(scope, 'Health', 'health/index.ts'),
    authorizer: exampleService(scope, 'Authorizer', 'authorizer/index.ts', {
      // The public development secret (lambdas/authorizer/dev-secret.ts): replace it before deploying.
      JWT_SECRET: DEV_JWT_SECRET,
      JWT_ISSUER: DEV_JWT_ISSUER,
      JWT_AUDIENCE: DEV_JWT_AUDIENCE,
    }),
    recommendations: pythonService(scope, 'Recommendations', 'recommendations'),
  };
}

/** A Python service: its directory is the asset as it is (standard library only, nothing to bundle). */
function pythonService(scope: Construct, id: string, directory: string): lambda.Function {
  const fn = new lambda.Function(scope, id, {
    runtime: lambda.Runtime.PYTHON_3_12,
    architecture: lambda.Architecture.ARM_64,
    handler: 'app.handler',
    code: lambda.Code.fromAsset(path.join(LAMBDAS, directory)),
    memorySize: 256,
    timeout: Duration.seconds(10),
  });
  Validations.of(fn).acknowledge(BASIC_EXECUTION_ROLE, {
    id: 'AwsSolutions::AwsSolutions-L1',
    reason: 'The example pins Python 3.12, the version its team tests with; move on together with their toolchain.',
  });
  return fn;
}

function exampleService(
  scope: Construct,
  id: string,
  entry: string,
  environment?: Record<string, string>,
): NodejsFunction {
  const fn = new NodejsFunction(scope, id, {
    entry: path.join(LAMBDAS, entry),
    handler: 'handler',
    runtime: lambda.Runtime.NODEJS_22_X,
    architecture: lambda.Architecture.ARM_64,
    memorySize: 256,
    timeout: Duration.seconds(10),
    environment,
    bundling: { forceDockerBundling: false, target: 'node22', minify: true, sourceMap: true },
  });
  // cdk-nag (AwsSolutions) findings this example accepts, each with its reason.
  Validations.of(fn).acknowledge(BASIC_EXECUTION_ROLE, NODE_22_RUNTIME);
  return fn;
}
