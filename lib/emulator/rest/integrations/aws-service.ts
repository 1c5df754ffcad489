/**
 * AWS service integrations (`Type: AWS` with `arn:aws:apigateway:{region}:{service}:action/{Action}` or
 * `:path/{path}`; AWS docs: "Tutorial: Create a REST API as an Amazon S3 proxy", "x-amazon-apigateway-integration
 * object"). The request is rendered exactly; with `--aws-endpoint` it is sent there, SigV4-signed with the
 * local credentials (LocalStack, DynamoDB Local, ...); without one it is not sent: one warning names the
 * service, the action and the rendered body, and the client gets API Gateway's 500.
 */
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { GatewayError } from '../../../core/gateway-responses';
import { MAX_INTEGRATION_TIMEOUT_MS } from '../../../core/route-table';
import { requestBackend } from '../../backends/backend-request';
import type { RequestContext } from '../../request-context';

export interface AwsServiceDeps {
  /** Where AWS service integrations are sent (`http://127.0.0.1:4566`); unset: not sent. */
  readonly awsEndpoint?: string;
  readonly region: string;
}

/** JSON-protocol services and their `X-Amz-Target` prefix / content type (each service's API reference). */
const JSON_PROTOCOL: Readonly<Record<string, { readonly target: string; readonly contentType: string }>> = {
  dynamodb: { target: 'DynamoDB_20120810', contentType: 'application/x-amz-json-1.0' },
  states: { target: 'AWSStepFunctions', contentType: 'application/x-amz-json-1.0' },
  events: { target: 'AWSEvents', contentType: 'application/x-amz-json-1.1' },
  kinesis: { target: 'Kinesis_20131202', contentType: 'application/x-amz-json-1.1' },
  firehose: { target: 'Firehose_20150804', contentType: 'application/x-amz-json-1.1' },
};

export interface AwsServiceTarget {
  readonly region: string;
  readonly service: string;
  readonly action?: string;
  readonly path?: string;
}

export function parseAwsServiceUri(uri: string): AwsServiceTarget | undefined {
  const match = /^arn:[^:]+:apigateway:([^:]*):([^:]+):(action|path)\/(.*)$/.exec(uri);
  if (!match) return undefined;
  const [, region, service, kind, rest] = match;
  return kind === 'action' ? { region, service, action: rest.split('&')[0] } : { region, service, path: rest };
}

export async function callAwsService(
  ctx: RequestContext,
  integration: { readonly uri: string; readonly method: string; readonly timeoutMs: number },
  body: Buffer,
  mappedHeaders: readonly (readonly [string, string])[],
  deps: AwsServiceDeps,
  route: string,
): Promise<{ status: number; headers: [string, string][]; body: Buffer }> {
  const target = parseAwsServiceUri(integration.uri);
  const what = target
    ? `${target.service} ${target.action ? `action ${target.action}` : `path /${target.path}`}`
    : integration.uri;
  if (!target || !deps.awsEndpoint) {
    const reason = target ? 'no --aws-endpoint was given, so it was not sent' : 'its URI is not an AWS service URI';
    ctx.integration = { latency: 0, error: `AWS service integration ${what}: ${reason}` };
    process.emitWarning(
      `portico: ${route} → AWS ${what}: ${reason}. Rendered request body: ${body.toString('utf8')}`,
      'PorticoIntegrationWarning',
    );
    throw new GatewayError('API_CONFIGURATION_ERROR');
  }
  const endpoint = deps.awsEndpoint.replace(/\/+$/, '');
  const json = JSON_PROTOCOL[target.service];
  const url = new URL(target.action ? `${endpoint}/` : `${endpoint}/${target.path}`);
  const headers: Record<string, string> = {};
  for (const [name, value] of mappedHeaders) headers[name.toLowerCase()] = value;
  if (target.action && json) {
    headers['x-amz-target'] = `${json.target}.${target.action}`;
    headers['content-type'] ??= json.contentType;
  } else if (target.action) {
    url.searchParams.set('Action', target.action);
    headers['content-type'] ??= 'application/x-www-form-urlencoded';
  }
  headers.host = url.host;
  const signed = await sign(
    {
      method: integration.method,
      protocol: url.protocol,
      hostname: url.hostname,
      port: url.port ? Number(url.port) : undefined,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers,
      body: body.toString('utf8'),
    },
    target.service.split('.').pop() ?? target.service,
    target.region || deps.region,
  );
  const outcome = await requestBackend(
    url,
    integration.method,
    new Headers(Object.entries(signed).filter(([name]) => name !== 'host')),
    body,
    Math.min(integration.timeoutMs, MAX_INTEGRATION_TIMEOUT_MS),
  );
  if (!outcome.ok) {
    ctx.integration = { latency: outcome.latency, error: outcome.error };
    throw new GatewayError(outcome.timedOut ? 'INTEGRATION_TIMEOUT' : 'INTEGRATION_FAILURE');
  }
  ctx.integration = { latency: outcome.latency, status: outcome.status };
  return { status: outcome.status, headers: outcome.headers, body: outcome.body };
}

interface UnsignedRequest {
  method: string;
  protocol: string;
  hostname: string;
  port?: number;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: string;
}

/** SigV4 with the local credential chain; a local endpoint accepts any key, so a missing chain signs as `local`. */
async function sign(request: UnsignedRequest, service: string, region: string): Promise<Record<string, string>> {
  const [{ SignatureV4 }, { defaultProvider }] = await Promise.all([
    import('@smithy/signature-v4'),
    import('@aws-sdk/credential-provider-node'),
  ]);
  const credentials = async () => {
    try {
      return await defaultProvider()();
    } catch {
      return { accessKeyId: 'local', secretAccessKey: 'local' };
    }
  };
  const signer = new SignatureV4({ service, region, credentials, sha256: Sha256 });
  const signed = await signer.sign(request);
  return signed.headers as Record<string, string>;
}

/** The hash SignatureV4 needs, on node:crypto. */
class Sha256 {
  private readonly hash: Hash | Hmac;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret));
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.hash.update(bytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
}

function bytes(data: string | ArrayBuffer | ArrayBufferView): Buffer {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return Buffer.from(data);
}
