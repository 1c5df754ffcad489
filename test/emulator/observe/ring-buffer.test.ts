import { RingBuffer } from '../../../lib/emulator/observe/ring-buffer';
import { percentile } from '../../../lib/emulator/observe/route-stats';

describe('RingBuffer', () => {
  it('keeps only the newest items once full, newest first', () => {
    const ring = new RingBuffer<number>(3);
    for (let i = 1; i <= 7; i++) ring.push(i);
    expect(ring.size).toBe(3);
    expect(ring.newestFirst()).toEqual([7, 6, 5]);
    expect(ring.newestFirst(2)).toEqual([7, 6]);
  });

  it('returns the item it overwrote and finds kept items only', () => {
    const ring = new RingBuffer<string>(2);
    expect(ring.push('a')).toBeUndefined();
    ring.push('b');
    expect(ring.push('c')).toBe('a');
    expect(ring.find((item) => item === 'a')).toBeUndefined();
    expect(ring.find((item) => item === 'b')).toBe('b');
  });

  it('lists items newest first before it is full', () => {
    const ring = new RingBuffer<number>(5);
    ring.push(1);
    ring.push(2);
    expect(ring.newestFirst()).toEqual([2, 1]);
  });

  it('refuses a capacity below one', () => {
    expect(() => new RingBuffer(0)).toThrow(/at least 1/);
  });
});

describe('percentile', () => {
  it('uses the nearest rank', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 0.5)).toBe(50);
    expect(percentile(sorted, 0.99)).toBe(99);
    expect(percentile([7], 0.99)).toBe(7);
    expect(percentile([], 0.5)).toBeUndefined();
  });
});
