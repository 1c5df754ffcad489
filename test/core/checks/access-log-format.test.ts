import { checkAccessLogFormat, contextVariables } from '../../../lib/core/checks/access-log-format';

const messages = (format: string) => checkAccessLogFormat(format).map((f) => f.message);

describe('access-log-format', () => {
  it('accepts a one-line format with $context.requestId, and one trailing newline', () => {
    expect(checkAccessLogFormat('$context.requestId $context.status\n')).toEqual([]);
    expect(checkAccessLogFormat('{"id":"$context.extendedRequestId","message":$context.error.messageString}')).toEqual(
      [],
    );
  });

  it("reports an empty format with AWS's text", () => {
    expect(checkAccessLogFormat('  ')).toEqual([
      {
        ruleId: 'access-log-format',
        level: 'error',
        message:
          'Access log format: Access Log value must not be empty. Use a preset from ACCESS_LOG_FORMATS, or turn access logging off.',
      },
    ]);
  });

  it('reports a format without $context.requestId or $context.extendedRequestId', () => {
    expect(messages('$context.identity.sourceIp $context.authorizer.requestId')).toEqual([
      'Access log format must include $context.requestId (or $context.extendedRequestId) so each entry can be traced to its request; add it.',
    ]);
  });

  it('reports a multi-line format and non-$context variables', () => {
    expect(messages('$context.requestId\n$context.status $input.body')).toEqual([
      expect.stringContaining('Access log format spans several lines'),
      'Access log format uses $input.body, but only $context variables are available in access logs; remove them.',
    ]);
  });

  it('reports a JSON format with an unquoted variable, naming it', () => {
    expect(messages('{"requestId":"$context.requestId","status":$context.status}')).toEqual([
      'Access log format looks like JSON but has $context.status outside quotes; a missing value is logged as "-", ' +
        'which is not JSON. Quote each value, e.g. "status":"$context.status".',
    ]);
  });

  it('reports a JSON format with a syntax error', () => {
    expect(messages('{"requestId":"$context.requestId",}')).toEqual([
      expect.stringMatching(
        /^Access log format looks like JSON but does not render as valid JSON \(.+\); fix its syntax\.$/,
      ),
    ]);
  });

  it('reports $context.error.messageString inside quotes', () => {
    expect(messages('{"requestId":"$context.requestId","m":"$context.error.messageString"}')).toEqual([
      expect.stringContaining('has $context.error.messageString inside quotes'),
    ]);
  });

  it('lists the $context variables a format uses, without trailing punctuation', () => {
    expect(contextVariables('[$context.requestTime] $context.authorizer.claims.sub.')).toEqual([
      '$context.requestTime',
      '$context.authorizer.claims.sub',
    ]);
  });
});
