import type { InvokeResult } from '../../../lib/emulator/lambda/invoker';
import type { LambdaMode } from '../../../lib/emulator/lambda/process-pool';
import { LambdaRuntime } from '../../../lib/emulator/lambda/runtime';
import { arnOf, functionMap, HANDLERS_DIR, lambdaFunction, NODE_LAMBDA_MODES } from './functions';

const users = lambdaFunction('users', 'introspect.env', {
  logicalId: 'UsersFunction',
  environment: { TABLE_NAME: 'users-table', STAGE: 'prod', SHARED: 'template' },
  memorySize: 512,
});
const orders = lambdaFunction('orders', 'introspect.env', {
  logicalId: 'OrdersFunction',
  environment: { QUEUE_URL: 'https://sqs/orders', STAGE: 'prod' },
});
const context = lambdaFunction('context', 'introspect.context', { memorySize: 256, timeoutSeconds: 7 });
const keys = lambdaFunction('keys', 'introspect.envKeys');

process.env.PORTICO_HOST_ONLY = 'must not leak';
const createRuntime = (lambdaMode: LambdaMode) =>
  new LambdaRuntime(functionMap(users, orders, context, keys), {
    lambdaMode,
    envOverrides: {
      Parameters: { STAGE: 'local', SHARED: 'parameters', UNDECLARED: 'ignored' },
      users: { SHARED: 'by function name' },
      UsersFunction: { TABLE_NAME: 'users-local' },
    },
  });

function payloadOf<T = Record<string, unknown>>(result: InvokeResult): T {
  if (result.kind !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(result)}`);
  return result.payload as T;
}

describe.each(NODE_LAMBDA_MODES)('LambdaRuntime environment (%s)', (lambdaMode) => {
  let runtime: LambdaRuntime;
  beforeAll(() => {
    runtime = createRuntime(lambdaMode);
  });
  afterAll(() => runtime.close());
  const readEnv = async (functionName: string, ...names: string[]) =>
    payloadOf(await runtime.invoke(arnOf(functionName), { names }));

  test("each function sees its own template variables and not another function's", async () => {
    expect(await readEnv('orders', 'QUEUE_URL', 'TABLE_NAME')).toEqual({
      QUEUE_URL: 'https://sqs/orders',
      TABLE_NAME: null,
    });
    expect(await readEnv('users', 'QUEUE_URL', 'TABLE_NAME')).toEqual({ QUEUE_URL: null, TABLE_NAME: 'users-local' });
  });

  test('overrides: Parameters apply to all, per-function entries win, undeclared variables are ignored', async () => {
    expect(await readEnv('users', 'STAGE', 'SHARED', 'TABLE_NAME', 'UNDECLARED')).toEqual({
      STAGE: 'local',
      SHARED: 'by function name',
      TABLE_NAME: 'users-local',
      UNDECLARED: null,
    });
    expect(await readEnv('orders', 'STAGE', 'SHARED')).toEqual({ STAGE: 'local', SHARED: null });
  });

  test("Lambda's reserved variables are set", async () => {
    const names = [
      'AWS_LAMBDA_FUNCTION_NAME',
      'AWS_LAMBDA_FUNCTION_VERSION',
      'AWS_LAMBDA_FUNCTION_MEMORY_SIZE',
      'AWS_REGION',
      'AWS_DEFAULT_REGION',
      'AWS_EXECUTION_ENV',
      'LAMBDA_TASK_ROOT',
      'TZ',
      'AWS_LAMBDA_LOG_GROUP_NAME',
      '_HANDLER',
    ];
    expect(await readEnv('users', ...names)).toEqual({
      AWS_LAMBDA_FUNCTION_NAME: 'users',
      AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '512',
      AWS_REGION: 'eu-west-1',
      AWS_DEFAULT_REGION: 'eu-west-1',
      AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs20.x',
      LAMBDA_TASK_ROOT: HANDLERS_DIR,
      TZ: ':UTC',
      AWS_LAMBDA_LOG_GROUP_NAME: '/aws/lambda/users',
      _HANDLER: 'introspect.env',
    });
  });

  test("the host's variables stay out of the function, except PATH", async () => {
    const names = payloadOf<string[]>(await runtime.invoke(arnOf('keys'), {}));
    expect(names).toContain('PATH');
    expect(names).not.toContain('PORTICO_HOST_ONLY');
    expect(names).not.toContain('NODE_OPTIONS');
  });

  test('the context object carries what the Node.js runtime gives it', async () => {
    const result = await runtime.invoke(`${arnOf('context')}:live`, {});
    const seen = payloadOf(result);
    expect(seen).toMatchObject({
      awsRequestId: result.requestId,
      functionName: 'context',
      functionVersion: '$LATEST',
      invokedFunctionArn: `${arnOf('context')}:live`,
      memoryLimitInMB: '256',
      logGroupName: '/aws/lambda/context',
      callbackWaitsForEmptyEventLoop: true,
    });
    expect(seen.logStreamName).toMatch(/^\d{4}\/\d\d\/\d\d\/\[\$LATEST\][0-9a-f]{32}$/);
    expect(seen.remainingTimeInMillis).toBeGreaterThan(0);
    expect(seen.remainingTimeInMillis).toBeLessThanOrEqual(7000);
  });

  test('a function is found by ARN, qualified ARN, name, name:qualifier or logical id', async () => {
    const invokedArns: unknown[] = [];
    for (const reference of [arnOf('context'), `${arnOf('context')}:3`, 'context', 'context:live', 'contextFunction']) {
      invokedArns.push(payloadOf(await runtime.invoke(reference, {})).invokedFunctionArn);
    }
    expect(invokedArns).toEqual([
      arnOf('context'),
      `${arnOf('context')}:3`,
      arnOf('context'),
      `${arnOf('context')}:live`,
      arnOf('context'),
    ]);
  });

  test('region and account options name the emulated account', async () => {
    const regional = new LambdaRuntime(functionMap(users, context), {
      lambdaMode,
      region: 'ap-south-1',
      accountId: '111122223333',
    });
    try {
      expect(payloadOf(await regional.invoke(arnOf('users'), { names: ['AWS_REGION'] }))).toEqual({
        AWS_REGION: 'ap-south-1',
      });
      expect(payloadOf(await regional.invoke('context', {})).invokedFunctionArn).toBe(
        'arn:aws:lambda:ap-south-1:111122223333:function:context',
      );
    } finally {
      await regional.close();
    }
  });
});
