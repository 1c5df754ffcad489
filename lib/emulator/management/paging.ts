/**
 * Pages of a list answer. v2 calls take `maxResults` and answer `nextToken`; v1 calls take `limit` and answer
 * `position`. Both tokens are opaque to clients; here they encode the offset of the next item.
 */

/** API Gateway v1's documented default page size (`limit`), used for v2 lists as well. */
export const DEFAULT_PAGE_SIZE = 25;
const MAX_PAGE_SIZE = 500;

export interface Page<T> {
  readonly items: readonly T[];
  /** Token of the next page; undefined on the last one. */
  readonly next?: string;
}

export class PagingError extends Error {}

export function pageOf<T>(all: readonly T[], token: string | undefined, size: string | undefined): Page<T> {
  const limit = size === undefined ? DEFAULT_PAGE_SIZE : Number(size);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new PagingError(`The page size must be a whole number from 1 to ${MAX_PAGE_SIZE}, got "${size}"`);
  }
  const start = token === undefined ? 0 : offsetOf(token);
  const end = start + limit;
  return { items: all.slice(start, end), ...(end < all.length ? { next: tokenOf(end) } : {}) };
}

function tokenOf(offset: number): string {
  return Buffer.from(`portico:${offset}`).toString('base64url');
}

function offsetOf(token: string): number {
  const match = /^portico:(\d+)$/.exec(Buffer.from(token, 'base64url').toString());
  if (!match) throw new PagingError(`Invalid pagination token "${token}"`);
  return Number(match[1]);
}
