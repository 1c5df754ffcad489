/**
 * CDK app entry (`npx cdk synth`): the example gateway on the custom domain `api.example.com` (v2 at the root,
 * v1 under `/v1`), which `npm start -- --https` serves locally. To deploy, pass your own domain and an ACM
 * certificate for it in the stack's region: `npx cdk deploy -c domainName=api.mine.com -c certificateArn=arn:aws:acm:...`;
 * `-c domainName=none` leaves the custom domain out.
 */
import { Annotations, App, Aws } from 'aws-cdk-lib';
import { ExampleGatewayStack } from './example-stack';

const app = new App();
const domainName: unknown = app.node.tryGetContext('domainName') ?? 'api.example.com';
const certificateArn: unknown = app.node.tryGetContext('certificateArn');
const stack = new ExampleGatewayStack(app, 'PorticoExample', {
  domain:
    domainName === 'none' || typeof domainName !== 'string'
      ? undefined
      : {
          domainName,
          // Synthesizes without an AWS account; a deploy needs a real certificate (the warning below says so).
          certificateArn:
            typeof certificateArn === 'string'
              ? certificateArn
              : `arn:${Aws.PARTITION}:acm:${Aws.REGION}:${Aws.ACCOUNT_ID}:certificate/replace-with-your-certificate`,
        },
});
if (stack.gateway.domain && typeof certificateArn !== 'string') {
  Annotations.of(stack.gateway.domain).addWarningV2(
    'portico:example-certificate',
    'The example domain has a placeholder certificate: pass -c certificateArn=<ACM ARN> (and -c domainName) to deploy.',
  );
}
app.synth();
