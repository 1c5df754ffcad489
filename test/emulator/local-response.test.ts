import { LocalResponse } from '../../lib/emulator/local-response';

// LocalGateway.fetch answers with a LocalResponse; each case runs the same steps on it and on Node's own Response
// with the same body, and expects the same outcome: the fast path must not change what a test can observe.
const init = (): ResponseInit => ({
  status: 201,
  statusText: 'Created',
  headers: { 'Content-Type': 'application/json', 'x-amzn-RequestId': 'r-1' },
});
// Small Buffers come out of Node's shared pool: a reader that handed out `.buffer` would leak the whole slab.
const bodyBytes = () => Buffer.from('{"ok":true,"name":"ünï"}');

type Step = (response: Response) => Promise<unknown>;

async function outcome(response: Response, steps: readonly Step[]): Promise<unknown[]> {
  const seen: unknown[] = [];
  for (const step of steps) {
    try {
      seen.push(await step(response));
    } catch (error) {
      // Node's own errors come from outside jest's realm: compare by name.
      seen.push((error as { name?: unknown }).name === 'TypeError' ? 'TypeError' : String(error));
    }
    seen.push(response.bodyUsed);
  }
  return seen;
}

async function bothAgree(steps: readonly Step[], bytes: Buffer | null = bodyBytes()): Promise<unknown[]> {
  const native = await outcome(new Response(bytes === null ? null : new Uint8Array(bytes), init()), steps);
  const local = await outcome(new LocalResponse(bytes, init()), steps);
  expect(local).toEqual(native);
  return local;
}

const text: Step = (r) => r.text();
const json: Step = (r) => r.json();
const arrayBuffer: Step = async (r) => {
  const buffer = await r.arrayBuffer();
  return [buffer.byteLength, Buffer.from(buffer).toString()];
};
const streamed: Step = async (r) => {
  const chunks: Buffer[] = [];
  for await (const chunk of r.body as unknown as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString();
};
const blob: Step = async (r) => {
  const value = await r.blob();
  return [value.type, await value.text()];
};

describe('LocalResponse', () => {
  test('is a Response with the status, status text and headers it was given', () => {
    const response = new LocalResponse(bodyBytes(), init());
    expect(response).toBeInstanceOf(Response);
    expect([response.status, response.statusText, response.ok]).toEqual([201, 'Created', true]);
    expect(response.headers.get('x-amzn-requestid')).toBe('r-1');
  });

  test('reads the body as text, JSON and bytes, once', async () => {
    expect(await bothAgree([text, text])).toEqual(['{"ok":true,"name":"ünï"}', true, 'TypeError', true]);
    expect(await bothAgree([json])).toEqual([{ ok: true, name: 'ünï' }, true]);
    const [read] = await bothAgree([arrayBuffer, json]);
    expect(read).toEqual([Buffer.byteLength('{"ok":true,"name":"ünï"}'), '{"ok":true,"name":"ünï"}']);
  });

  test('gives the body as a stream, after which the other readers find it used', async () => {
    const [body] = await bothAgree([streamed, text]);
    expect(body).toBe('{"ok":true,"name":"ünï"}');
  });

  test('a stream asked for but not read leaves the body to the other readers', async () => {
    await bothAgree([async (r) => r.body !== null, json, text]);
  });

  test('a body read first is seen as used through the stream too', async () => {
    await bothAgree([text, async (r) => r.body?.locked ?? null]);
  });

  test('blob() carries the content type', async () => {
    const [value] = await bothAgree([blob]);
    expect(value).toEqual(['application/json', '{"ok":true,"name":"ünï"}']);
  });

  test('clone() gives an independent body and refuses once the body is used', async () => {
    await bothAgree([
      async (r) => {
        const copy = r.clone();
        return [copy.status, copy.headers.get('content-type'), await copy.text(), await r.text()];
      },
      async (r) => r.clone(),
    ]);
    await bothAgree([async (r) => r.body !== null, async (r) => r.clone().json(), text]);
  });

  test('a null body (204, HEAD) reads as empty and has no stream', async () => {
    const response = new LocalResponse(null, { status: 204 });
    expect(response.body).toBeNull();
    expect(await response.text()).toBe('');
    expect(await outcome(new LocalResponse(null, init()), [text, text])).toEqual(
      await outcome(new Response(null, init()), [text, text]),
    );
  });

  test('a body that is not JSON rejects json() as Response does', async () => {
    const bytes = Buffer.from('not json');
    const local = await outcome(new LocalResponse(bytes, init()), [json]);
    const native = await outcome(new Response(new Uint8Array(bytes), init()), [json]);
    expect(local).toEqual(native);
    expect(local[0]).toMatch(/SyntaxError/);
  });
});
