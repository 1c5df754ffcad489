/**
 * The readers turn what the SDK returns into the same description the template gives: read back from the
 * emulator (which serves the template), every field must survive the trip over the wire, across pages.
 */

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APIGatewayClient } from '@aws-sdk/client-api-gateway';
import { ApiGatewayV2Client } from '@aws-sdk/client-apigatewayv2';
import { App } from 'aws-cdk-lib';
import { ExampleHttpGatewayStack } from '../../bin/example-http-stack';
import { LocalGateway } from '../../lib/emulator/local-gateway';
import { type RunningServer, serveGateway } from '../../lib/emulator/server';
import {
  describeHttpApi,
  describeRestApi,
  findHttpApiIds,
  readDeployedHttpApi,
  readDeployedRestApi,
} from '../../lib/verify';
import { synthRestApi } from './verify-stacks';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const config = {
  region: 'us-east-1',
  credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test' },
  maxAttempts: 1,
};

async function served(assembly: string): Promise<{ gw: LocalGateway; server: RunningServer }> {
  const gw = await LocalGateway.fromAssembly(assembly, { loopback: false, onFunctionLog: () => {} });
  return { gw, server: await serveGateway(gw, { port: 0 }) };
}

test('an HTTP API read with GetRoutes, GetIntegrations, GetAuthorizers and GetStages equals its template description', async () => {
  const app = new App({ outdir: mkdtempSync(join(tmpdir(), 'portico-verify-')) });
  new ExampleHttpGatewayStack(app, 'ExampleHttp', { bundling: false });
  const { gw, server } = await served(app.synth().directory);
  const client = new ApiGatewayV2Client({ ...config, endpoint: server.url });
  try {
    const api = gw.model.httpApis[0];
    expect(await findHttpApiIds(client, 'portico-example-http', { pageSize: 1 })).toEqual([api.apiId]);
    // Pages of two: every list takes several calls.
    const actual = await readDeployedHttpApi(client, api.apiId, { pageSize: 2 });
    expect(actual).toEqual(describeHttpApi(api));
    expect(actual.routes['GET /status/{proxy+}']?.integration).toEqual({
      kind: 'http',
      url: 'https://status.example.com/{proxy}',
      method: 'GET',
    });
    expect(actual.authorizers.lambda).toMatchObject({
      type: 'REQUEST',
      payloadFormatVersion: '1.0',
      resultTtlSeconds: 300,
    });
  } finally {
    client.destroy();
    await server.close();
    await gw.close();
  }
}, 60_000);

test('a REST API read with GetResources (methods embedded), GetAuthorizers, GetStages and GetUsagePlans equals its template description', async () => {
  const { gw, server } = await served(synthRestApi());
  const client = new APIGatewayClient({ ...config, endpoint: server.url });
  try {
    const api = gw.model.apis[0];
    const actual = await readDeployedRestApi(client, api.apiId, { pageSize: 2 });
    expect(actual).toEqual(describeRestApi(api, gw.model));
    expect(Object.keys(actual.routes).sort()).toEqual(['GET /items', 'GET /items/{id}', 'GET /ping', 'POST /items']);
    expect(actual.stages.live.routeThrottles).toEqual({ 'GET /items': { rateLimit: 5, burstLimit: 10 } });
    expect(actual.usagePlans?.basic).toMatchObject({ quota: { limit: 1000, period: 'DAY' }, stages: { live: {} } });
  } finally {
    client.destroy();
    await server.close();
    await gw.close();
  }
});
