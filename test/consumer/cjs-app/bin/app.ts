import { App } from 'aws-cdk-lib';
import { HelloStack } from '../lib/hello-stack';

new HelloStack(new App(), 'HelloStack');
