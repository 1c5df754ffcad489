import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { LocalGateway } from 'portico/testing';
import { HelloStack } from '../lib/hello-stack.mjs';

const stack = new HelloStack(new App(), 'TestStack');
let gw;
before(async () => {
  gw = await LocalGateway.fromStack(stack);
});
after(() => gw.close());

test('the template holds one REST API', () => {
  Template.fromStack(stack).resourceCountIs('AWS::ApiGateway::RestApi', 1);
});

test('an ESM app calls its gateway in-process', async () => {
  const res = await gw.fetch('/v1/hello');
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { hello: 'anonymous', path: '/hello' });
});
