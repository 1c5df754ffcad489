// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation Fn::Sub and API Gateway ${stageVariables.x} are written as plain strings on purpose
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { App, CfnOutput, CfnWaitConditionHandle, Fn, NestedStack, Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { formatRouteKey } from '../../../lib/core/route-key';
import { loadAssembly, synthesizeToAssembly } from '../../../lib/emulator/assembly';
import { INLINE_HANDLER } from './fixtures/plain-rest-api-stack';
import { nodeFunction, restApiResources, writeAssembly } from './fixtures/write-assembly';

const ARN = 'arn:aws:lambda:us-east-1:123456789012:function';
const written: string[] = [];

function assembly(...args: Parameters<typeof writeAssembly>): string {
  const dir = writeAssembly(...args);
  written.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of written) rmSync(dir, { recursive: true, force: true });
});

function newApp(): App {
  return new App({ context: { 'aws:cdk:bundling-stacks': [] } });
}

function inlineFunction(scope: Stack, id: string, runtime = lambda.Runtime.NODEJS_22_X): lambda.Function {
  return new lambda.Function(scope, id, {
    runtime,
    handler: 'index.handler',
    code: lambda.Code.fromInline(INLINE_HANDLER),
  });
}

describe('the manifest', () => {
  test('a directory without a manifest is an error naming the directory and what is expected', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'portico-empty-'));
    written.push(dir);
    expect(() => loadAssembly(dir)).toThrow(
      new RegExp(`No cloud assembly in ${dir}: expected a CDK manifest at .*manifest\\.json`),
    );
  });

  test('an unreadable manifest is an error too', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'portico-broken-'));
    written.push(dir);
    writeFileSync(path.join(dir, 'manifest.json'), '{ not json');
    expect(() => loadAssembly(dir)).toThrow(/it is not readable JSON/);
  });

  test('a stack whose template is missing is reported, not thrown', () => {
    const dir = assembly({ stacks: { Ok: { Resources: {} } } });
    rmSync(path.join(dir, 'Ok.template.json'));
    expect(loadAssembly(dir).unsupported).toEqual([
      { path: 'Ok', reason: 'stack template Ok.template.json is missing or unreadable' },
    ]);
  });
});

describe('nested stacks', () => {
  test('an API in a nested stack integrates a parent function and a parent usage plan reaches its stage', () => {
    const app = newApp();
    const parent = new Stack(app, 'Parent');
    const fn = inlineFunction(parent, 'Fn');
    const nested = new NestedStack(parent, 'Routes');
    const api = new apigateway.RestApi(nested, 'Api', { deployOptions: { stageName: 'dev' } });
    api.root.addResource('x').addMethod('GET', new apigateway.LambdaIntegration(fn));
    // Java has no local runtime: the one function reported as unsupported.
    new lambda.Function(nested, 'Java', {
      runtime: lambda.Runtime.JAVA_21,
      handler: 'example.Handler::handleRequest',
      code: lambda.Code.fromAsset(path.join(__dirname, '..', 'lambda', 'handlers', 'nested')),
    });
    new apigateway.UsagePlan(parent, 'Plan', { apiStages: [{ api, stage: api.deploymentStage }] });

    const model = loadAssembly(synthesizeToAssembly(parent));
    const [loaded] = model.apis;
    expect(loaded.stackName).toMatch(/^Parent-RoutesNestedStack/);
    expect(loaded.table.routes[0].integration).toMatchObject({ functionArn: `${ARN}:Fn9270CBC0` });
    expect(model.usagePlans[0].apiStages).toEqual([{ apiLogicalId: loaded.logicalId, stage: 'dev', throttle: {} }]);
    expect(model.unsupported.map((u) => u.path)).toEqual(['Parent/Routes/Java/Resource']);
  });
});

