/**
 * Access log format presets (AWS docs: "Set up CloudWatch logging for REST APIs"), as the plain one-line strings API Gateway stores in
 * `AccessLogSetting.Format`. Each contains `$context.requestId`, which REST access logs require.
 */

/**
 * Portico's default JSON: AWS's standard fields plus who was let in (authorizer, API key), why a request
 * failed (throttled, quota, auth: `$context.error.*`) and where time went (authorizer, integration, total).
 * Every value is quoted, as in AWS's own preset, so a line stays valid JSON when a value is missing ("-").
 */
const PORTICO_JSON_FIELDS: readonly (readonly [field: string, variable: string])[] = [
  ['requestId', '$context.requestId'],
  ['extendedRequestId', '$context.extendedRequestId'],
  ['ip', '$context.identity.sourceIp'],
  ['caller', '$context.identity.caller'],
  ['user', '$context.identity.user'],
  ['userAgent', '$context.identity.userAgent'],
  ['requestTime', '$context.requestTime'],
  ['httpMethod', '$context.httpMethod'],
  ['resourcePath', '$context.resourcePath'],
  ['path', '$context.path'],
  ['stage', '$context.stage'],
  ['status', '$context.status'],
  ['protocol', '$context.protocol'],
  ['responseLength', '$context.responseLength'],
  ['responseLatency', '$context.responseLatency'],
  ['principalId', '$context.authorizer.principalId'],
  ['authorizerStatus', '$context.authorizer.status'],
  ['authorizerLatency', '$context.authorizer.latency'],
  ['authorizerError', '$context.authorizer.error'],
  ['apiKeyId', '$context.identity.apiKeyId'],
  ['errorResponseType', '$context.error.responseType'],
  ['errorMessage', '$context.error.message'],
  ['integrationStatus', '$context.integrationStatus'],
  ['integrationLatency', '$context.integrationLatency'],
  ['integrationError', '$context.integration.error'],
];

export const ACCESS_LOG_FORMATS = {
  /** Portico's default: JSON with authorizer, API key, throttling/error and integration fields. */
  json: `{${PORTICO_JSON_FIELDS.map(([field, variable]) => `"${field}":"${variable}"`).join(',')}}`,
  /** AWS console "CLF" preset for REST APIs. */
  clf:
    '$context.identity.sourceIp $context.identity.caller $context.identity.user [$context.requestTime] ' +
    '"$context.httpMethod $context.resourcePath $context.protocol" $context.status $context.responseLength ' +
    '$context.requestId $context.extendedRequestId',
  /** AWS console "CSV" preset for REST APIs. */
  csv:
    '$context.identity.sourceIp,$context.identity.caller,$context.identity.user,$context.requestTime,' +
    '$context.httpMethod,$context.resourcePath,$context.protocol,$context.status,$context.responseLength,' +
    '$context.requestId,$context.extendedRequestId',
  /** AWS console "XML" preset for REST APIs. */
  xml:
    '<request id="$context.requestId"> <extendedRequestId>$context.extendedRequestId</extendedRequestId> ' +
    '<ip>$context.identity.sourceIp</ip> <caller>$context.identity.caller</caller> <user>$context.identity.user</user> ' +
    '<requestTime>$context.requestTime</requestTime> <httpMethod>$context.httpMethod</httpMethod> ' +
    '<resourcePath>$context.resourcePath</resourcePath> <status>$context.status</status> ' +
    '<protocol>$context.protocol</protocol> <responseLength>$context.responseLength</responseLength> </request>',
  /** AWS console "JSON" preset for REST APIs, spacing included. */
  awsJson:
    '{ "requestId":"$context.requestId", "extendedRequestId":"$context.extendedRequestId", ' +
    '"ip": "$context.identity.sourceIp", "caller":"$context.identity.caller", "user":"$context.identity.user", ' +
    '"requestTime":"$context.requestTime", "httpMethod":"$context.httpMethod", ' +
    '"resourcePath":"$context.resourcePath", "status":"$context.status", "protocol":"$context.protocol", ' +
    '"responseLength":"$context.responseLength" }',
} as const;

export type AccessLogFormatName = keyof typeof ACCESS_LOG_FORMATS;
