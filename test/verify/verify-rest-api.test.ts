/**
 * `portico verify` of REST APIs (API Gateway v1) against the emulator's management API with the real
 * `@aws-sdk/client-api-gateway`: a plain aws-cdk-lib RestApi, and the Portico example gateway, whose
 * versions are one REST API each, found by name.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { ExampleGatewayStack } from '../../bin/example-stack';
import { type VerifyOutput, verifyCommand } from '../../lib/cli/verify';
import { LocalGateway } from '../../lib/emulator/local-gateway';
import { type RunningServer, serveGateway } from '../../lib/emulator/server';
import { synthRestApi } from './verify-stacks';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

function captured(): VerifyOutput & { stdout: () => string; stderr: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    color: false,
    stdout: () => out.join('\n'),
    stderr: () => err.join('\n'),
  };
}

async function served(assembly: string): Promise<{ gw: LocalGateway; server: RunningServer }> {
  const gw = await LocalGateway.fromAssembly(assembly, { loopback: false, onFunctionLog: () => {} });
  return { gw, server: await serveGateway(gw, { port: 0 }) };
}

describe('portico verify of a plain aws-cdk-lib REST API', () => {
  let deployed: { gw: LocalGateway; server: RunningServer };
  let assembly: string;

  beforeAll(async () => {
    assembly = synthRestApi();
    deployed = await served(assembly);
  });
  afterAll(async () => {
    await deployed.server.close();
    await deployed.gw.close();
  });

  test('exits 0 when routes, authorizers, stage settings and the usage plan match', async () => {
    const output = captured();
    expect(await verifyCommand({ assembly, endpoint: deployed.server.url }, output)).toBe(0);
    expect(output.stdout()).toMatch(/^REST API verify-rest \([0-9a-f]{10}\): in sync with the template$/);
  });

  test('exits 1 naming the method whose authorizer the template added', async () => {
    const output = captured();
    const changed = synthRestApi({ itemsAuthorizer: true });
    expect(await verifyCommand({ assembly: changed, endpoint: deployed.server.url }, output)).toBe(1);
    expect(output.stdout().split('\n').slice(1)).toEqual([
      expect.stringMatching(
        /^ {2}~ route GET \/items: authorization: template CUSTOM "VerifyRestTokenAuth\w+", deployed NONE$/,
      ),
    ]);
  });
});

describe('portico verify of the Portico example gateway (one REST API per version)', () => {
  let deployed: { gw: LocalGateway; server: RunningServer };
  let assembly: string;

  beforeAll(async () => {
    const app = new App({ outdir: mkdtempSync(join(tmpdir(), 'portico-verify-')) });
    new ExampleGatewayStack(app, 'Example', { bundling: false });
    assembly = app.synth().directory;
    deployed = await served(assembly);
  }, 60_000);
  afterAll(async () => {
    await deployed.server.close();
    await deployed.gw.close();
  });

  test('finds every version’s REST API by name and finds them in sync', async () => {
    const output = captured();
    expect(await verifyCommand({ assembly, endpoint: deployed.server.url }, output)).toBe(0);
    const names = deployed.gw.model.apis.map((api) => api.name);
    expect(names.length).toBeGreaterThan(1);
    for (const name of names) expect(output.stdout()).toContain(`REST API ${name} (`);
    expect(output.stdout()).not.toContain('difference');
  });
});
