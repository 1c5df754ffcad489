/**
 * The in-process door onto the emulator: load a cloud assembly (or synthesize a Stack in memory), then
 * `fetch` requests through the same pipeline the HTTP server uses. No port, no Docker.
 */
import type { Clock } from '../core/clock';
import { AccessLogFile } from './access-log-file';
import { loadAssembly, type StackLike, synthesizeToAssembly } from './assembly';
import { type CognitoOptions, jwtIssuerKeyFiles } from './authorization/cognito-pools';
import type { FunctionAwsEnvironment } from './lambda/aws-credentials';
import { loadEnvOverrides } from './lambda/env-file';
import type { LambdaInvoker } from './lambda/invoker';
import type { LambdaMode } from './lambda/process-pool';
import { LambdaRuntime } from './lambda/runtime';
import { LocalResponse } from './local-response';
import type { ApiKeyModel, GatewayModel } from './model';
import { ObservationFeed, type ObservationFeedOptions } from './observe/observation-feed';
import { GatewayPipeline, type PipelineResult } from './pipeline';
import type { GatewayRequest } from './request-context';
import { type RunningServer, type ServeOptions, serveGateway } from './server';
import { type ClientCertificate, describeClientCertificate, X509Certificate } from './tls/client-certificate';
import { serveGatewayHttps } from './tls/https-server';
import { type LocalHttpsOptions, type LocalHttpsSetup, prepareLocalHttps } from './tls/local-https';

export interface LocalGatewayOptions {
  /** @default - 'us-east-1' */
  readonly region?: string;
  /** @default - '123456789012' */
  readonly accountId?: string;
  /**
   * Environment overrides per function, like SAM's `--env-vars`: a file path, or the parsed object
   * `{ "<FunctionLogicalId>": { "VAR": "value" }, "Parameters": { "VAR": "value" } }`.
   * @default - the template's environment only
   */
  readonly envVars?: string | Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** API key values for keys the template leaves to AWS, by key name or logical id. @default - generated, stable per key */
  readonly apiKeyValues?: Readonly<Record<string, string>>;
  /** Append each rendered access-log line to this file. @default - kept in memory only (`accessLog`) */
  readonly accessLogFile?: string;
  /** Clock for throttles, quotas and authorizer caches. @default - the system clock */
  readonly clock?: Clock;
  /** Randomness for canary traffic splitting, in [0, 1). @default - Math.random */
  readonly random?: () => number;
  /** Worker threads (execution environments) per function. @default - the machine's cores, at least 2 and at most 8 */
  readonly poolSize?: number;
  /**
   * How Node.js functions run: `worker` threads, or `process` (a child process behind a local Lambda
   * Runtime API, as Python and custom runtimes always run). @default 'worker'
   */
  readonly lambdaMode?: LambdaMode;
  /** Source IP reported for in-process requests. @default '127.0.0.1' */
  readonly sourceIp?: string;
  /** Where handler console output goes. @default - stderr, prefixed with the function name */
  readonly onFunctionLog?: (functionName: string, line: string) => void;
  /** Called after every request (the CLI prints its colored line from here). */
  readonly onRequest?: (result: PipelineResult) => void;
  /** Keep at most this many access-log lines in memory. @default 10000 */
  readonly accessLogLimit?: number;
  /**
   * Public keys for HTTP API JWT authorizers, by issuer: a JWKS file path or URL. Without one, the keys are
   * fetched from the issuer's `/.well-known/openid-configuration`, as API Gateway does; when they cannot
   * be loaded the request is refused (401).
   * @default - discovered from each issuer
   */
  readonly jwks?: Readonly<Record<string, string>>;
  /**
   * Also serve the gateway on a loopback port (127.0.0.1, a free port), started on the first `fetch`, so
   * functions that call the gateway over HTTP (composite routes, docs/decisions/0007) reach it. A `fetch`
   * of a bare path then carries `Host: localhost:<port>`, which routes exactly as `localhost` does.
   * @default true
   */
  readonly loopback?: boolean;
  /**
   * Credentials and endpoints the functions call AWS with, as Lambda passes the execution role's
   * (`portico serve` resolves your own with `resolveAwsEnvironment`).
   * @default - no credentials; the host's AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE>
   */
  readonly aws?: FunctionAwsEnvironment;
  /**
   * The app whose node_modules provide the AWS SDK that the functions' runtime ships on AWS.
   * @default - the nearest directory with a cdk.json at or above the working directory
   */
  readonly appDirectory?: string;
  /**
   * Keys of Cognito user pools, for REST COGNITO_USER_POOLS authorizers and HTTP API JWT authorizers whose
   * issuer is a pool: a JWKS file per pool, or trust in the local key `portico token` signs with.
   * @default - none: tokens of every pool are refused
   */
  readonly cognito?: CognitoOptions;
  /**
   * Where REST AWS service integrations (SQS, DynamoDB, Step Functions, ...) are sent, SigV4-signed with the local
   * credentials, e.g. `http://127.0.0.1:4566` for a LocalStack you run (docs/decisions/0014).
   * @default - not sent: such routes answer 500 and a warning shows the rendered request
   */
  readonly awsEndpoint?: string;
  /**
   * Receives one line per hop of REST non-proxy integrations: the mapped integration request and the method response.
   * @default - none
   */
  readonly onTrace?: (line: string) => void;
  /**
   * Record every request, authorizer cache, usage-plan counter and function in an observation feed
   * (`observations`), as the dashboard reads them (docs/decisions/0015-dashboard.md).
   * @default false
   */
  readonly observe?: boolean | ObservationFeedOptions;
  /**
   * PEM client certificate that in-process requests present, as through a mutual TLS custom domain: it fills
   * `requestContext.identity.clientCert` (REST) and `requestContext.authentication.clientCert` (HTTP APIs) for
   * authorizers and integrations. In-process requests have no TLS, so nothing verifies it; `serveHttps` does.
   * @default - none
   */
  readonly clientCertificate?: string;
}

