/**
 * A local Lambda Runtime API (version 2018-06-01) for one execution environment, on loopback only.
 * The runtime in the child process long-polls `invocation/next`, answers with `/response` or `/error`,
 * and reports a failed init on `/init/error`: the interface AWS documents in "Using the Lambda runtime
 * API for custom runtimes" (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html), with the
 * status codes and error bodies of its OpenAPI description (202 `{"status":"OK"}`, 400 `InvalidRequestID`,
 * 403 `InvalidStateTransition`, 413 `RequestEntityTooLarge`).
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

const PREFIX = '/2018-06-01/runtime';
/** Lambda's synchronous response limit ("Lambda quotas": 6 MB payload for request and response). */
export const MAX_RESPONSE_BYTES = 6 * 1024 * 1024;

export interface RuntimeInvocation {
  readonly requestId: string;
  readonly eventJson: string;
  readonly invokedFunctionArn: string;
  /** Epoch milliseconds (`Lambda-Runtime-Deadline-Ms`). */
  readonly deadlineAt: number;
  /** X-Ray trace header (`Lambda-Runtime-Trace-Id`). */
  readonly traceId: string;
  /** JSON, sent only when set, as Lambda does (`Lambda-Runtime-Client-Context`). */
  readonly clientContext?: string;
  /** JSON, sent only when set (`Lambda-Runtime-Cognito-Identity`). */
  readonly cognitoIdentity?: string;
}

/** What the runtime posted for an invocation. */
export type RuntimeAnswer =
  | { readonly kind: 'response'; readonly payload: string }
  | { readonly kind: 'error'; readonly errorType: string; readonly errorMessage: string };

export interface RuntimeError {
  readonly errorType: string;
  readonly errorMessage: string;
}

export interface RuntimeApiHooks {
  /** The runtime asked for its first event: its init phase is over. */
  readonly onReady?: () => void;
  /** The runtime posted `/init/error`. */
  readonly onInitError?: (error: RuntimeError) => void;
}

interface Pending {
  readonly invocation: RuntimeInvocation;
  readonly resolve: (answer: RuntimeAnswer) => void;
  delivered: boolean;
}

export class RuntimeApiServer {
  private readonly server: http.Server;
  private pending?: Pending;
  /** A runtime's `next` request waiting for an event (a long poll). */
  private waitingNext?: http.ServerResponse;
  private ready = false;
  private invoked = false;
  /** Ids already answered, so a second answer is a state error rather than an unknown id. */
  private readonly answered = new Set<string>();

  constructor(private readonly hooks: RuntimeApiHooks = {}) {
    this.server = http.createServer((request, response) => {
      this.handle(request, response).catch(() => {
        if (!response.headersSent)
          send(response, 500, { errorMessage: 'Internal error', errorType: 'ServiceException' });
      });
    });
    // A long poll has no natural end; the request lasts as long as the environment waits.
    this.server.requestTimeout = 0;
    this.server.keepAliveTimeout = 0;
  }

