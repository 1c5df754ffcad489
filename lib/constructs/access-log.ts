/**
 * Access logging for one stage (AWS docs: "Set up CloudWatch logging for REST APIs"): a log group and a one-line `$context` format.
 * Access logs need no account-level role; execution logs do (see ApiGatewayAccountLoggingRole).
 */
import { Annotations, RemovalPolicy } from 'aws-cdk-lib';
import type { CfnStage } from 'aws-cdk-lib/aws-apigateway';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { ACCESS_LOG_FORMATS } from '../core/access-log-formats';
import { checkAccessLogFormat } from '../core/checks';

export interface AccessLogOptions {
  /**
   * Write access logs for the stage.
   * @default true
   */
  readonly enabled?: boolean;
  /**
   * One-line format of `$context` variables; it must contain `$context.requestId`. Presets are in
   * `ACCESS_LOG_FORMATS` (`json`, `clf`, `csv`, `xml`, `awsJson`).
   * @default ACCESS_LOG_FORMATS.json
   */
  readonly format?: string;
  /**
   * How long CloudWatch Logs keeps the entries.
   * @default logs.RetentionDays.ONE_MONTH
   */
  readonly retention?: logs.RetentionDays;
  /**
   * What happens to the log group when it leaves the stack.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/** The log group behind one stage's access log. */
export class StageAccessLog extends Construct {
  readonly logGroup: logs.LogGroup;
  readonly format: string;

  constructor(scope: Construct, id: string, options: AccessLogOptions) {
    super(scope, id);
    this.format = options.format ?? ACCESS_LOG_FORMATS.json;
    const findings = checkAccessLogFormat(this.format);
    const errors = findings.filter((finding) => finding.level === 'error');
    if (errors.length > 0) {
      throw new Error(`${this.node.path}: ${errors.map((finding) => finding.message).join(' ')}`);
    }
    for (const warning of findings) Annotations.of(this).addWarningV2(`portico:${warning.ruleId}`, warning.message);
    this.logGroup = new logs.LogGroup(this, 'LogGroup', {
      retention: options.retention ?? logs.RetentionDays.ONE_MONTH,
      removalPolicy: options.removalPolicy ?? RemovalPolicy.RETAIN,
    });
  }

  get setting(): CfnStage.AccessLogSettingProperty {
    return { destinationArn: this.logGroup.logGroupArn, format: this.format };
  }
}
