/**
 * A fixed-capacity buffer that overwrites its oldest item once full, so a long-running server keeps the
 * last N requests in constant memory (no shifting of a growing array per request).
 */
export class RingBuffer<T> {
  private readonly items: (T | undefined)[] = [];
  /** Where the next item goes once the buffer is full (then also the oldest item). */
  private next = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new Error(`RingBuffer: capacity must be a whole number of at least 1, got ${capacity}`);
    }
  }

  get size(): number {
    return this.items.length;
  }

  /** Adds an item; returns the one it overwrote, if any. */
  push(item: T): T | undefined {
    if (this.items.length < this.capacity) {
      this.items.push(item);
      return undefined;
    }
    const dropped = this.items[this.next];
    this.items[this.next] = item;
    this.next = (this.next + 1) % this.capacity;
    return dropped;
  }

  /** Items newest first, at most `limit`. */
  newestFirst(limit = this.capacity): T[] {
    const out: T[] = [];
    const count = Math.min(limit, this.items.length);
    const newest =
      this.items.length < this.capacity ? this.items.length - 1 : (this.next - 1 + this.capacity) % this.capacity;
    for (let i = 0; i < count; i++) out.push(this.items[(newest - i + this.items.length) % this.items.length] as T);
    return out;
  }

  find(predicate: (item: T) => boolean): T | undefined {
    return this.items.find((item) => item !== undefined && predicate(item));
  }

  clear(): void {
    this.items.length = 0;
    this.next = 0;
  }
}
