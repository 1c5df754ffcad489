import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { LocalGateway } from 'portico/testing';
import { HelloStack } from '../lib/hello-stack';

const stack = new HelloStack(new App(), 'TestStack');
let gw: LocalGateway;

beforeAll(async () => {
  gw = await LocalGateway.fromStack(stack);
});
afterAll(() => gw.close());

test('the template holds one REST API and the plan with its throttle', () => {
  const template = Template.fromStack(stack);
  template.resourceCountIs('AWS::ApiGateway::RestApi', 1);
  template.hasResourceProperties('AWS::ApiGateway::UsagePlan', { Throttle: { RateLimit: 1, BurstLimit: 1 } });
});

test('the public route answers without a token or key', async () => {
  const res = await gw.fetch('/v1/public');
  expect(res.status).toBe(200);
});

test('the authorizer answers 401 without a token and 403 for a denied one', async () => {
  expect((await gw.fetch('/v1/hello', { headers: { 'x-api-key': gw.apiKey('tester') } })).status).toBe(401);
  const wrong = await gw.fetch('/v1/hello', {
    headers: { authorization: 'Bearer bad', 'x-api-key': gw.apiKey('tester') },
  });
  expect(wrong.status).toBe(403);
});

test('an authorized caller is served, then throttled by its plan', async () => {
  const headers = { authorization: 'Bearer good', 'x-api-key': gw.apiKey('tester') };
  const first = await gw.fetch('/v1/hello', { headers });
  expect(first.status).toBe(200);
  expect(await first.json()).toEqual({ hello: 'consumer-user', path: '/hello' });
  const second = await gw.fetch('/v1/hello', { headers });
  expect(second.status).toBe(429);
  expect(gw.accessLog.length).toBeGreaterThanOrEqual(5);
});
