import { nextQuotaPeriodStart, QuotaCounter, quotaPeriodStart } from '../../lib/core/quota-window';

const utc = (iso: string): number => Date.parse(iso);

describe('quota periods are UTC calendar periods', () => {
  test('DAY starts at midnight UTC', () => {
    const at = utc('2024-06-19T23:59:59.999Z');
    expect(quotaPeriodStart('DAY', at)).toBe(utc('2024-06-19T00:00:00Z'));
    expect(nextQuotaPeriodStart('DAY', at)).toBe(utc('2024-06-20T00:00:00Z'));
  });

  test('WEEK starts on Monday 00:00 UTC', () => {
    // 2024-06-19 is a Wednesday; 2024-06-23 a Sunday; 2024-06-24 a Monday.
    expect(quotaPeriodStart('WEEK', utc('2024-06-19T12:00:00Z'))).toBe(utc('2024-06-17T00:00:00Z'));
    expect(quotaPeriodStart('WEEK', utc('2024-06-23T23:00:00Z'))).toBe(utc('2024-06-17T00:00:00Z'));
    expect(quotaPeriodStart('WEEK', utc('2024-06-24T00:00:00Z'))).toBe(utc('2024-06-24T00:00:00Z'));
    expect(nextQuotaPeriodStart('WEEK', utc('2024-06-19T12:00:00Z'))).toBe(utc('2024-06-24T00:00:00Z'));
  });

  test('MONTH starts on the 1st at 00:00 UTC, across a year end', () => {
    expect(quotaPeriodStart('MONTH', utc('2024-02-29T10:00:00Z'))).toBe(utc('2024-02-01T00:00:00Z'));
    expect(nextQuotaPeriodStart('MONTH', utc('2024-12-31T23:00:00Z'))).toBe(utc('2025-01-01T00:00:00Z'));
  });
});

describe('QuotaCounter', () => {
  test('admits limit requests per period, then refuses until the next period', () => {
    const start = utc('2024-06-19T08:00:00Z');
    const quota = new QuotaCounter({ limit: 3, period: 'DAY' }, start);
    expect([1, 2, 3, 4].map(() => quota.tryConsume(start))).toEqual([true, true, true, false]);
    expect(quota.tryConsume(utc('2024-06-19T23:59:59Z'))).toBe(false);
    expect(quota.tryConsume(utc('2024-06-20T00:00:00Z'))).toBe(true);
    expect(quota.remaining(utc('2024-06-20T00:00:00Z'))).toBe(2);
  });

  test('offset is subtracted from the first period only', () => {
    const start = utc('2024-06-19T08:00:00Z');
    const quota = new QuotaCounter({ limit: 5, period: 'DAY', offset: 3 }, start);
    expect(quota.remaining(start)).toBe(2);
    expect([1, 2, 3].map(() => quota.tryConsume(start))).toEqual([true, true, false]);
    expect(quota.remaining(utc('2024-06-20T01:00:00Z'))).toBe(5);
  });

  test('an offset larger than the limit leaves nothing in the first period', () => {
    const start = utc('2024-06-19T08:00:00Z');
    const quota = new QuotaCounter({ limit: 2, period: 'WEEK', offset: 10 }, start);
    expect(quota.tryConsume(start)).toBe(false);
    expect(quota.tryConsume(utc('2024-06-24T00:00:00Z'))).toBe(true);
  });

  test('a refund gives back one counted request', () => {
    const start = utc('2024-06-19T08:00:00Z');
    const quota = new QuotaCounter({ limit: 1, period: 'MONTH' }, start);
    expect(quota.tryConsume(start)).toBe(true);
    quota.refund(start);
    expect(quota.tryConsume(start)).toBe(true);
    expect(quota.tryConsume(start)).toBe(false);
  });
});
