/**
 * `portico verify` without the printing: describe each API of one stack from the synthesized assembly, find
 * the deployed API (by `apiId`, else by its name with GetApis/GetRestApis — the stack's outputs would need
 * CloudFormation's client), read it with the API Gateway SDKs and diff the two.
 */
import { APIGatewayClient, GetRestApiCommand } from '@aws-sdk/client-api-gateway';
import { ApiGatewayV2Client, GetApiCommand } from '@aws-sdk/client-apigatewayv2';
import { loadAssembly } from '../emulator/assembly';
import { readCloudAssembly } from '../emulator/assembly/cloud-assembly';
import type { ApiDescription, ApiFlavor } from './api-description';
import { describeExpected } from './describe-expected';
import { diffApis } from './diff';
import type { ApiVerification } from './format-diff';
import { findHttpApiIds, readDeployedHttpApi } from './read-http-api';
import { findRestApiIds, readDeployedRestApi } from './read-rest-api';

export interface VerifyOptions {
  /** Cloud assembly directory (`cdk.out`). */
  readonly assembly: string;
  /** Stack (name or artifact id) whose APIs are verified. @default - the assembly's only stack */
  readonly stack?: string;
  readonly region: string;
  /** Management API endpoint, e.g. `http://127.0.0.1:3000` for `portico serve`. @default - AWS's */
  readonly endpoint?: string;
  /** Id of the deployed API. @default - found by the API's name */
  readonly apiId?: string;
  /** @default - the SDK's default provider chain; placeholder keys for a loopback `endpoint` */
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string };
  /** Items per page of the list calls. @default - the service's default */
  readonly pageSize?: number;
}

/** Wrong input or an unreachable service: `portico verify` exits 2 with this message. */
export class VerifyError extends Error {
  override readonly name = 'VerifyError';
}

interface Clients {
  http(): ApiGatewayV2Client;
  rest(): APIGatewayClient;
  destroy(): void;
}

export async function verifyDeployed(options: VerifyOptions): Promise<ApiVerification[]> {
  const stack = stackOf(options);
  const model = loadAssembly(options.assembly, { region: options.region, stacks: [stack] });
  const expected = describeExpected(model);
  if (expected.length === 0) {
    throw new VerifyError(`Stack "${stack}" in ${options.assembly} declares no API Gateway REST or HTTP API.`);
  }
  const clients = createClients(options);
  try {
    const targets = await deployedIds(expected, clients, options);
    const results: ApiVerification[] = [];
    for (const { description, apiId } of targets) {
      if (apiId === undefined) {
        const { flavor, name } = description;
        results.push({ flavor, name, findings: [{ kind: 'missing', subject: 'api', name }] });
        continue;
      }
      const actual = await withServiceErrors(
        () =>
          description.flavor === 'http'
            ? readDeployedHttpApi(clients.http(), apiId, options)
            : readDeployedRestApi(clients.rest(), apiId, options),
        options,
      );
      results.push({
        flavor: description.flavor,
        name: description.name,
        apiId,
        findings: diffApis(description, actual),
      });
    }
    return results;
  } finally {
    clients.destroy();
  }
}

function stackOf(options: VerifyOptions): string {
  let files: ReturnType<typeof readCloudAssembly>;
  try {
    files = readCloudAssembly(options.assembly);
  } catch (error) {
    throw new VerifyError(`Cannot read the cloud assembly ${options.assembly}: ${(error as Error).message}`);
  }
  const names = files.stacks.map((each) => each.stackName);
  if (options.stack === undefined) {
    if (files.stacks.length === 1) return files.stacks[0].stackName;
    throw new VerifyError(
      `Name the stack to verify with --stack (stacks in ${options.assembly}: ${names.join(', ')}).`,
    );
  }
  const found = files.stacks.some((each) => each.stackName === options.stack || each.artifactId === options.stack);
  if (!found) {
    throw new VerifyError(
      `No stack "${options.stack}" in ${options.assembly} (stacks: ${names.join(', ') || 'none'}).`,
    );
  }
  return options.stack;
}

interface Target {
  readonly description: ApiDescription;
  readonly apiId?: string;
}

