import { formatRequestTime } from '../../lib/core/request-time';

describe('$context.requestTime', () => {
  test('matches a real capture (AWS docs: "Lambda proxy integrations in API Gateway", docs/aws-behaviour.md, "Captured events")', () => {
    expect(formatRequestTime(1718635961959)).toBe('17/Jun/2024:14:52:41 +0000');
  });

  test('pads day and time fields and is always UTC', () => {
    expect(formatRequestTime(Date.UTC(2024, 0, 2, 3, 4, 5, 999))).toBe('02/Jan/2024:03:04:05 +0000');
  });
});
