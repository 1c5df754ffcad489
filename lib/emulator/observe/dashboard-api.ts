/**
 * The dashboard's HTTP side, under the reserved prefix `/_portico/` (no stage can be named `_portico`:
 * stage names are letters, digits, hyphens and underscores but the emulator answers this prefix before any
 * stage lookup, so it never shadows one a user can call — see docs/decisions/0015-dashboard.md):
 *
 *   GET  /_portico/                      the page (plain ES modules + CSS from lib/dashboard, no CDN)
 *   GET  /_portico/api/overview          APIs, stages, API keys with their plans, configured dev tokens
 *   GET  /_portico/api/routes            every route per API and stage, with live counts and p50/p99
 *   GET  /_portico/api/requests          the newest requests first (`?limit=`), summaries
 *   GET  /_portico/api/requests/<id>     one request in detail: request, Lambda events, answers, response, log line
 *   GET  /_portico/api/usage             per API key and plan: tokens left, quota used/left, 429 counts
 *   GET  /_portico/api/authorizers       authorizer caches (entries with TTL left), hits and misses
 *   POST /_portico/api/authorizers/flush empties every authorizer cache
 *   GET  /_portico/api/functions         execution environments per function, counts, last log lines
 *   POST /_portico/api/send              sends a request through the gateway, answers what it answered
 *   GET  /_portico/api/events            server-sent events: `requests` (batches of summaries), `reload`
 *
 * It answers loopback clients only (and only for a loopback Host, against DNS rebinding) unless
 * `allowRemote`; state-changing calls need a JSON body, which a cross-site form cannot send.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { LocalGateway } from '../local-gateway';
import type { GatewayRequest } from '../request-context';
import type { RequestSummary } from './request-record';

export const DASHBOARD_PREFIX = '/_portico/';

export interface DashboardOptions {
  /**
   * Also answer clients that are not on this machine (the CLI's `--dashboard-host`).
   * @default false
   */
  readonly allowRemote?: boolean;
  /**
   * Bearer tokens the "Send a request" form offers, by label (for example dev tokens of a local authorizer).
   * @default - none
   */
  readonly tokens?: Readonly<Record<string, string>>;
  /** Most summaries in one server-sent event; older ones of a burst are counted, not sent. @default 200 */
  readonly maxBatch?: number;
}

/** Answers a request when it is for the dashboard; returns false to let the gateway have it. */
export type DashboardHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

const ASSETS: Readonly<Record<string, string>> = {
  '': 'index.html',
  'index.html': 'index.html',
  'app.js': 'app.js',
  'style.css': 'style.css',
};
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
};
/** The page ships beside the compiled code: lib/dashboard in the repository, dist/dashboard in the package. */
const PAGE_DIRECTORY = join(__dirname, '..', '..', 'dashboard');
/** Server-sent events are sent in batches at most this often, so a load test does not pay a write per request. */
const BATCH_INTERVAL_MS = 100;
const MAX_SEND_BODY_BYTES = 1024 * 1024;

/**
 * The dashboard over the gateway `current()` returns (a function, so a `--watch` reload serves the new one).
 * The gateway must have been created with `observe` for the views to fill.
 */