async function deployedIds(
  expected: readonly ApiDescription[],
  clients: Clients,
  options: VerifyOptions,
): Promise<Target[]> {
  const { apiId } = options;
  if (apiId !== undefined) {
    if (expected.length === 1) return [{ description: expected[0], apiId }];
    // Several APIs in the stack: the deployed API's name says which one `--api-id` is.
    const name = await withServiceErrors(() => deployedName(apiId, expected, clients), options);
    const description = expected.find((each) => each.name === name);
    if (!description) {
      throw new VerifyError(
        `API ${apiId} is named "${name}", which is none of the stack's APIs (${expected.map((each) => each.name).join(', ')}).`,
      );
    }
    return [{ description, apiId }];
  }
  const targets: Target[] = [];
  for (const description of expected) {
    const ids = await withServiceErrors(
      () =>
        description.flavor === 'http'
          ? findHttpApiIds(clients.http(), description.name, options)
          : findRestApiIds(clients.rest(), description.name, options),
      options,
    );
    if (ids.length > 1) {
      throw new VerifyError(
        `${ids.length} deployed ${flavorName(description.flavor)}s are named "${description.name}" (${ids.join(', ')}); choose one with --api-id.`,
      );
    }
    targets.push({ description, apiId: ids[0] });
  }
  return targets;
}

async function deployedName(apiId: string, expected: readonly ApiDescription[], clients: Clients): Promise<string> {
  const flavors = new Set(expected.map((each) => each.flavor));
  if (flavors.has('http')) {
    try {
      return (await clients.http().send(new GetApiCommand({ ApiId: apiId }))).Name ?? '';
    } catch (error) {
      if (!flavors.has('rest') || (error as Error).name !== 'NotFoundException') throw error;
    }
  }
  return (await clients.rest().send(new GetRestApiCommand({ restApiId: apiId }))).name ?? '';
}

function createClients(options: VerifyOptions): Clients {
  const credentials = credentialsFor(options);
  const config = {
    region: options.region,
    ...(options.endpoint && { endpoint: options.endpoint }),
    ...(credentials && { credentials }),
    maxAttempts: 2,
  };
  let http: ApiGatewayV2Client | undefined;
  let rest: APIGatewayClient | undefined;
  return {
    http: () => {
      http ??= new ApiGatewayV2Client(config);
      return http;
    },
    rest: () => {
      rest ??= new APIGatewayClient(config);
      return rest;
    },
    destroy: () => {
      http?.destroy();
      rest?.destroy();
    },
  };
}

/**
 * The emulator answers management calls signed with any keys; a loopback endpoint without keys in the
 * environment gets placeholders so that `portico verify --endpoint http://127.0.0.1:3000` needs no AWS setup.
 */
function credentialsFor(options: VerifyOptions): VerifyOptions['credentials'] {
  if (options.credentials) return options.credentials;
  if (!options.endpoint || process.env.AWS_ACCESS_KEY_ID || process.env.AWS_PROFILE) return undefined;
  const host = safeHost(options.endpoint);
  const loopback = host === 'localhost' || host === '[::1]' || host?.startsWith('127.');
  return loopback ? { accessKeyId: 'PORTICOLOCAL', secretAccessKey: 'portico-local' } : undefined;
}

function safeHost(url: string): string | undefined {
  try {
    return new URL(url).hostname;
  } catch {
    throw new VerifyError(`--endpoint ${url} is not a URL (write e.g. http://127.0.0.1:3000).`);
  }
}

const NETWORK_ERROR = /\b(ECONNREFUSED|ENOTFOUND|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|EAI_AGAIN)\b/;

/** SDK and network failures become a `VerifyError` that says where the call went and what came back. */
async function withServiceErrors<T>(call: () => Promise<T>, options: VerifyOptions): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof VerifyError) throw error;
    const where = options.endpoint ?? `API Gateway in ${options.region}`;
    const err = error as Error & { code?: string; $metadata?: { httpStatusCode?: number } };
    // The SDK may wrap the socket error; its code then only shows in the message.
    const code = err.code ?? (err as { cause?: { code?: string } }).cause?.code ?? NETWORK_ERROR.exec(err.message)?.[0];
    if (code !== undefined && NETWORK_ERROR.test(code)) {
      throw new VerifyError(`Cannot reach ${where} (${code}). Is the endpoint right, and is it running?`);
    }
    const status = err.$metadata?.httpStatusCode;
    throw new VerifyError(`${where} answered ${err.name}${status ? ` (HTTP ${status})` : ''}: ${err.message}`);
  }
}

function flavorName(flavor: ApiFlavor): string {
  return flavor === 'http' ? 'HTTP API' : 'REST API';
}