  /** Listens on a free loopback port; resolves to `host:port`, the value of `AWS_LAMBDA_RUNTIME_API`. */
  listen(): Promise<string> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => {
        const { port } = this.server.address() as AddressInfo;
        resolve(`127.0.0.1:${port}`);
      });
    });
  }

  /** Hands the runtime one event; resolves with what it posts back. One invocation at a time. */
  invoke(invocation: RuntimeInvocation): Promise<RuntimeAnswer> {
    if (this.pending) throw new Error('A Lambda Runtime API serves one invocation at a time');
    return new Promise((resolve) => {
      this.pending = { invocation, resolve, delivered: false };
      const waiting = this.waitingNext;
      if (waiting) {
        this.waitingNext = undefined;
        this.deliver(waiting);
      }
    });
  }

  /** Whether the server keeps the host process alive (only while its environment is busy). */
  ref(busy: boolean): void {
    if (busy) this.server.ref();
    else this.server.unref();
  }

  async close(): Promise<void> {
    this.waitingNext = undefined;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const url = request.url ?? '';
    const method = request.method ?? 'GET';
    if (url === `${PREFIX}/invocation/next`) {
      if (method !== 'GET') return methodNotAllowed(response);
      return this.next(response);
    }
    if (url === `${PREFIX}/init/error`) {
      if (method !== 'POST') return methodNotAllowed(response);
      const error = runtimeError(request, await readBody(request, MAX_RESPONSE_BYTES));
      // Init errors belong to the init phase; once an event was handed out, this is the wrong call.
      if (this.invoked) return invalidState(response, 'init/error after the init phase');
      send(response, 202, { status: 'OK' });
      this.hooks.onInitError?.(error);
      return;
    }
    const answer = /^\/2018-06-01\/runtime\/invocation\/([^/]+)\/(response|error)$/.exec(url);
    if (!answer) {
      send(response, 404, { errorMessage: `Unknown Runtime API path: ${method} ${url}`, errorType: 'NotFound' });
      return;
    }
    if (method !== 'POST') return methodNotAllowed(response);
    const requestId = decodeURIComponent(answer[1]);
    const body = await readBody(request, MAX_RESPONSE_BYTES);
    const pending = this.pending;
    if (!pending || pending.invocation.requestId !== requestId || !pending.delivered) {
      if (this.answered.has(requestId)) return invalidState(response, `a second answer for ${requestId}`);
      send(response, 400, { errorMessage: 'Invalid request ID', errorType: 'InvalidRequestID' });
      return;
    }
    if (body === undefined) {
      send(response, 413, {
        errorMessage: `Exceeded maximum allowed payload size (${MAX_RESPONSE_BYTES} bytes).`,
        errorType: 'RequestEntityTooLarge',
      });
      this.finish({
        kind: 'error',
        errorType: 'Function.ResponseSizeTooLarge',
        errorMessage: `Response payload size exceeded maximum allowed payload size (${MAX_RESPONSE_BYTES} bytes).`,
      });
      return;
    }
    send(response, 202, { status: 'OK' });
    this.finish(
      answer[2] === 'response'
        ? { kind: 'response', payload: body }
        : { kind: 'error', ...runtimeError(request, body) },
    );
  }

  private next(response: http.ServerResponse): void {
    if (!this.ready) {
      this.ready = true;
      this.hooks.onReady?.();
    }
    // Asking for the next event while one is in progress means the runtime dropped it (Lambda does the same).
    if (this.pending?.delivered) {
      this.finish({
        kind: 'error',
        errorType: 'Runtime.InvalidStateTransition',
        errorMessage: 'The runtime asked for the next event without answering the current one',
      });
    }
    if (this.pending && !this.pending.delivered) {
      this.deliver(response);
      return;
    }
    this.waitingNext = response;
    response.on('close', () => {
      if (this.waitingNext === response) this.waitingNext = undefined;
    });
  }

  private deliver(response: http.ServerResponse): void {
    const pending = this.pending!;
    const { invocation } = pending;
    pending.delivered = true;
    this.invoked = true;
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      'Lambda-Runtime-Aws-Request-Id': invocation.requestId,
      'Lambda-Runtime-Deadline-Ms': String(invocation.deadlineAt),
      'Lambda-Runtime-Invoked-Function-Arn': invocation.invokedFunctionArn,
      'Lambda-Runtime-Trace-Id': invocation.traceId,
    };
    if (invocation.clientContext !== undefined) headers['Lambda-Runtime-Client-Context'] = invocation.clientContext;
    if (invocation.cognitoIdentity !== undefined)
      headers['Lambda-Runtime-Cognito-Identity'] = invocation.cognitoIdentity;
    response.writeHead(200, headers);
    response.end(invocation.eventJson);
  }

  private finish(answer: RuntimeAnswer): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    this.answered.add(pending.invocation.requestId);
    pending.resolve(answer);
  }
}

/**
 * The documented error body is `{"errorMessage","errorType","stackTrace"}`; when the runtime sends
 * none, Lambda builds the error from the `Lambda-Runtime-Function-Error-Type` header.
 */
function runtimeError(request: http.IncomingMessage, body: string | undefined): RuntimeError {
  const header = request.headers['lambda-runtime-function-error-type'];
  const headerType = (Array.isArray(header) ? header[0] : header) || undefined;
  let parsed: { errorType?: unknown; errorMessage?: unknown } = {};
  try {
    const value: unknown = JSON.parse(body ?? '');
    if (value && typeof value === 'object') parsed = value as typeof parsed;
  } catch {
    // Not the documented shape: keep the raw text as the message.
    if (body) parsed = { errorMessage: body };
  }
  return {
    errorType: typeof parsed.errorType === 'string' ? parsed.errorType : (headerType ?? 'Unhandled'),
    errorMessage: typeof parsed.errorMessage === 'string' ? parsed.errorMessage : '',
  };
}

/** The body as text, or undefined when it exceeds `limit` bytes. */
async function readBody(request: http.IncomingMessage, limit: number): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) tooLarge = true;
    else chunks.push(chunk);
  }
  return tooLarge ? undefined : Buffer.concat(chunks).toString('utf8');
}

function send(response: http.ServerResponse, status: number, body: object): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  response.end(text);
}

function methodNotAllowed(response: http.ServerResponse): void {
  send(response, 405, { errorMessage: 'Method Not Allowed', errorType: 'MethodNotAllowed' });
}

function invalidState(response: http.ServerResponse, what: string): void {
  send(response, 403, { errorMessage: `State transition failed: ${what}`, errorType: 'InvalidStateTransition' });
}
