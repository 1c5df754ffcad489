/**
 * The `Response` that `LocalGateway.fetch` returns: a real WHATWG `Response` (status, headers, `instanceof`),
 * whose body stays a byte array until something asks for it as a stream. Node's `Response` turns every body
 * into a `ReadableStream` as it is constructed, which costs more than the gateway's whole pipeline (about
 * 18 µs, and 33 µs with `arrayBuffer()`, against ~50 µs for the request itself); tests mostly read a small
 * body once with `json()` or `text()`. Reading the bytes directly keeps the Fetch rules: a body is read once
 * (`bodyUsed`, then a TypeError), `clone()` refuses a used body, and `body` gives a stream that the other
 * readers then consume, as they would on any `Response`. `blob()` and `formData()` go through that stream.
 */
type BodyMember = 'body' | 'bodyUsed' | 'arrayBuffer' | 'text' | 'json' | 'blob' | 'formData' | 'clone';
/** `Response`, typed without the members redefined below: Node's typings declare them as properties, not methods. */
const ResponseBase = Response as unknown as new (body: null, init: ResponseInit) => Omit<Response, BodyMember>;

export class LocalResponse extends ResponseBase implements Response {
  readonly #bytes: Uint8Array | null;
  #used = false;
  /** The stream-backed twin, made when `body` is first asked for; from then on it owns the body. */
  #streamed?: Response;

  constructor(bytes: Uint8Array | null, init: ResponseInit) {
    super(null, init);
    // A plain view: `slice()` of a Buffer shares its memory (and `.buffer` can be Node's shared pool).
    this.#bytes = bytes === null ? null : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get body(): ReadableStream<Uint8Array> | null {
    if (this.#bytes === null) return null;
    return this.#stream().body;
  }

  get bodyUsed(): boolean {
    return this.#streamed ? this.#streamed.bodyUsed : this.#used;
  }

  arrayBuffer(): Promise<ArrayBuffer> {
    if (this.#streamed) return this.#streamed.arrayBuffer();
    return this.#take((bytes) => bytes.slice().buffer as ArrayBuffer);
  }

  bytes(): Promise<Uint8Array> {
    if (this.#streamed) return this.#streamed.arrayBuffer().then((buffer) => new Uint8Array(buffer));
    return this.#take((bytes) => bytes.slice());
  }

  text(): Promise<string> {
    if (this.#streamed) return this.#streamed.text();
    return this.#take((bytes) => TEXT.decode(bytes));
  }

  json(): Promise<unknown> {
    if (this.#streamed) return this.#streamed.json();
    return this.#take((bytes) => JSON.parse(TEXT.decode(bytes)) as unknown);
  }

  blob(): Promise<Blob> {
    return this.#stream().blob();
  }

  formData(): Promise<FormData> {
    return this.#stream().formData();
  }

  clone(): Response {
    if (this.#streamed) return this.#streamed.clone();
    if (this.#used) throw new TypeError('Response.clone: Body has already been consumed.');
    return new LocalResponse(this.#bytes === null ? null : this.#bytes.slice(), this.#init());
  }

  #take<T>(read: (bytes: Uint8Array) => T): Promise<T> {
    // No body is never used up: every read gives the empty body again.
    if (this.#bytes === null) return settled(() => read(EMPTY));
    if (this.#used) return Promise.reject(new TypeError('Body is unusable: Body has already been read'));
    this.#used = true;
    const bytes = this.#bytes;
    return settled(() => read(bytes));
  }

  #init(): ResponseInit {
    return { status: this.status, statusText: this.statusText, headers: new Headers(this.headers) };
  }

  #stream(): Response {
    if (!this.#streamed) {
      // A body already read stays read: the twin starts out consumed, as the stream it stands for would be.
      this.#streamed = new Response(this.#bytes === null ? null : this.#bytes.slice(), this.#init());
      if (this.#used && this.#bytes !== null) void this.#streamed.arrayBuffer();
    }
    return this.#streamed;
  }
}

function settled<T>(read: () => T): Promise<T> {
  try {
    return Promise.resolve(read());
  } catch (error) {
    return Promise.reject(error);
  }
}

const TEXT = new TextDecoder();
const EMPTY = new Uint8Array(0);