export function createDashboard(current: () => LocalGateway, options: DashboardOptions = {}): DashboardHandler {
  const assets = new Map<string, Buffer>();
  const maxBatch = options.maxBatch ?? 200;

  const handle = async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    const gateway = current();
    const feed = gateway.observations;
    const method = req.method ?? 'GET';
    if (!path.startsWith('api/')) {
      const file = ASSETS[path];
      if (file === undefined || method !== 'GET') return json(res, 404, { message: 'Not Found' });
      let body = assets.get(file);
      if (!body) {
        body = readFileSync(join(PAGE_DIRECTORY, file));
        assets.set(file, body);
      }
      res.writeHead(200, {
        'Content-Type': CONTENT_TYPES[file.split('.').pop() ?? ''] ?? 'application/octet-stream',
        'Content-Length': body.length,
        'Cache-Control': 'no-cache',
        'Content-Security-Policy': "default-src 'self'; style-src 'self'; script-src 'self'; img-src 'self' data:",
        'X-Content-Type-Options': 'nosniff',
      });
      res.end(body);
      return;
    }
    if (!feed)
      return json(res, 404, { message: 'This gateway does not record observations (created without `observe`)' });
    const route = `${method} ${path.slice('api/'.length)}`;
    switch (route) {
      case 'GET overview':
        return json(res, 200, overview(gateway, options.tokens ?? {}));
      case 'GET routes':
        return json(res, 200, { routes: gateway.pipeline.listRoutes(), stats: feed.routeStatistics() });
      case 'GET requests': {
        const limit = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('limit') ?? '');
        return json(res, 200, {
          total: feed.totalRequests,
          kept: feed.requestCount,
          requests: feed.requests(Number.isInteger(limit) && limit > 0 ? limit : undefined),
        });
      }
      case 'GET usage':
        return json(res, 200, { usage: feed.usage() });
      case 'GET authorizers':
        return json(res, 200, {
          authorizers: feed.authorizers().map((a) => ({
            ...a,
            entries: a.entries.map((e) => ({
              key: redactIdentity(e.key),
              ttlLeftMs: e.ttlLeftMs,
              ...describeCached(e.value),
            })),
          })),
        });
      case 'POST authorizers/flush':
        if (!(await readJson(req, res))) return;
        return json(res, 200, { flushed: feed.flushAuthorizerCaches() });
      case 'GET functions':
        return json(res, 200, { functions: feed.functions() });
      case 'POST send':
        return send(gateway, req, res);
      case 'GET events':
        return events(gateway, req, res, maxBatch);
    }
    const detail = /^GET requests\/([\w-]+)$/.exec(route);
    if (detail) {
      const record = feed.request(detail[1]);
      return record
        ? json(res, 200, redact(record))
        : json(res, 404, { message: 'No such request (it may have left the ring)' });
    }
    return json(res, 404, { message: 'Not Found' });
  };

  return (req, res) => {
    const url = req.url ?? '/';
    if (url !== DASHBOARD_PREFIX.slice(0, -1) && !url.startsWith(DASHBOARD_PREFIX)) return false;
    if (!options.allowRemote && !isLoopbackRequest(req)) {
      json(res, 403, {
        message: 'The Portico dashboard answers loopback clients only (portico serve --dashboard-host)',
      });
      return true;
    }
    if (url === DASHBOARD_PREFIX.slice(0, -1)) {
      res.writeHead(301, { Location: DASHBOARD_PREFIX, 'Content-Length': 0 });
      res.end();
      return true;
    }
    const path = url.slice(DASHBOARD_PREFIX.length).split('?')[0];
    handle(req, res, path).catch((error: unknown) => {
      if (res.headersSent) res.end();
      else json(res, 500, { message: `Dashboard error: ${error instanceof Error ? error.message : String(error)}` });
    });
    return true;
  };
}

function isLoopbackRequest(req: IncomingMessage): boolean {
  const address = req.socket.remoteAddress ?? '';
  const loopbackPeer = address === '::1' || /^(::ffff:)?127\./.test(address);
  const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
  const loopbackHost = host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
  return loopbackPeer && loopbackHost;
}

function json(res: ServerResponse, status: number, value: unknown): void {
  const body = Buffer.from(JSON.stringify(value));
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': body.length,
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

function overview(gateway: LocalGateway, tokens: Readonly<Record<string, string>>) {
  const { model } = gateway;
  const feed = gateway.observations;
  return {
    totalRequests: feed?.totalRequests ?? 0,
    apis: [
      ...model.apis.map((api) => ({
        id: api.logicalId,
        name: api.name,
        flavor: 'REST',
        stages: api.stages.map((s) => s.name),
      })),
      ...model.httpApis.map((api) => ({
        id: api.logicalId,
        name: api.logicalId,
        flavor: 'HTTP',
        stages: api.stages.map((s) => s.name),
      })),
    ],
    // The same values `portico serve` prints at start: local keys, meant to be used.
    apiKeys: model.apiKeys.map((key) => ({
      name: key.name,
      value: key.value,
      enabled: key.enabled,
      plans: model.usagePlans.filter((p) => p.apiKeyIds.includes(key.logicalId)).map((p) => p.name),
    })),
    tokens: Object.entries(tokens).map(([name, value]) => ({ name, value })),
  };
}

/** Reads a JSON body; answers 415/400 itself and returns undefined when there is none. */
async function readJson(req: IncomingMessage, res: ServerResponse): Promise<Record<string, unknown> | undefined> {
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
    json(res, 415, { message: 'Send Content-Type: application/json' });
    return undefined;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_SEND_BODY_BYTES) {
      json(res, 413, { message: 'Request Too Long' });
      return undefined;
    }
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8') || '{}';
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // answered below
  }
  json(res, 400, { message: 'The body must be a JSON object' });
  return undefined;
}

