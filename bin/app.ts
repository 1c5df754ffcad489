/**
 * CDK app entry (`npx cdk synth`): the example gateway. Optional context `domainName` and
 * `certificateArn` (both or neither) serve the versions on a custom domain:
 * `npx cdk synth -c domainName=api.example.com -c certificateArn=arn:aws:acm:...`.
 */
import { App } from 'aws-cdk-lib';
import { ExampleGatewayStack } from './example-stack';

const app = new App();
const domainName: unknown = app.node.tryGetContext('domainName');
const certificateArn: unknown = app.node.tryGetContext('certificateArn');
if ((domainName === undefined) !== (certificateArn === undefined)) {
  throw new Error('Pass both -c domainName=... and -c certificateArn=... for a custom domain, or neither.');
}
new ExampleGatewayStack(app, 'PorticoExample', {
  domain:
    typeof domainName === 'string' && typeof certificateArn === 'string' ? { domainName, certificateArn } : undefined,
});
app.synth();
