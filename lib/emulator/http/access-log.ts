/**
 * `$context` variables of an HTTP API request, for access-log formats (AWS docs: "Customize HTTP API access logs"). The getter table is built once; a request only looks values up. Differences from REST:
 * `routeKey`; `extendedRequestId` is `requestId`; `authorizer.<key>` keeps the JSON type of a Lambda
 * authorizer's context value (`1`, `true`, a list or map as JSON text); `authorizer.claims.<claim>` for JWT;
 * `integration.status` is what the integration answered, `integration.integrationStatus` what Lambda did.
 */
import { formatRequestTime } from '../../core/request-time';
import type { HttpRequestContext, JsonValue } from './http-context';
import { domainPrefixOf } from './request-shape';

export interface HttpAccessLogExtras {
  readonly accountId: string;
  readonly status: number;
  readonly responseLength: number;
  readonly responseLatency: number;
}

type Value = string | number | boolean | null | undefined;
type Getter = (ctx: HttpRequestContext, extra: HttpAccessLogExtras) => Value;

const text = (value: Value): string | undefined => (value === undefined || value === null ? undefined : String(value));

function header(ctx: HttpRequestContext, name: string): string | undefined {
  let found: string | undefined;
  for (const [key, value] of ctx.request.headers) if (key.toLowerCase() === name) found = value;
  return found;
}

const GETTERS: ReadonlyMap<string, Getter> = new Map<string, Getter>([
  ['requestId', (ctx) => ctx.requestId],
  ['extendedRequestId', (ctx) => ctx.requestId],
  ['awsEndpointRequestId', (ctx) => ctx.integration?.requestId],
  ['accountId', (_ctx, extra) => extra.accountId],
  ['apiId', (ctx) => ctx.httpApi?.apiId],
  ['stage', (ctx) => ctx.httpStage?.name],
  ['routeKey', (ctx) => ctx.routeKey],
  ['domainName', (ctx) => ctx.domainName],
  ['domainPrefix', (ctx) => domainPrefixOf(ctx.domainName)],
  ['httpMethod', (ctx) => ctx.request.method],
  // `/{stage}/root/child` for a named stage, the request path for `$default` (DG:http-api-logging-variables).
  ['path', (ctx) => ctx.rawPath],
  ['protocol', (ctx) => ctx.request.protocol],
  ['requestTime', (ctx) => formatRequestTime(ctx.requestTimeEpoch)],
  ['requestTimeEpoch', (ctx) => ctx.requestTimeEpoch],
  ['status', (_ctx, extra) => extra.status],
  ['responseLength', (_ctx, extra) => extra.responseLength],
  ['responseLatency', (_ctx, extra) => extra.responseLatency],
  ['dataProcessed', (ctx, extra) => ctx.request.body.length + extra.responseLength],
  ['customDomain.basePathMatched', (ctx) => ctx.basePathMatched],

  ['identity.sourceIp', (ctx) => ctx.request.sourceIp],
  ['identity.userAgent', (ctx) => header(ctx, 'user-agent')],
  ['identity.accessKey', (ctx) => ctx.iamCaller?.accessKey],

  ['authorizer.principalId', (ctx) => (ctx.grant?.kind === 'lambda' ? ctx.grant.principalId : undefined)],
  ['authorizer.error', (ctx) => ctx.authorizer?.error],
  ['authorizer.integrationLatency', (ctx) => ctx.authorizer?.integrationLatency],
  ['authorizer.integrationStatus', (ctx) => ctx.authorizer?.integrationStatus],
  ['authorizer.latency', (ctx) => ctx.authorizer?.latency],
  ['authorizer.status', (ctx) => ctx.authorizer?.status],

  ['integration.error', (ctx) => ctx.integration?.error],
  ['integration.integrationStatus', (ctx) => ctx.integration?.status],
  ['integration.latency', (ctx) => ctx.integration?.latency],
  ['integration.requestId', (ctx) => ctx.integration?.requestId],
  ['integration.status', (ctx) => ctx.integrationResponseStatus ?? ctx.integration?.status],
  ['integrationErrorMessage', (ctx) => ctx.integration?.error],
  ['integrationLatency', (ctx) => ctx.integration?.latency],
  ['integrationStatus', (ctx) => ctx.integration?.status],

  ['error.message', (ctx) => ctx.error?.gatewayMessage],
  ['error.messageString', (ctx) => (ctx.error ? JSON.stringify(ctx.error.gatewayMessage) : undefined)],
  ['error.responseType', (ctx) => ctx.error?.responseType],
]);

const AUTHORIZER_PREFIX = 'authorizer.';
const CLAIMS_PREFIX = 'authorizer.claims.';

/** A Lambda authorizer's context value as the log shows it: scalars as written, lists and maps as JSON. */
function jsonText(value: JsonValue | undefined): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Looks up `$context.<name>` for one request; unknown names are undefined (rendered `-`). */
export function httpAccessLogVariables(
  ctx: HttpRequestContext,
  extra: HttpAccessLogExtras,
): (name: string) => string | undefined {
  return (name) => {
    const getter = GETTERS.get(name);
    if (getter) return text(getter(ctx, extra));
    const grant = ctx.grant;
    if (!grant || !name.startsWith(AUTHORIZER_PREFIX)) return undefined;
    if (grant.kind === 'jwt') {
      if (!name.startsWith(CLAIMS_PREFIX)) return undefined;
      const claim = name.slice(CLAIMS_PREFIX.length);
      return Object.hasOwn(grant.claims, claim) ? grant.claims[claim] : undefined;
    }
    const key = name.slice(AUTHORIZER_PREFIX.length);
    return grant.context && Object.hasOwn(grant.context, key) ? jsonText(grant.context[key]) : undefined;
  };
}