/** "Send a request": through the same door as any client, so it shows up in the stream like one. */
async function send(gateway: LocalGateway, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const input = await readJson(req, res);
  if (!input) return;
  const method = typeof input.method === 'string' && /^[A-Z]{1,16}$/.test(input.method) ? input.method : undefined;
  const path = typeof input.path === 'string' && input.path.startsWith('/') ? input.path : undefined;
  const headerInput = input.headers ?? {};
  if (!method || !path || typeof headerInput !== 'object' || headerInput === null || Array.isArray(headerInput)) {
    return json(res, 400, { message: 'Expected {"method":"GET","path":"/v1/...","headers":{...},"body":"..."}' });
  }
  const headers: [string, string][] = Object.entries(headerInput as Record<string, unknown>)
    .filter(([name, value]) => name.trim() !== '' && typeof value === 'string')
    .map(([name, value]) => [name.trim(), value as string]);
  if (!headers.some(([name]) => name.toLowerCase() === 'host'))
    headers.unshift(['Host', req.headers.host ?? 'localhost']);
  const request: GatewayRequest = {
    method,
    rawUrl: path,
    headers,
    body: Buffer.from(typeof input.body === 'string' ? input.body : ''),
    sourceIp: (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
    protocol: 'HTTP/1.1',
  };
  const { response, context } = await gateway.handle(request);
  json(res, 200, {
    requestId: context.requestId,
    status: response.statusCode,
    headers: response.headers,
    body: response.body.toString('utf8'),
  });
}

function events(gateway: LocalGateway, req: IncomingMessage, res: ServerResponse, maxBatch: number): void {
  const feed = gateway.observations;
  if (!feed) return;
  res.writeHead(200, {
    'Content-Type': 'text/event-stream',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  // `retry` tells the browser to reconnect quickly after a reload ends the stream.
  res.write(`retry: 500\nevent: hello\ndata: ${JSON.stringify({ total: feed.totalRequests })}\n\n`);
  let pending: RequestSummary[] = [];
  let skipped = 0;
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    timer = undefined;
    const batch = pending;
    pending = [];
    const payload = JSON.stringify({ requests: batch, skipped });
    skipped = 0;
    res.write(`id: ${batch[batch.length - 1]?.seq ?? 0}\nevent: requests\ndata: ${payload}\n\n`);
  };
  const unsubscribe = feed.subscribe((summary) => {
    pending.push(summary);
    if (pending.length > maxBatch) {
      pending.shift();
      skipped += 1;
    }
    timer ??= setTimeout(flush, BATCH_INTERVAL_MS);
  });
  // A comment line every 15 s keeps proxies and idle timeouts from closing a quiet stream.
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
  heartbeat.unref();
  const stopListening = feed.onClose(() => {
    res.write('event: reload\ndata: {}\n\n');
    res.end();
  });
  const stop = () => {
    if (timer) clearTimeout(timer);
    clearInterval(heartbeat);
    unsubscribe();
    stopListening();
  };
  req.on('close', stop);
  res.on('close', stop);
}

const SECRET_FIELDS = new Set(['authorization', 'cookie', 'authorizationtoken', 'cookies']);

/** Tokens and cookies are shown by their first characters only: enough to tell them apart, not to reuse them. */
function redactValue(value: string): string {
  return value.length <= 16 ? '…(redacted)' : `${value.slice(0, 16)}…(redacted)`;
}

function redactIdentity(key: string): string {
  return key
    .split('\n')
    .map((part, i) => (i === 0 ? part : redactValue(part)))
    .join(' · ');
}

export function redact<T>(value: T): T {
  const walk = (node: unknown, secret: boolean): unknown => {
    if (typeof node === 'string') return secret ? redactValue(node) : node;
    if (Array.isArray(node)) {
      // A header pair: [name, value].
      if (node.length === 2 && typeof node[0] === 'string' && typeof node[1] === 'string' && !secret) {
        return [node[0], SECRET_FIELDS.has(node[0].toLowerCase()) ? redactValue(node[1]) : node[1]];
      }
      return node.map((item) => walk(item, secret));
    }
    if (typeof node === 'object' && node !== null) {
      return Object.fromEntries(
        Object.entries(node).map(([key, item]) => [key, walk(item, secret || SECRET_FIELDS.has(key.toLowerCase()))]),
      );
    }
    return node;
  };
  return walk(value, false) as T;
}

/** What a cached authorizer result says, in the words of its policy (the compiled patterns turned back to wildcards). */
function describeCached(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return {};
  const result = value as {
    principalId?: string;
    isAuthorized?: boolean;
    context?: unknown;
    policy?: { statements?: { effect: string; resources: RegExp[] }[] };
  };
  return {
    ...(result.principalId !== undefined && { principalId: result.principalId }),
    ...(result.isAuthorized !== undefined && { isAuthorized: result.isAuthorized }),
    ...(result.policy?.statements && {
      policy: result.policy.statements.map((s) => `${s.effect} ${s.resources.map(wildcardOf).join(', ')}`),
    }),
    ...(result.context !== undefined && { context: result.context }),
  };
}

function wildcardOf(pattern: RegExp): string {
  return pattern.source
    .replace(/^\^|\$$/g, '')
    .replace(/\.\*/g, '*')
    .replace(/(?<!\\)\./g, '?')
    .replace(/\\(.)/g, '$1');
}
