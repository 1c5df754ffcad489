import { functionNameOf } from '../../lib/verify/api-description';
import { lambdaFunctionName, sameFunctionName, samePhysicalName } from '../../lib/verify/physical-names';
import { methodThrottleKey } from '../../lib/verify/route-keys';

describe('samePhysicalName', () => {
  test('matches the same name, and the name CloudFormation generates from the logical id', () => {
    expect(samePhysicalName('my-function', 'my-function')).toBe(true);
    expect(samePhysicalName('Users0A0EEA89', 'ShopStack-Users0A0EEA89-Xb3kQ9ZpL2mN')).toBe(true);
    // CloudFormation shortens long logical ids to fit the 64-character limit.
    expect(
      samePhysicalName('GatewayHttpStageDefaultAccessLogLogGroup311E74FF', 'Shop-GatewayHttpStageDefaultA-Q1w2E3r4'),
    ).toBe(true);
    // The emulator qualifies a logical id two stacks share with the stack name.
    expect(samePhysicalName('Dev-Users0A0EEA89', 'Dev-Users0A0EEA89-Xb3kQ9ZpL2mN')).toBe(true);
  });

  test('refuses another logical id, and explicit names that differ', () => {
    expect(samePhysicalName('Users0A0EEA89', 'ShopStack-Orders9F8E7D6C-Xb3kQ9ZpL2mN')).toBe(false);
    expect(samePhysicalName('Users0A0EEA89', 'Users0A0EEA89-old')).toBe(false);
    expect(samePhysicalName('/aws/apigateway/shop', 'Stack-/aws/apigateway/shop-ABC')).toBe(false);
  });
});

describe('sameFunctionName', () => {
  test('requires the same alias or version', () => {
    expect(sameFunctionName('Users0A0EEA89:live', 'Shop-Users0A0EEA89-Xb3kQ9ZpL2mN:live')).toBe(true);
    expect(sameFunctionName('Users0A0EEA89:live', 'Shop-Users0A0EEA89-Xb3kQ9ZpL2mN:canary')).toBe(false);
  });

  test('compares stage-variable templates exactly', () => {
    expect(sameFunctionName(`\${stageVariables.fn}`, `\${stageVariables.fn}`)).toBe(true);
    expect(sameFunctionName(`\${stageVariables.fn}`, `\${stageVariables.other}`)).toBe(false);
  });
});

describe('function names from ARNs and invocation URIs', () => {
  test('reads the function name out of an ARN, a qualified ARN and an invocation URI', () => {
    expect(functionNameOf('arn:aws:lambda:eu-west-1:123456789012:function:Users')).toBe('Users');
    expect(functionNameOf('arn:aws:lambda:eu-west-1:123456789012:function:Users:live')).toBe('Users:live');
    expect(
      functionNameOf(
        'arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:Users/invocations',
      ),
    ).toBe('Users');
    expect(functionNameOf(`\${stageVariables.usersFunction}`)).toBe(`\${stageVariables.usersFunction}`);
  });

  test('recognises only Lambda function ARNs as function-valued stage variables', () => {
    expect(lambdaFunctionName('arn:aws:lambda:eu-west-1:1:function:Users')).toBe('Users');
    expect(lambdaFunctionName('arn:aws:sqs:eu-west-1:1:queue')).toBeUndefined();
    expect(lambdaFunctionName('v1')).toBeUndefined();
  });
});

describe('methodThrottleKey', () => {
  test('names REST per-method settings by route key, whichever way the path is spelled', () => {
    expect(methodThrottleKey('~1users~1{id}/GET')).toBe('GET /users/{id}');
    expect(methodThrottleKey('/users/{id}/GET')).toBe('GET /users/{id}');
    expect(methodThrottleKey('users/{id}/GET')).toBe('GET /users/{id}');
    expect(methodThrottleKey('//GET')).toBe('GET /');
    expect(methodThrottleKey('~1/GET')).toBe('GET /');
  });
});
