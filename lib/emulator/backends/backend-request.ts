/** One request to an HTTP backend, shared by the REST HTTP_PROXY and HTTP API http_proxy integrations. */

/** Hop-by-hop headers (RFC 9110 §7.6.1) and ones the client library sets itself. */
export const NOT_FORWARDED = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'host',
  'content-length',
]);

export type BackendOutcome =
  | {
      readonly ok: true;
      readonly status: number;
      readonly headers: [string, string][];
      readonly body: Buffer;
      readonly latency: number;
    }
  | { readonly ok: false; readonly timedOut: boolean; readonly error: string; readonly latency: number };

export async function requestBackend(
  url: URL,
  method: string,
  headers: Headers,
  body: Buffer,
  timeoutMs: number,
): Promise<BackendOutcome> {
  const started = performance.now();
  try {
    const response = await fetch(url, {
      method,
      headers,
      body: method === 'GET' || method === 'HEAD' ? undefined : new Uint8Array(body),
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const responseBody = Buffer.from(await response.arrayBuffer());
    const responseHeaders: [string, string][] = [];
    // fetch has already decoded the body, so its content-encoding no longer applies.
    response.headers.forEach((value, name) => {
      if (!NOT_FORWARDED.has(name) && name !== 'content-encoding') responseHeaders.push([name, value]);
    });
    const latency = Math.round(performance.now() - started);
    return { ok: true, status: response.status, headers: responseHeaders, body: responseBody, latency };
  } catch (error) {
    return {
      ok: false,
      timedOut: error instanceof Error && error.name === 'TimeoutError',
      error: error instanceof Error ? error.message : String(error),
      latency: Math.round(performance.now() - started),
    };
  }
}
