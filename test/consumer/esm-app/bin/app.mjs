import { App } from 'aws-cdk-lib';
import { HelloStack } from '../lib/hello-stack.mjs';

new HelloStack(new App(), 'HelloStack');
