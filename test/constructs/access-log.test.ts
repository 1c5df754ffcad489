import { Match, Template } from 'aws-cdk-lib/assertions';
import * as logs from 'aws-cdk-lib/aws-logs';
import { ApiGatewayAccountLoggingRole } from '../../lib/constructs';
import { ACCESS_LOG_FORMATS } from '../../lib/core/access-log-formats';
import { newStack, resourcesOfType, simpleGateway, warningsOf } from './helpers';

describe('Gateway access and execution logging', () => {
  test('each stage writes JSON access logs to its own log group kept one month by default', () => {
    const stack = newStack();
    simpleGateway(stack, { versions: { v1: {}, v2: {} } });
    const template = Template.fromStack(stack);
    const groups = resourcesOfType(template, 'AWS::Logs::LogGroup');
    expect(Object.values(groups).map((group) => group.Properties.RetentionInDays)).toEqual([30, 30]);
    const stages = Object.values(resourcesOfType(template, 'AWS::ApiGateway::Stage'));
    for (const stage of stages) {
      const setting = stage.Properties.AccessLogSetting as {
        DestinationArn: { 'Fn::GetAtt': string[] };
        Format: string;
      };
      expect(setting.Format).toBe(ACCESS_LOG_FORMATS.json);
      expect(Object.keys(groups)).toContain(setting.DestinationArn['Fn::GetAtt'][0]);
    }
  });

  test('a version may choose another preset and retention', () => {
    const stack = newStack();
    simpleGateway(stack, {
      stageOptions: { accessLog: { retention: logs.RetentionDays.ONE_WEEK } },
      versions: { v1: { accessLog: { format: ACCESS_LOG_FORMATS.clf } } },
    });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 7 });
    template.hasResourceProperties('AWS::ApiGateway::Stage', { AccessLogSetting: { Format: ACCESS_LOG_FORMATS.clf } });
  });

  test('a custom format without $context.requestId throws (core check)', () => {
    const stack = newStack();
    expect(() =>
      simpleGateway(stack, { stageOptions: { accessLog: { format: '$context.identity.sourceIp $context.status' } } }),
    ).toThrow(/Access log format must include \$context.requestId/);
  });

  test('access logging can be turned off', () => {
    const stack = newStack();
    simpleGateway(stack, { stageOptions: { accessLog: { enabled: false } } });
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::Logs::LogGroup', 0);
    const stage = Object.values(resourcesOfType(template, 'AWS::ApiGateway::Stage'))[0];
    expect(stage.Properties.AccessLogSetting).toBeUndefined();
  });

  test('execution logging sets the stage logging level and never creates the account-wide role', () => {
    const stack = newStack();
    simpleGateway(stack, { stageOptions: { executionLogLevel: 'ERROR' } });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::ApiGateway::Stage', {
      MethodSettings: [{ ResourcePath: '/*', HttpMethod: '*', LoggingLevel: 'ERROR' }],
    });
    template.resourceCountIs('AWS::ApiGateway::Account', 0);
    template.resourceCountIs('AWS::IAM::Role', 1); // the function's own role only
  });

  test('execution logging without an account logging role in the app draws a warning', () => {
    const stack = newStack();
    simpleGateway(stack, { stageOptions: { executionLogLevel: 'INFO' } });
    expect(warningsOf(stack).join('\n')).toMatch(/Execution logging is on, which needs the account-wide/);
  });

  test('ApiGatewayAccountLoggingRole sets the account CloudWatch role, and silences that warning', () => {
    const stack = newStack();
    simpleGateway(stack, { stageOptions: { executionLogLevel: 'INFO' } });
    new ApiGatewayAccountLoggingRole(stack, 'AccountLogging');
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::ApiGateway::Account', {
      CloudWatchRoleArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^AccountLoggingRole'), 'Arn'] },
    });
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'apigateway.amazonaws.com' } }],
      },
    });
    expect(warningsOf(stack).join('\n')).not.toMatch(/Execution logging is on/);
  });
});
