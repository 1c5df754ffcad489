/**
 * `$context` variables of a REST request, by name, for access-log formats (AWS docs: "Set up CloudWatch logging for REST APIs") and for
 * `context.*` mappings. The table of getters is built once at module load; a request only looks up.
 * A variable with no value (IAM and Cognito identity fields, WAF, X-Ray) is undefined and renders `-`.
 */
import { formatRequestTime } from '../../core/request-time';
import { resourceIdOf } from '../../core/rest-router';
import type { RequestContext } from '../request-context';
import { headerValue } from '../request-values';

export interface AccessLogExtras {
  readonly accountId: string;
  /** Status code of the response sent to the client. */
  readonly status: number;
  /** Response body length in bytes. */
  readonly responseLength: number;
  /** Milliseconds from receiving the request to sending the response. */
  readonly responseLatency: number;
}

type Getter = (ctx: RequestContext, extra: AccessLogExtras) => string | number | boolean | null | undefined;

const text = (value: string | number | boolean | null | undefined): string | undefined =>
  value === undefined || value === null ? undefined : String(value);

function domainPrefixOf(domainName: string): string {
  const dot = domainName.indexOf('.');
  return dot === -1 ? domainName : domainName.slice(0, dot);
}

/** `/{stage}/users/42` on the execute-api host; through a custom domain the base path stands for the stage (AWS docs: "Lambda proxy integrations in API Gateway"). */
function contextPath(ctx: RequestContext): string | undefined {
  const prefix = ctx.basePathMatched === undefined ? ctx.stage?.name : ctx.basePathMatched.replace(/^\/+|\/+$/g, '');
  if (prefix === undefined) return ctx.path;
  return prefix === '' || prefix === '(none)' ? ctx.path : `/${prefix}${ctx.path}`;
}

/** `$context.error.messageString`: the message as a quoted JSON string (`"Unauthorized"`), `null` for a null message. */
function errorMessageString(ctx: RequestContext): string | undefined {
  return ctx.error ? JSON.stringify(ctx.error.gatewayMessage) : undefined;
}

const GETTERS: ReadonlyMap<string, Getter> = new Map<string, Getter>([
  ['requestId', (ctx) => ctx.requestId],
  ['extendedRequestId', (ctx) => ctx.extendedRequestId],
  ['accountId', (_ctx, extra) => extra.accountId],
  ['apiId', (ctx) => ctx.api?.apiId],
  ['stage', (ctx) => ctx.stage?.name],
  ['deploymentId', (ctx) => ctx.stage?.deploymentId],
  ['domainName', (ctx) => ctx.domainName],
  ['domainPrefix', (ctx) => domainPrefixOf(ctx.domainName)],
  ['httpMethod', (ctx) => ctx.request.method],
  ['resourcePath', (ctx) => ctx.route?.key.path],
  ['resourceId', (ctx) => (ctx.route ? resourceIdOf(ctx.route.key.path) : undefined)],
  ['path', contextPath],
  // REST reports HTTP/1.1 whatever the client spoke (AWS docs: "Set up CloudWatch logging for REST APIs").
  ['protocol', () => 'HTTP/1.1'],
  ['requestTime', (ctx) => formatRequestTime(ctx.requestTimeEpoch)],
  ['requestTimeEpoch', (ctx) => ctx.requestTimeEpoch],
  ['status', (_ctx, extra) => extra.status],
  ['responseLength', (_ctx, extra) => extra.responseLength],
  ['responseLatency', (_ctx, extra) => extra.responseLatency],
  ['isCanaryRequest', (ctx) => (ctx.stage?.canary ? ctx.isCanaryRequest : undefined)],
  ['customDomain.basePathMatched', (ctx) => ctx.basePathMatched],

  ['identity.sourceIp', (ctx) => ctx.request.sourceIp],
  ['identity.userAgent', (ctx) => headerValue(ctx.request.headers, 'user-agent')],
  // Only methods that require a key report it (AWS docs: "Usage plans and API keys for REST APIs"); the usage-plan step sets it then.
  ['identity.apiKey', (ctx) => ctx.apiKey?.value],
  ['identity.apiKeyId', (ctx) => ctx.apiKey?.id],

  ['authorizer.principalId', (ctx) => ctx.authorizer?.principalId],
  ['authorizer.error', (ctx) => ctx.authorizer?.error],
  ['authorizer.integrationLatency', (ctx) => ctx.authorizer?.integrationLatency],
  ['authorizer.integrationStatus', (ctx) => ctx.authorizer?.integrationStatus],
  ['authorizer.latency', (ctx) => ctx.authorizer?.latency],
  ['authorizer.status', (ctx) => ctx.authorizer?.status],
  ['authorize.error', (ctx) => ctx.authorizer?.error],
  ['authorize.latency', (ctx) => ctx.authorizer?.latency],
  ['authorize.status', (ctx) => ctx.authorizer?.status],

  ['integration.error', (ctx) => ctx.integration?.error],
  ['integration.integrationStatus', (ctx) => ctx.integration?.status],
  ['integration.latency', (ctx) => ctx.integration?.latency],
  ['integration.requestId', (ctx) => ctx.integration?.requestId],
  ['integration.status', (ctx) => ctx.integration?.status],
  ['integrationLatency', (ctx) => ctx.integration?.latency],
  ['integrationStatus', (ctx) => ctx.integration?.status],
  ['integrationErrorMessage', (ctx) => ctx.integration?.error],

  ['error.message', (ctx) => ctx.error?.gatewayMessage],
  ['error.messageString', errorMessageString],
  ['error.responseType', (ctx) => ctx.error?.responseType],
]);

const AUTHORIZER_PREFIX = 'authorizer.';

/**
 * Looks up `$context.<name>` for one request. Names not in the table are undefined, except
 * `authorizer.<key>`: the authorizer's context value, stringified as REST does (`true`, `123`).
 */
export function accessLogVariables(ctx: RequestContext, extra: AccessLogExtras): (name: string) => string | undefined {
  return (name) => {
    const getter = GETTERS.get(name);
    if (getter) return text(getter(ctx, extra));
    if (name.startsWith(AUTHORIZER_PREFIX) && ctx.authorizer) {
      const key = name.slice(AUTHORIZER_PREFIX.length);
      return Object.hasOwn(ctx.authorizer.context, key) ? text(ctx.authorizer.context[key]) : undefined;
    }
    return undefined;
  };
}