describe('several stacks in one assembly', () => {
  function twoCopies() {
    const app = newApp();
    const stacks = ['Dev', 'Prod'].map((name) => {
      const stack = new Stack(app, name);
      const api = new apigateway.RestApi(stack, 'Api');
      api.root.addMethod('GET', new apigateway.LambdaIntegration(inlineFunction(stack, 'Fn')));
      const plan = api.addUsagePlan('Plan');
      plan.addApiStage({ stage: api.deploymentStage });
      plan.addApiKey(api.addApiKey('Key'));
      return stack;
    });
    return { stacks, dir: synthesizeToAssembly(stacks[0]) };
  }

  test('copies of one stack get distinct API ids and stack-qualified ids, so plans and keys stay apart', () => {
    const model = loadAssembly(twoCopies().dir);
    const [dev, prod] = model.apis;
    expect(dev.apiId).not.toBe(prod.apiId);
    expect([dev.logicalId, prod.logicalId]).toEqual(['Dev-ApiF70053CD', 'Prod-ApiF70053CD']);
    expect(dev.table.routes[0].integration).toMatchObject({ functionArn: `${ARN}:Dev-Fn9270CBC0` });
    expect(model.functions.has(`${ARN}:Prod-Fn9270CBC0`)).toBe(true);
    expect(model.usagePlans.map((plan) => [plan.apiStages[0].apiLogicalId, plan.apiKeyIds])).toEqual([
      ['Dev-ApiF70053CD', [model.apiKeys[0].logicalId]],
      ['Prod-ApiF70053CD', [model.apiKeys[1].logicalId]],
    ]);
    expect(model.apiKeys[0].value).not.toBe(model.apiKeys[1].value);
  });

  test('the stacks option serves only the named stacks', () => {
    const model = loadAssembly(twoCopies().dir, { stacks: ['Prod'] });
    expect(model.apis.map((api) => api.stackName)).toEqual(['Prod']);
    expect([...model.functions.keys()]).toEqual([`${ARN}:Prod-Fn9270CBC0`]);
  });

  test('a stack pinned to an account and region keeps them in its ARNs, unless the options override them', () => {
    const app = newApp();
    const stacks = [
      ['Staging', '111111111111'],
      ['Live', '222222222222'],
    ].map(([name, account]) => {
      const stack = new Stack(app, name, { env: { account, region: 'eu-west-1' } });
      new lambda.Function(stack, 'Fn', {
        functionName: 'orders',
        runtime: lambda.Runtime.NODEJS_22_X,
        handler: 'index.handler',
        code: lambda.Code.fromInline(INLINE_HANDLER),
      });
      return stack;
    });
    const dir = synthesizeToAssembly(stacks[0]);
    expect([...loadAssembly(dir).functions.keys()]).toEqual([
      'arn:aws:lambda:eu-west-1:111111111111:function:orders',
      'arn:aws:lambda:eu-west-1:222222222222:function:orders',
    ]);
    const overridden = loadAssembly(dir, { accountId: '333333333333' });
    expect([...overridden.functions.keys()]).toEqual(['arn:aws:lambda:eu-west-1:333333333333:function:orders']);
    expect(overridden.unsupported).toEqual([
      {
        path: 'Live/Fn/Resource',
        reason:
          'function arn:aws:lambda:eu-west-1:333333333333:function:orders is also declared at Staging/Fn/Resource; only the first is served',
      },
    ]);
  });

  test('a cross-stack reference (Fn::ImportValue of another stack’s export) resolves', () => {
    const app = newApp();
    const shared = new Stack(app, 'Shared');
    const fn = inlineFunction(shared, 'SharedFn');
    const web = new Stack(app, 'Web');
    const api = new apigateway.RestApi(web, 'Api');
    api.root.addMethod('GET', new apigateway.LambdaIntegration(fn));
    const model = loadAssembly(synthesizeToAssembly(web), { stacks: ['Web'] });
    expect(model.apis[0].table.routes[0].integration).toMatchObject({ functionArn: `${ARN}:SharedFnBE22E682` });
    expect(model.functions.size).toBe(0);
    expect(model.unsupported).toEqual([
      expect.objectContaining({
        reason: expect.stringContaining(`integrates ${ARN}:SharedFnBE22E682, which is not a function`),
      }),
    ]);
  });
});