export class LocalGateway {
  /** Loads `cdk.out` (or any cloud assembly directory). */
  static async fromAssembly(directory: string, options: LocalGatewayOptions = {}): Promise<LocalGateway> {
    const model = loadAssembly(directory, {
      region: options.region,
      accountId: options.accountId,
      apiKeyValues: options.apiKeyValues,
    });
    return new LocalGateway(model, await withCognitoIssuerKeys(model, options));
  }

  /** Synthesizes the stack's app in memory and serves the result: the template is the only input. */
  static async fromStack(
    stack: StackLike & { readonly artifactId?: string },
    options: LocalGatewayOptions = {},
  ): Promise<LocalGateway> {
    const model = loadAssembly(synthesizeToAssembly(stack), {
      region: options.region,
      accountId: options.accountId,
      apiKeyValues: options.apiKeyValues,
      // Other stacks of the app are still read (their exports resolve) but only this one is served.
      stacks: stack.artifactId ? [stack.artifactId] : undefined,
    });
    return new LocalGateway(model, await withCognitoIssuerKeys(model, options));
  }

  readonly pipeline: GatewayPipeline;
  /** The observation feed, when the gateway was created with `observe`. */
  readonly observations?: ObservationFeed;
  private readonly runtime: LambdaInvoker;
  /** The last `accessLogLimit` lines, used as a ring once full (no per-request shifting of a long array). */
  private readonly lines: string[] = [];
  /** Index of the oldest line once the ring is full. */
  private oldestLine = 0;
  private readonly sourceIp: string;
  /** One ordered, buffered append stream, so lines are never interleaved or lost under concurrency. */
  private readonly accessLogFile?: AccessLogFile;
  private loopbackServer?: Promise<RunningServer | undefined>;
  private readonly clientCert?: ClientCertificate;

