import { ACCOUNT_BURST_LIMIT, ACCOUNT_RATE_LIMIT, resolveThrottle, TokenBucket } from '../../lib/core/token-bucket';

function admittedAt(bucket: TokenBucket, now: number, attempts: number): number {
  let admitted = 0;
  for (let i = 0; i < attempts; i++) if (bucket.take(now)) admitted++;
  return admitted;
}

describe('TokenBucket', () => {
  test('starts full: admits burstLimit requests at one instant, then throttles', () => {
    const bucket = new TokenBucket(10, 5, 0);
    expect(admittedAt(bucket, 0, 8)).toBe(5);
  });

  test('refills rateLimit tokens per second, continuously', () => {
    const bucket = new TokenBucket(10, 5, 0);
    admittedAt(bucket, 0, 5);
    expect(bucket.take(50)).toBe(false); // half a token
    expect(bucket.take(100)).toBe(true); // one token after 100 ms at 10/s
    expect(bucket.take(100)).toBe(false);
    expect(admittedAt(bucket, 400, 10)).toBe(3);
  });

  test('never holds more than burstLimit tokens, however long it rests', () => {
    const bucket = new TokenBucket(100, 3, 0);
    expect(admittedAt(bucket, 60_000, 10)).toBe(3);
  });

  test('a fractional rate admits one request per 1/rate seconds', () => {
    const bucket = new TokenBucket(0.5, 1, 0);
    expect(bucket.take(0)).toBe(true);
    expect(bucket.take(1999)).toBe(false);
    expect(bucket.take(2000)).toBe(true);
  });

  test('many small refills add up to whole tokens', () => {
    const bucket = new TokenBucket(10, 1, 0);
    bucket.take(0);
    for (let t = 10; t < 100; t += 10) expect(bucket.take(t)).toBe(false);
    expect(bucket.take(100)).toBe(true);
  });

  test('burst 0 admits nothing, whatever the rate', () => {
    expect(admittedAt(new TokenBucket(1000, 0, 0), 5000, 5)).toBe(0);
    expect(admittedAt(new TokenBucket(0, 0, 0), 5000, 5)).toBe(0);
  });

  test('rate 0 admits the burst once and never refills', () => {
    const bucket = new TokenBucket(0, 2, 0);
    expect(admittedAt(bucket, 0, 5)).toBe(2);
    expect(admittedAt(bucket, 3_600_000, 5)).toBe(0);
  });

  test('a clock set back refills nothing', () => {
    const bucket = new TokenBucket(10, 1, 10_000);
    bucket.take(10_000);
    expect(bucket.take(5_000)).toBe(false);
    expect(bucket.take(10_050)).toBe(false);
    expect(bucket.take(10_100)).toBe(true);
  });

  test('canTake looks without spending', () => {
    const bucket = new TokenBucket(1, 1, 0);
    expect(bucket.canTake(0)).toBe(true);
    expect(bucket.canTake(0)).toBe(true);
    expect(bucket.take(0)).toBe(true);
    expect(bucket.canTake(0)).toBe(false);
  });
});

describe('resolveThrottle', () => {
  test('fills an unset rate or burst with the account default', () => {
    expect(resolveThrottle({ rateLimit: 5 })).toEqual({ rateLimit: 5, burstLimit: ACCOUNT_BURST_LIMIT });
    expect(resolveThrottle({ burstLimit: 2 })).toEqual({ rateLimit: ACCOUNT_RATE_LIMIT, burstLimit: 2 });
  });

  test('a negative value means not throttled', () => {
    expect(resolveThrottle({ rateLimit: -1, burstLimit: -1 })).toBeUndefined();
  });
});
