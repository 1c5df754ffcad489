import * as path from 'node:path';
import {
  AuthorizationType,
  AwsIntegration,
  type CfnStage,
  LambdaIntegration,
  type RestApi,
} from 'aws-cdk-lib/aws-apigateway';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { LocalGateway } from '../../lib/emulator/local-gateway';
import { buildPlainCdkStack } from './plain-cdk-stack';

describe('canary stages and functions the emulator cannot run', () => {
  let gw: LocalGateway;
  const draws = [0.1, 0.9];

  beforeAll(async () => {
    const stack = buildPlainCdkStack();
    const api = stack.node.findChild('Api') as RestApi;
    const stage = api.deploymentStage.node.defaultChild as CfnStage;
    stage.canarySetting = { percentTraffic: 50, stageVariableOverrides: { color: 'green' } };
    // Java has no local runtime (its code, any directory here, is never run).
    const java = new lambda.Function(stack, 'Java', {
      runtime: lambda.Runtime.JAVA_21,
      handler: 'example.Handler::handleRequest',
      code: lambda.Code.fromAsset(path.join(__dirname, '..', 'emulator', 'lambda', 'handlers', 'nested')),
    });
    api.root
      .addResource('java')
      .addMethod('GET', new LambdaIntegration(java), { authorizationType: AuthorizationType.NONE });
    const python = new lambda.Function(stack, 'Python', {
      runtime: lambda.Runtime.PYTHON_3_11,
      handler: 'index.handler',
      code: lambda.Code.fromInline(
        'def handler(event, context):\n    return {"statusCode": 200, "body": "from python"}\n',
      ),
    });
    api.root
      .addResource('python')
      .addMethod('GET', new LambdaIntegration(python), { authorizationType: AuthorizationType.NONE });
    // An AWS service integration: rendered locally, but sent nowhere without an --aws-endpoint (decision 0014).
    api.root
      .addResource('legacy')
      .addMethod('GET', new AwsIntegration({ service: 'sqs', path: '123456789012/legacy' }), {
        authorizationType: AuthorizationType.NONE,
      });
    let next = 0;
    gw = await LocalGateway.fromStack(stack, { random: () => draws[next++ % draws.length], onFunctionLog: () => {} });
  });
  afterAll(() => gw.close());

  it('sends a draw below percentTraffic to the canary, with its stage-variable overrides', async () => {
    const canary = (await (await gw.fetch('/live/items')).json()) as { stageVariables: unknown };
    const production = (await (await gw.fetch('/live/items')).json()) as { stageVariables: unknown };
    expect(canary.stageVariables).toEqual({ color: 'green' });
    expect(production.stageVariables).toEqual({ color: 'blue' });
  });

  it('runs inline Python code as Lambda stores it (index.py)', async () => {
    const response = await gw.fetch('/live/python');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('from python');
  });

  it('reports a function of a runtime without a local runtime once at load, naming it, and answers its route with a 5xx', async () => {
    const reported = gw.model.unsupported.map((u) => `${u.path}: ${u.reason}`).join('\n');
    expect(reported).toMatch(/Java.*java21/);
    const response = await gw.fetch('/live/java');
    expect(response.status).toBeGreaterThanOrEqual(500);
    expect(await response.json()).toEqual({ message: 'Internal server error' });
    expect((await gw.fetch('/live/items')).status).toBe(200);
  });

  it('answers an AWS service integration that has nowhere to go with 500, and keeps serving', async () => {
    const emitWarning = jest.spyOn(process, 'emitWarning').mockImplementation(() => {});
    try {
      const response = await gw.fetch('/live/legacy');
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({ message: 'Internal server error' });
      expect(String(emitWarning.mock.calls[0]?.[0])).toContain('AWS sqs path /123456789012/legacy');
    } finally {
      emitWarning.mockRestore();
    }
    expect((await gw.fetch('/live/items')).status).toBe(200);
  });
});