  constructor(
    readonly model: GatewayModel,
    private readonly options: LocalGatewayOptions = {},
  ) {
    const region = options.region ?? 'us-east-1';
    const accountId = options.accountId ?? '123456789012';
    const envOverrides = typeof options.envVars === 'string' ? loadEnvOverrides(options.envVars) : options.envVars;
    const feed = options.observe
      ? new ObservationFeed(model, { poolSize: options.poolSize, ...(options.observe === true ? {} : options.observe) })
      : undefined;
    this.observations = feed;
    this.runtime = new LambdaRuntime(model.functions, {
      region,
      accountId,
      envOverrides,
      poolSize: options.poolSize,
      lambdaMode: options.lambdaMode,
      onLog: feed ? observedLog(feed, options.onFunctionLog) : options.onFunctionLog,
      aws: options.aws,
      appDirectory: options.appDirectory,
    });
    this.pipeline = new GatewayPipeline(model, feed ? feed.wrapInvoker(this.runtime) : this.runtime, {
      region,
      accountId,
      clock: options.clock,
      random: options.random,
      jwks: options.jwks,
      cognito: options.cognito,
      awsEndpoint: options.awsEndpoint,
      trace: options.onTrace,
      observer: feed,
    });
    this.sourceIp = options.sourceIp ?? '127.0.0.1';
    if (options.clientCertificate) {
      this.clientCert = describeClientCertificate(new X509Certificate(options.clientCertificate));
    }
    if (options.accessLogFile) this.accessLogFile = new AccessLogFile(options.accessLogFile);
  }

  /** Access-log lines rendered so far, one per request to a stage with access logging. */
  get accessLog(): readonly string[] {
    if (this.oldestLine === 0) return this.lines;
    return [...this.lines.slice(this.oldestLine), ...this.lines.slice(0, this.oldestLine)];
  }

  /** API keys with the values clients must send (generated locally where the template has none). */
  get apiKeys(): readonly ApiKeyModel[] {
    return this.model.apiKeys;
  }

  /** The value of the API key with this name (or logical id); throws when there is none. */
  apiKey(name: string): string {
    const key = this.model.apiKeys.find((k) => k.name === name || k.logicalId === name);
    if (!key) {
      const known = this.model.apiKeys.map((k) => k.name).join(', ') || 'none';
      throw new Error(`No API key named "${name}" in the assembly (known: ${known})`);
    }
    return key.value;
  }

  /**
   * Sends one request through the gateway. `input` is a path (`/v1/users/42`, sent exactly as written),
   * an absolute URL (its host selects the API or custom domain), or a WHATWG Request.
   */
  async fetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
    const request = await toGatewayRequest(input, init, this.sourceIp, await this.hostForPaths());
    const result = await this.handle(this.clientCert ? { ...request, clientCert: this.clientCert } : request);
    const { statusCode, headers, body } = result.response;
    const responseHeaders = new Headers();
    for (const [name, value] of headers) responseHeaders.append(name, value);
    const nullBody = statusCode === 204 || statusCode === 304 || request.method === 'HEAD';
    return new LocalResponse(nullBody ? null : body, { status: statusCode, headers: responseHeaders });
  }

  /** The shared door: the HTTP server calls this too. */
  async handle(request: GatewayRequest): Promise<PipelineResult> {
    const result = this.observations
      ? await this.observations.observe(request, (r) => this.pipeline.handle(r))
      : await this.pipeline.handle(request);
    if (result.accessLogLine !== undefined) {
      const limit = this.options.accessLogLimit ?? 10_000;
      if (this.lines.length < limit) this.lines.push(result.accessLogLine);
      else if (limit > 0) {
        this.lines[this.oldestLine] = result.accessLogLine;
        this.oldestLine = (this.oldestLine + 1) % limit;
      }
      // A request still in flight when `close()` ended the file is not logged.
      this.accessLogFile?.append(result.accessLogLine);
    }
    this.options.onRequest?.(result);
    return result;
  }

  /** `localhost:<loopback port>` (or `localhost` without the loopback): the Host of a bare-path `fetch`. */
  private async hostForPaths(): Promise<string> {
    if (this.options.loopback === false) return 'localhost';
    this.loopbackServer ??= serveGateway(this, { host: '127.0.0.1', port: 0 }).then(
      (running) => {
        // The listener alone must not keep a test process alive; close() shuts it and its connections.
        running.server.unref();
        return running;
      },
      (error: unknown) => {
        process.emitWarning(`portico: no loopback listener, functions cannot call the gateway: ${error}`);
        return undefined;
      },
    );
    const running = await this.loopbackServer;
    return running === undefined ? 'localhost' : `localhost:${running.port}`;
  }

  /**
   * Serves the gateway over HTTPS as its custom domains do: a certificate for localhost and every domain name,
   * each domain's security policy, SNI and mutual TLS (lib/emulator/tls/). Close the returned server yourself.
   * @default port 3443 on 127.0.0.1
   */
  async serveHttps(
    options: LocalHttpsOptions & ServeOptions = {},
  ): Promise<RunningServer & { readonly setup: LocalHttpsSetup }> {
    const setup = await prepareLocalHttps(this.model, options);
    const running = await serveGatewayHttps(this, { ...options, ...setup });
    return { ...running, setup };
  }

  async close(): Promise<void> {
    this.observations?.close();
    await (await this.loopbackServer)?.close();
    await this.accessLogFile?.close();
    await this.runtime.close();
  }
}

