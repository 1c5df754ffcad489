/**
 * Jest setup: aws-cdk-lib's built-in CloudFormation validation plugin loads a WebAssembly rule engine on the
 * first synth of every test file (seconds each, tens of seconds on a loaded machine) and can only report
 * warnings (its errors are downgraded unless a context flag asks otherwise), so no test depends on it.
 * Plugins a test registers itself (cdk-nag in example-stack.test.ts) still run. Child processes (`cdk synth`
 * in the e2e tests) inherit the setting.
 */
process.env.CDK_VALIDATION = 'false';