describe('hand-written templates', () => {
  test('a resource whose Condition is false does not exist', () => {
    const dir = assembly({
      stacks: {
        Cond: {
          Parameters: { Env: { Type: 'String', Default: 'dev' } },
          Conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] } },
          Resources: {
            Fn: nodeFunction(),
            ...restApiResources('Fn'),
            ProdOnly: { ...nodeFunction(), Condition: 'IsProd' },
          },
        },
      },
    });
    const model = loadAssembly(dir);
    expect([...model.functions.keys()]).toEqual([`${ARN}:Fn`]);
    expect(model.apis[0].table.routes.map((r) => formatRouteKey(r.key))).toEqual(['GET /items']);
  });

  test('the legacy Deployment StageName/StageDescription form declares a stage', () => {
    const dir = assembly({
      stacks: {
        Legacy: {
          Resources: {
            Fn: nodeFunction(),
            ...restApiResources('Fn'),
            Deployment: {
              Type: 'AWS::ApiGateway::Deployment',
              Properties: {
                RestApiId: { Ref: 'Api' },
                StageName: 'beta',
                StageDescription: {
                  Variables: { color: 'blue' },
                  ThrottlingRateLimit: 7,
                  MethodSettings: [{ ResourcePath: '/~1items', HttpMethod: 'GET', ThrottlingBurstLimit: 1 }],
                  CanarySetting: { PercentTraffic: 10, StageVariableOverrides: { color: 'green' } },
                },
              },
            },
          },
        },
      },
    });
    expect(loadAssembly(dir).apis[0].stages).toEqual([
      {
        name: 'beta',
        variables: { color: 'blue' },
        deploymentId: 'Deployment',
        methodSettings: [
          { resourcePath: '*', httpMethod: '*', throttle: { rateLimit: 7 } },
          { resourcePath: '/items', httpMethod: 'GET', throttle: { burstLimit: 1 } },
        ],
        canary: { percentTraffic: 10, stageVariableOverrides: { color: 'green' } },
      },
    ]);
  });

  test('an environment variable from an export outside the assembly gets a placeholder and a report', () => {
    const dir = assembly({
      stacks: {
        Env: {
          Resources: {
            Fn: nodeFunction({
              Environment: {
                Variables: { TABLE: { 'Fn::ImportValue': 'Data:TableName' }, SIZE: 3, REGION: { Ref: 'AWS::Region' } },
              },
            }),
          },
        },
      },
    });
    const model = loadAssembly(dir);
    expect(model.functions.get(`${ARN}:Fn`)?.environment).toEqual({
      TABLE: '<Fn::ImportValue Data:TableName>',
      SIZE: '3',
      REGION: 'us-east-1',
    });
    expect(model.unsupported).toEqual([
      {
        path: 'Env/Fn',
        reason: 'environment variable TABLE: Fn::ImportValue "Data:TableName": no stack in this assembly exports it',
      },
    ]);
  });

  test('function code: an asset directory, a missing asset, code in a foreign bucket, a container image', () => {
    const s3Code = (key: string) => ({ Code: { S3Bucket: 'assets-bucket', S3Key: key } });
    const dir = assembly({
      stacks: {
        Code: {
          Resources: {
            Dir: nodeFunction(s3Code('dir.zip')),
            Gone: nodeFunction(s3Code('gone.zip')),
            Foreign: nodeFunction({ Code: { S3Bucket: 'someone-elses', S3Key: 'app.zip' } }),
            Image: {
              Type: 'AWS::Lambda::Function',
              Properties: { PackageType: 'Image', Code: { ImageUri: 'repo:tag' } },
            },
          },
        },
      },
      files: { 'asset.dir/': '' },
      assets: { 'dir.zip': 'asset.dir/', 'gone.zip': 'asset.gone/' },
    });
    const model = loadAssembly(dir);
    const reason = (id: string) => model.functions.get(`${ARN}:${id}`)?.unsupportedReason;
    expect(model.functions.get(`${ARN}:Dir`)?.codeDirectory).toBe(path.join(dir, 'asset.dir'));
    expect(reason('Dir')).toBeUndefined();
    expect(reason('Gone')).toMatch(/asset\.gone is missing/);
    expect(reason('Foreign')).toBe('its code is in s3://someone-elses/app.zip, which is not an asset of this assembly');
    expect(reason('Image')).toBe('it has no Runtime (container image functions are not supported locally)');
    expect(model.unsupported).toHaveLength(3);
  });

  test('a Body included with Fn::Transform AWS::Include is read from its asset, with intrinsics resolved', () => {
    const definition = {
      swagger: '2.0',
      info: { title: 'included', version: '1' },
      paths: {
        '/inc': {
          post: {
            'x-amazon-apigateway-integration': {
              type: 'aws_proxy',
              httpMethod: 'POST',
              uri: {
                'Fn::Sub': 'arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations',
              },
            },
          },
        },
      },
    };
    const dir = assembly({
      stacks: {
        Inc: {
          Resources: {
            Fn: nodeFunction(),
            Api: {
              Type: 'AWS::ApiGateway::RestApi',
              Properties: {
                Body: {
                  'Fn::Transform': {
                    Name: 'AWS::Include',
                    Parameters: { Location: { 'Fn::Sub': 's3://assets-${AWS::AccountId}/def.json' } },
                  },
                },
              },
            },
          },
        },
      },
      files: { 'asset.def.json': JSON.stringify(definition) },
      assets: { 'def.json': 'asset.def.json' },
    });
    const [api] = loadAssembly(dir).apis;
    expect(api.name).toBe('included');
    expect(api.table.routes[0]).toMatchObject({
      key: { method: 'POST', path: '/inc' },
      integration: { kind: 'lambda', functionArn: `${ARN}:Fn` },
    });
  });

  test('what cannot be served is listed with its path and reason, and the rest still loads', () => {
    const dir = assembly({
      stacks: {
        Mixed: {
          Resources: {
            Fn: nodeFunction(),
            ...restApiResources('Fn', {
              Legacy: {
                Type: 'AWS::ApiGateway::Method',
                Properties: {
                  RestApiId: { Ref: 'Api' },
                  ResourceId: { 'Fn::GetAtt': ['Api', 'RootResourceId'] },
                  HttpMethod: 'POST',
                  AuthorizationType: 'NONE',
                  Integration: {
                    Type: 'AWS',
                    IntegrationHttpMethod: 'POST',
                    Uri: 'arn:aws:apigateway:us-east-1:sqs:path/q',
                  },
                },
              },
            }),
            Socket: { Type: 'AWS::ApiGatewayV2::Api', Properties: { Name: 'h', ProtocolType: 'WEBSOCKET' } },
          },
        },
      },
    });
    const model = loadAssembly(dir);
    // An AWS service integration loads with its mapping (sent with --aws-endpoint, else answered 500 and logged).
    expect(model.apis[0].table.routes.map((r) => formatRouteKey(r.key))).toEqual(['GET /items', 'POST /']);
    expect(model.apis[0].table.routes[1].integration).toMatchObject({
      kind: 'aws',
      uri: 'arn:aws:apigateway:us-east-1:sqs:path/q',
    });
    expect(model.unsupported).toEqual([
      { path: 'Mixed/Socket', reason: 'WEBSOCKET APIs (API Gateway v2) are not served locally' },
    ]);
  });
});

test('Fn::ImportValue of an export in the same assembly is an ordinary reference', () => {
  const app = newApp();
  const producer = new Stack(app, 'Producer');
  new CfnWaitConditionHandle(producer, 'Marker');
  new CfnOutput(producer, 'Out', { value: 'shared-value', exportName: 'SharedValue' });
  const consumer = new Stack(app, 'Consumer');
  new lambda.Function(consumer, 'Fn', {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline(INLINE_HANDLER),
    environment: { SHARED: Fn.importValue('SharedValue') },
  });
  const model = loadAssembly(synthesizeToAssembly(consumer));
  expect([...model.functions.values()][0].environment).toEqual({ SHARED: 'shared-value' });
  expect(model.unsupported).toEqual([]);
});