async function toGatewayRequest(
  input: string | URL | Request,
  init: RequestInit | undefined,
  sourceIp: string,
  pathHost: string,
): Promise<GatewayRequest> {
  if (typeof input === 'string' && input.startsWith('/') && isPlainInit(init)) {
    // The common test call, `fetch('/v1/x', { headers })`: the same request without building a WHATWG
    // Request (its AbortSignal and body machinery cost about as much as the gateway's own work).
    const given = new Headers(init?.headers);
    const headers: [string, string][] = [];
    given.forEach((value, name) => {
      headers.push([name, value]);
    });
    if (!given.has('host')) headers.unshift(['Host', pathHost]);
    return { method: init?.method ?? 'GET', rawUrl: input, headers, body: NO_BODY, sourceIp, protocol: 'HTTP/1.1' };
  }
  let rawUrl: string;
  let host = pathHost;
  let request: Request;
  if (typeof input === 'string' && input.startsWith('/')) {
    rawUrl = input;
    request = new Request(`http://localhost${input.replace(/^\/+/, '/')}`, init);
  } else {
    request = input instanceof Request && init === undefined ? input : new Request(input, init);
    const url = new URL(request.url);
    rawUrl = `${url.pathname}${url.search}`;
    host = url.host;
  }
  const headers: [string, string][] = [];
  request.headers.forEach((value, name) => {
    headers.push([name, value]);
  });
  if (!request.headers.has('host')) headers.unshift(['Host', host]);
  const body = Buffer.from(await request.arrayBuffer());
  return { method: request.method, rawUrl, headers, body, sourceIp, protocol: 'HTTP/1.1' };
}

/** Function log lines go to the feed as well as where they went before (stderr by default, like the runtime). */
function observedLog(
  feed: ObservationFeed,
  onFunctionLog: ((functionName: string, line: string) => void) | undefined,
): (functionName: string, line: string) => void {
  return (functionName, line) => {
    feed.functionLog(functionName, line);
    if (onFunctionLog) onFunctionLog(functionName, line);
    else process.stderr.write(`${line.replace(/^/gm, `[${functionName}] `)}\n`);
  };
}

const NO_BODY = Buffer.alloc(0);
/** Methods a Request keeps exactly as given (the fetch spec upper-cases only lower-case standard ones). */
const PLAIN_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'DELETE', 'OPTIONS']);

/** Init that only sets headers, or a body-less upper-case method: nothing a Request would change or reject. */
function isPlainInit(init: RequestInit | undefined): boolean {
  if (init === undefined) return true;
  for (const key of Object.keys(init)) {
    if (key === 'headers') continue;
    if (key === 'method' && typeof init.method === 'string' && PLAIN_METHODS.has(init.method)) continue;
    if (key === 'body' && init.body == null) continue;
    return false;
  }
  return true;
}

/** HTTP API JWT issuers that are user pools (or issuers) given keys in `cognito` get them through `jwks`. */
async function withCognitoIssuerKeys(model: GatewayModel, options: LocalGatewayOptions): Promise<LocalGatewayOptions> {
  if (!options.cognito) return options;
  const issuers = model.httpApis.flatMap((api) =>
    api.table.authorizers.flatMap((authorizer) => (authorizer.type === 'JWT' ? [authorizer.issuer] : [])),
  );
  const files = await jwtIssuerKeyFiles(issuers, options.cognito);
  return Object.keys(files).length === 0 ? options : { ...options, jwks: { ...files, ...options.jwks } };
}
