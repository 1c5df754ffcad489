import { ManualClock } from '../../../lib/core/clock';
import { AuthorizerCache } from '../../../lib/emulator/authorization/cache';

describe('AuthorizerCache', () => {
  test('keeps an entry for the TTL, then forgets it', () => {
    const clock = new ManualClock(1_000);
    const cache = new AuthorizerCache<string>(300, clock);
    cache.set('token', 'result');
    clock.advance(299_999);
    expect(cache.get('token')).toBe('result');
    clock.advance(1);
    expect(cache.get('token')).toBeUndefined();
  });

  test('TTL 0 stores nothing', () => {
    const cache = new AuthorizerCache<string>(0, new ManualClock());
    cache.set('token', 'result');
    expect(cache.enabled).toBe(false);
    expect(cache.get('token')).toBeUndefined();
  });

  test('stays bounded, dropping the least recently used entry', () => {
    const cache = new AuthorizerCache<number>(300, new ManualClock(), 3);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('c', 3);
    cache.get('a');
    cache.set('d', 4);
    expect(cache.size).toBe(3);
    expect(cache.get('b')).toBeUndefined();
    expect([cache.get('a'), cache.get('c'), cache.get('d')]).toEqual([1, 3, 4]);
  });

  test('memory stays flat under a fresh key per request', () => {
    const cache = new AuthorizerCache<number>(300, new ManualClock(), 100);
    for (let i = 0; i < 10_000; i++) cache.set(`token-${i}`, i);
    expect(cache.size).toBe(100);
  });
});
