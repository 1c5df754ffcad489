import { ACCESS_LOG_FORMATS } from '../../lib/core/access-log-formats';
import { compileAccessLogFormat } from '../../lib/core/access-log-render';

const HOSTILE_USER_AGENT = 'evil "agent" \\ with\nnewline\r\tand \u0001 control';

const lookupFrom =
  (values: Record<string, string>) =>
  (name: string): string | undefined =>
    values[name];

describe('compileAccessLogFormat', () => {
  test('replaces $context variables and renders a missing one as "-"', () => {
    const render = compileAccessLogFormat('$context.requestId $context.identity.sourceIp [$context.requestTime]');
    expect(render(lookupFrom({ requestId: 'r-1', requestTime: '17/Jun/2024:15:02:03 +0000' }))).toBe(
      'r-1 - [17/Jun/2024:15:02:03 +0000]',
    );
  });

  test('takes the longest dotted name, leaving a sentence-ending dot as text', () => {
    const seen: string[] = [];
    const render = compileAccessLogFormat('id=$context.authorizer.tenant-id. done');
    const line = render((name) => {
      seen.push(name);
      return 'acme';
    });
    expect(seen).toEqual(['authorizer.tenant-id']);
    expect(line).toBe('id=acme. done');
  });

  test('renders an empty value as "-"', () => {
    expect(compileAccessLogFormat('[$context.identity.userAgent]')(() => '')).toBe('[-]');
  });

  test('drops a trailing newline of the format', () => {
    expect(compileAccessLogFormat('$context.requestId\n')(() => 'r-1')).toBe('r-1');
  });

  test.each(['json', 'awsJson'] as const)('the %s preset stays valid JSON with hostile values', (preset) => {
    const render = compileAccessLogFormat(ACCESS_LOG_FORMATS[preset]);
    const line = render((name) =>
      name === 'identity.userAgent' || name === 'resourcePath'
        ? HOSTILE_USER_AGENT
        : name === 'status'
          ? '200'
          : undefined,
    );
    expect(line).not.toContain('\n');
    const parsed = JSON.parse(line);
    expect(parsed.status).toBe('200');
    expect(parsed.resourcePath).toBe(HOSTILE_USER_AGENT);
    expect(parsed.requestId).toBe('-');
  });

  test('non-JSON formats stay on one line but keep quotes and backslashes', () => {
    const line = compileAccessLogFormat(ACCESS_LOG_FORMATS.clf)((name) =>
      name === 'resourcePath' ? HOSTILE_USER_AGENT : undefined,
    );
    for (const control of ['\n', '\r', '\t', '\u0001']) expect(line).not.toContain(control);
    expect(line).toContain('evil "agent" \\ with\\nnewline');
  });

  test('a format without variables renders as itself', () => {
    expect(compileAccessLogFormat('static text')(() => 'x')).toBe('static text');
  });
});
