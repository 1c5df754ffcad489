/**
 * One gateway, written with plain aws-cdk-lib constructs, whose routes are served by Python (with a
 * layer and a Python authorizer), a custom runtime (`provided.al2023` with a script `bootstrap`) and
 * Node.js: served from the synthesized template and assets alone, with no Docker.
 */
import * as path from 'node:path';
import { App, Duration, Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { LocalGateway } from '../../lib/emulator/local-gateway';

const HANDLERS = path.join(__dirname, '..', 'emulator', 'lambda', 'runtime-api-handlers');

function buildStack(): Stack {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new Stack(app, 'Polyglot');
  const layer = new lambda.LayerVersion(stack, 'Greeting', {
    code: lambda.Code.fromAsset(path.join(HANDLERS, 'layer')),
    compatibleRuntimes: [lambda.Runtime.PYTHON_3_11],
  });
  const python = (id: string, handler: string, timeout = 3) =>
    new lambda.Function(stack, id, {
      runtime: lambda.Runtime.PYTHON_3_11,
      handler: `app.${handler}`,
      code: lambda.Code.fromAsset(path.join(HANDLERS, 'python')),
      layers: [layer],
      timeout: Duration.seconds(timeout),
    });
  const api = new apigateway.RestApi(stack, 'Api', { deployOptions: { stageName: 'live' } });
  const authorizer = new apigateway.TokenAuthorizer(stack, 'PythonAuthorizer', {
    handler: python('AuthorizerFn', 'authorizer'),
    resultsCacheTtl: Duration.seconds(0),
  });
  const py = api.root.addResource('py');
  py.addMethod('GET', new apigateway.LambdaIntegration(python('ProxyFn', 'proxy')), { authorizer });
  py.addResource('raises').addMethod('GET', new apigateway.LambdaIntegration(python('RaisesFn', 'raises')), {
    authorizationType: apigateway.AuthorizationType.NONE,
  });
  py.addResource('slow').addMethod('GET', new apigateway.LambdaIntegration(python('SlowFn', 'sleeps', 1)), {
    authorizationType: apigateway.AuthorizationType.NONE,
  });
  const custom = new lambda.Function(stack, 'CustomFn', {
    runtime: lambda.Runtime.PROVIDED_AL2023,
    handler: 'function.handler',
    code: lambda.Code.fromAsset(path.join(HANDLERS, 'custom')),
  });
  api.root.addResource('custom').addMethod('GET', new apigateway.LambdaIntegration(custom), {
    authorizationType: apigateway.AuthorizationType.NONE,
  });
  const node = new lambda.Function(stack, 'NodeFn', {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => ({ statusCode: 200, body: "from node" });'),
  });
  api.root.addResource('node').addMethod('GET', new apigateway.LambdaIntegration(node), {
    authorizationType: apigateway.AuthorizationType.NONE,
  });
  return stack;
}

describe('a gateway served by Python, custom-runtime and Node.js functions', () => {
  let gw: LocalGateway;
  const functionLogs: string[] = [];
  beforeAll(async () => {
    gw = await LocalGateway.fromStack(buildStack(), {
      onFunctionLog: (fn, line) => functionLogs.push(`${fn}|${line}`),
    });
  });
  afterAll(() => gw.close());

  test('nothing is reported as unsupported', () => {
    expect(gw.model.unsupported).toEqual([]);
  });

  test('a Python authorizer allows a Python proxy handler that imports from its layer', async () => {
    const response = await gw.fetch('/live/py', { headers: { Authorization: 'allow' } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ path: '/py', greeting: 'hello from the layer, python' });
  });

  test('the Python authorizer raising Unauthorized is a 401', async () => {
    const response = await gw.fetch('/live/py', { headers: { Authorization: 'nope' } });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: 'Unauthorized' });
  });

  test('a Python handler that raises is a 502 Internal server error, and the gateway keeps serving', async () => {
    const response = await gw.fetch('/live/py/raises');
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({ message: 'Internal server error' });
    expect((await gw.fetch('/live/node')).status).toBe(200);
  });

  test('a Python handler past its own timeout is killed and answered as a function error, not an integration timeout', async () => {
    const response = await gw.fetch('/live/py/slow');
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({ message: 'Internal server error' });
    expect(functionLogs.some((line) => /^SlowFn.*\|.*Task timed out after 1\.\d\d seconds$/.test(line))).toBe(true);
  });

  test('a custom runtime bootstrap and a Node.js handler answer beside them', async () => {
    const custom = await gw.fetch('/live/custom');
    expect(custom.status).toBe(200);
    expect(await custom.text()).toBe('custom runtime says hi from function.handler');
    expect(await (await gw.fetch('/live/node')).text()).toBe('from node');
  });
});
