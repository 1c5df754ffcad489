/**
 * A CDK app whose handler uses the AWS SDK that Lambda's nodejs22.x image provides (left out of the
 * bundle by NodejsFunction) runs locally against a DynamoDB endpoint started here, which checks the
 * SigV4-signed request the handler's SDK sends with the credentials the gateway passed on.
 */
import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignatureV4 } from '@smithy/signature-v4';
import { LocalGateway } from '../../lib/emulator/local-gateway';
import type { PipelineResult } from '../../lib/emulator/pipeline';
import { buildSdkAppStack } from './sdk-app/sdk-app-stack';

interface Received {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

/** node:crypto behind the SDK's hash interface, to recompute the signature the handler sent. */
class NodeSha256 {
  private readonly hash;
  constructor(secret?: string | Uint8Array | ArrayBufferView) {
    this.hash = secret
      ? createHmac('sha256', Buffer.from(secret as Uint8Array))
      : (createHash('sha256') as unknown as ReturnType<typeof createHmac>);
  }
  update(data: string | Uint8Array): void {
    this.hash.update(typeof data === 'string' ? Buffer.from(data) : data);
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
}

const credentials = { accessKeyId: 'AKIDLOCALTEST0001', secretAccessKey: 'local-secret', sessionToken: 'local-token' };

describe('handlers use the AWS SDK their runtime provides on AWS', () => {
  let dynamodb: Server;
  let gw: LocalGateway;
  const received: Received[] = [];
  const results: PipelineResult[] = [];

  beforeAll(async () => {
    dynamodb = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        received.push({
          method: req.method ?? '',
          path: req.url ?? '',
          headers: req.headers,
          body: Buffer.concat(chunks).toString(),
        });
        res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => dynamodb.listen(0, '127.0.0.1', resolve));
    const endpoint = `http://127.0.0.1:${(dynamodb.address() as AddressInfo).port}`;
    gw = await LocalGateway.fromStack(buildSdkAppStack(), {
      region: 'eu-west-1',
      aws: { credentials, endpoints: { AWS_ENDPOINT_URL_DYNAMODB: endpoint } },
      onFunctionLog: () => {},
      onRequest: (result) => results.push(result),
    });
  });
  afterAll(async () => {
    await gw.close();
    await new Promise((resolve) => dynamodb.close(resolve));
  });

  test('a PutItem reaches the endpoint signed with the credentials and region the function was given', async () => {
    const response = await gw.fetch('/dev/todos/42', { method: 'PUT' });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ id: '42', region: 'eu-west-1' });

    expect(received).toHaveLength(1);
    const [request] = received;
    expect(request.headers['x-amz-target']).toBe('DynamoDB_20120810.PutItem');
    expect(JSON.parse(request.body)).toEqual({ TableName: 'todos', Item: { id: { S: '42' }, done: { BOOL: false } } });
    expect(request.headers['x-amz-security-token']).toBe('local-token');
    const authorization = String(request.headers.authorization);
    const amzDate = String(request.headers['x-amz-date']);
    expect(authorization).toMatch(
      new RegExp(
        `^AWS4-HMAC-SHA256 Credential=AKIDLOCALTEST0001/${amzDate.slice(0, 8)}/eu-west-1/dynamodb/aws4_request, `,
      ),
    );

    // Recompute the signature over what arrived: it matches only if the handler signed with our secret.
    const signedHeaders = /SignedHeaders=([^,]+)/.exec(authorization)?.[1].split(';') ?? [];
    const headers = Object.fromEntries(signedHeaders.map((name) => [name, String(request.headers[name])]));
    const signer = new SignatureV4({
      credentials,
      region: 'eu-west-1',
      service: 'dynamodb',
      sha256: NodeSha256 as never,
    });
    const signingDate = new Date(
      `${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`,
    );
    const expected = await signer.sign(
      {
        method: request.method,
        protocol: 'http:',
        hostname: '127.0.0.1',
        path: request.path,
        query: {},
        headers,
        body: request.body,
      },
      { signingDate },
    );
    expect(authorization).toBe(expected.headers.authorization);
  });

  test('an SDK module installed nowhere fails as ImportModuleError with the command that fixes it', async () => {
    const response = await gw.fetch('/dev/sfn');
    expect(response.status).toBe(502);
    const integration = results.at(-1)?.context.integration;
    expect(integration?.errorType).toBe('Runtime.ImportModuleError');
    expect(integration?.error).toContain("Cannot find module '@aws-sdk/client-sfn'");
  });
});
