/**
 * The role API Gateway uses to write execution logs to CloudWatch Logs. It is one setting per account
 * and region (`AWS::ApiGateway::Account`), so Portico never creates it per API (DESIGN: "API Gateway facts");
 * add this construct once, in one stack per account and region, when you want execution logs.
 */
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

export interface ApiGatewayAccountLoggingRoleProps {
  /**
   * An existing role for API Gateway to assume.
   * @default - a new role with the AWS managed policy AmazonAPIGatewayPushToCloudWatchLogs
   */
  readonly role?: iam.IRole;
}

export class ApiGatewayAccountLoggingRole extends Construct {
  readonly role: iam.IRole;
  readonly account: apigateway.CfnAccount;

  constructor(scope: Construct, id: string, props: ApiGatewayAccountLoggingRoleProps = {}) {
    super(scope, id);
    this.role =
      props.role ??
      new iam.Role(this, 'Role', {
        assumedBy: new iam.ServicePrincipal('apigateway.amazonaws.com'),
        managedPolicies: [
          iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AmazonAPIGatewayPushToCloudWatchLogs'),
        ],
      });
    this.account = new apigateway.CfnAccount(this, 'Account', { cloudWatchRoleArn: this.role.roleArn });
    this.account.node.addDependency(this.role);
  }

  /** True when the construct tree of `scope`'s app declares one (execution logging then works once deployed). */
  static isDeclaredIn(scope: Construct): boolean {
    return scope.node.root.node.findAll().some((construct) => construct instanceof ApiGatewayAccountLoggingRole);
  }
}
