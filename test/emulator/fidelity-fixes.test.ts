/**
 * Two documented behaviours the emulator did not honour before issue 16: an AWS_PROXY integration declared
 * with another method than POST (AWS answers 500 Internal server error), and the HTTP API quota on the
 * request line and header values together (10,240 bytes).
 */
import { App, Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUrlIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { explainFailure } from '../../lib/emulator/advice';
import { exceedsHttpHeaderQuota } from '../../lib/emulator/http/request-limits';
import { LocalGateway } from '../../lib/emulator/local-gateway';
import type { PipelineResult } from '../../lib/emulator/pipeline';

function stack(): Stack {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const s = new Stack(app, 'Fidelity');
  const fn = new lambda.Function(s, 'Fn', {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => ({ statusCode: 200, body: "ok" });'),
  });
  const api = new apigateway.RestApi(s, 'Rest', { cloudWatchRole: false, deployOptions: { stageName: 'dev' } });
  const proxyWithGet = new apigateway.AwsIntegration({
    proxy: true,
    service: 'lambda',
    path: `2015-03-31/functions/${fn.functionArn}/invocations`,
    integrationHttpMethod: 'GET',
  });
  api.root.addResource('get-proxy').addMethod('GET', proxyWithGet);
  api.root.addResource('post-proxy').addMethod('GET', new apigateway.LambdaIntegration(fn));
  const http = new apigwv2.HttpApi(s, 'Http', { createDefaultStage: false });
  new apigwv2.HttpStage(s, 'HttpStage', { httpApi: http, stageName: 'h' });
  http.addRoutes({ path: '/mock', integration: new HttpUrlIntegration('Backend', 'http://127.0.0.1:9/unreachable') });
  return s;
}

describe('documented behaviours honoured since issue 16', () => {
  let gw: LocalGateway;
  const results: PipelineResult[] = [];
  beforeAll(async () => {
    gw = await LocalGateway.fromStack(stack(), { onFunctionLog: () => {}, onRequest: (r) => results.push(r) });
  });
  afterAll(() => gw.close());

  test('an AWS_PROXY integration declared with GET answers 500 Internal server error, as on AWS', async () => {
    const response = await gw.fetch('/dev/get-proxy');
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ message: 'Internal server error' });
    expect(explainFailure(results.at(-1)!.context)?.reason).toContain('IntegrationHttpMethod GET');
    expect((await gw.fetch('/dev/post-proxy')).status).toBe(200);
  });

  test('an HTTP API refuses a request line and headers over 10,240 bytes with 413', async () => {
    const big = await gw.fetch('/h/mock', { headers: { 'x-big': 'a'.repeat(10_240) } });
    expect(big.status).toBe(413);
    expect(await big.json()).toEqual({ message: 'Request Entity Too Large' });
    const fits = await gw.fetch('/h/mock', { headers: { 'x-big': 'a'.repeat(9_000) } });
    expect(fits.status).not.toBe(413);
  });

  test('the HTTP quota counts the request line too', () => {
    const request = (url: string, value: string) => ({
      method: 'GET',
      rawUrl: url,
      headers: [['x', value]] as [string, string][],
      body: Buffer.alloc(0),
    });
    const line = 'GET /a HTTP/1.1'.length;
    expect(exceedsHttpHeaderQuota(request('/a', 'a'.repeat(10_240 - line)) as never)).toBe(false);
    expect(exceedsHttpHeaderQuota(request('/ab', 'a'.repeat(10_240 - line)) as never)).toBe(true);
  });
});
