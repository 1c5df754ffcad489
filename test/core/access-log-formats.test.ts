import { ACCESS_LOG_FORMATS } from '../../lib/core/access-log-formats';
import { checkAccessLogFormat } from '../../lib/core/checks/access-log-format';

describe('ACCESS_LOG_FORMATS', () => {
  it.each(Object.entries(ACCESS_LOG_FORMATS))('%s passes the access-log-format check', (_name, format) => {
    expect(format).not.toMatch(/[\r\n]/);
    expect(format).toContain('$context.requestId');
    expect(checkAccessLogFormat(format)).toEqual([]);
  });

  it('renders the JSON presets as valid JSON whatever the values, even with quotes missing', () => {
    for (const format of [ACCESS_LOG_FORMATS.json, ACCESS_LOG_FORMATS.awsJson]) {
      const rendered = format.replace(/\$context\.[A-Za-z0-9_.]+/g, '-');
      expect(() => JSON.parse(rendered)).not.toThrow();
    }
  });

  it('logs who was let in, why a request failed and where time went in the default JSON', () => {
    const fields = JSON.parse(ACCESS_LOG_FORMATS.json) as Record<string, string>;
    expect(fields).toMatchObject({
      requestId: '$context.requestId',
      extendedRequestId: '$context.extendedRequestId',
      ip: '$context.identity.sourceIp',
      status: '$context.status',
      responseLength: '$context.responseLength',
      principalId: '$context.authorizer.principalId',
      authorizerError: '$context.authorizer.error',
      authorizerLatency: '$context.authorizer.latency',
      authorizerStatus: '$context.authorizer.status',
      apiKeyId: '$context.identity.apiKeyId',
      errorResponseType: '$context.error.responseType',
      errorMessage: '$context.error.message',
      integrationLatency: '$context.integrationLatency',
      integrationStatus: '$context.integrationStatus',
      integrationError: '$context.integration.error',
      responseLatency: '$context.responseLatency',
      stage: '$context.stage',
      path: '$context.path',
      userAgent: '$context.identity.userAgent',
    });
  });

  it("matches the AWS console's REST presets (AWS docs: Set up CloudWatch logging for REST APIs)", () => {
    expect(ACCESS_LOG_FORMATS.clf).toBe(
      '$context.identity.sourceIp $context.identity.caller $context.identity.user [$context.requestTime] "$context.httpMethod $context.resourcePath $context.protocol" $context.status $context.responseLength $context.requestId $context.extendedRequestId',
    );
    expect(ACCESS_LOG_FORMATS.csv).toBe(
      '$context.identity.sourceIp,$context.identity.caller,$context.identity.user,$context.requestTime,$context.httpMethod,$context.resourcePath,$context.protocol,$context.status,$context.responseLength,$context.requestId,$context.extendedRequestId',
    );
    expect(ACCESS_LOG_FORMATS.xml).toBe(
      '<request id="$context.requestId"> <extendedRequestId>$context.extendedRequestId</extendedRequestId> <ip>$context.identity.sourceIp</ip> <caller>$context.identity.caller</caller> <user>$context.identity.user</user> <requestTime>$context.requestTime</requestTime> <httpMethod>$context.httpMethod</httpMethod> <resourcePath>$context.resourcePath</resourcePath> <status>$context.status</status> <protocol>$context.protocol</protocol> <responseLength>$context.responseLength</responseLength> </request>',
    );
    expect(ACCESS_LOG_FORMATS.awsJson).toBe(
      '{ "requestId":"$context.requestId", "extendedRequestId":"$context.extendedRequestId", "ip": "$context.identity.sourceIp", "caller":"$context.identity.caller", "user":"$context.identity.user", "requestTime":"$context.requestTime", "httpMethod":"$context.httpMethod", "resourcePath":"$context.resourcePath", "status":"$context.status", "protocol":"$context.protocol", "responseLength":"$context.responseLength" }',
    );
  });
});
