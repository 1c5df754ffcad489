/**
 * The access-log file of `LocalGateway` (`accessLogFile`): lines are appended in the order requests finish,
 * collected for at most one turn of the event loop (or 64 KiB) and written in one call, instead of one write
 * per request. Closing writes what is left, so no line is lost or interleaved.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';

/** A flush as soon as this much is waiting keeps a burst's memory bounded. */
const FLUSH_BYTES = 64 * 1024;

export class AccessLogFile {
  private readonly stream: WriteStream;
  private pending: string[] = [];
  private pendingBytes = 0;
  private scheduled?: NodeJS.Immediate;
  private closed = false;

  constructor(path: string) {
    this.stream = createWriteStream(path, { flags: 'a' });
  }

  /** Appends one line (a newline is added). After `close()` nothing is written. */
  append(line: string): void {
    if (this.closed) return;
    this.pending.push(line);
    this.pendingBytes += line.length + 1;
    if (this.pendingBytes >= FLUSH_BYTES) this.flush();
    else this.scheduled ??= setImmediate(() => this.flush());
  }

  /** Writes what is waiting, ends the file and resolves once it is on disk. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.flush();
    this.closed = true;
    this.stream.end();
    await finished(this.stream);
  }

  private flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    if (this.pending.length === 0) return;
    const text = `${this.pending.join('\n')}\n`;
    this.pending = [];
    this.pendingBytes = 0;
    this.stream.write(text);
  }
}
