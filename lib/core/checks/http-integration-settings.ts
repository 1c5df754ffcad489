import {
  DEFAULT_ROUTE_KEY,
  type HttpRouteSpec,
  type HttpRouteTable,
  httpRouteKeyName,
  MAX_HTTP_INTEGRATION_TIMEOUT_MS,
  MIN_HTTP_INTEGRATION_TIMEOUT_MS,
  PAYLOAD_FORMAT_VERSIONS,
} from '../http-route-table';
import { pathParameterNames } from '../route-key';
import type { Finding } from './finding';
import { type CheckRule, finding } from './rule';

export const httpIntegrationSettings: CheckRule = {
  ruleId: 'http-integration-settings',
  level: 'error',
  description:
    `An HTTP API integration AWS rejects: a timeout outside ${MIN_HTTP_INTEGRATION_TIMEOUT_MS}..${MAX_HTTP_INTEGRATION_TIMEOUT_MS} ms, ` +
    'a payload format other than 1.0/2.0, a parameter mapping key outside append|overwrite|remove:header|querystring ' +
    'and overwrite:path (overwrite:statuscode in responses), a backend URL variable the route does not have, or a ' +
    'mapping from $context.authorizer on a route without an authorizer.',
};

/** HTTP API parameter mapping keys (DG:http-api-parameter-mapping). */
const REQUEST_TARGET = /^((append|overwrite|remove):(header|querystring)\.[^\s]+|overwrite:path)$/;
const RESPONSE_TARGET = /^((append|overwrite|remove):header\.[^\s]+|overwrite:statuscode)$/;
const STATUS_CODE = /^[1-5][0-9]{2}$/;
/** A mapping value read from the authorizer's result (`$context.authorizer.claims.sub`, `${context.authorizer.x}`). */
const AUTHORIZER_SOURCE = /\$\{?context\.authorizer\./;
/** `{id}` or `{proxy+}` in a backend URL, but not `${stageVariables.x}`. */
const URL_VARIABLE = /(?<!\$)\{([A-Za-z0-9._:-]+)\+?\}/g;

export function checkHttpIntegrationSettings(table: HttpRouteTable): Finding[] {
  return table.routes.flatMap((route) => {
    const key = httpRouteKeyName(route.key);
    return problems(route).map((problem) => finding(httpIntegrationSettings, `Route "${key}": ${problem}`, key));
  });
}

function problems(route: HttpRouteSpec): string[] {
  const integration = route.integration;
  const found: string[] = [];
  const timeout = integration.timeoutMs;
  if (
    !Number.isInteger(timeout) ||
    timeout < MIN_HTTP_INTEGRATION_TIMEOUT_MS ||
    timeout > MAX_HTTP_INTEGRATION_TIMEOUT_MS
  ) {
    found.push(
      `the ${integration.kind} integration timeoutMs ${timeout} is outside HTTP APIs' range of whole milliseconds ` +
        `${MIN_HTTP_INTEGRATION_TIMEOUT_MS}..${MAX_HTTP_INTEGRATION_TIMEOUT_MS}.`,
    );
  }
  if (integration.kind === 'lambda') {
    if (!PAYLOAD_FORMAT_VERSIONS.includes(integration.payloadFormatVersion)) {
      found.push(`payloadFormatVersion "${integration.payloadFormatVersion}" is not "1.0" or "2.0".`);
    }
    return found;
  }
  for (const target of Object.keys(integration.requestParameters).filter((t) => !REQUEST_TARGET.test(t))) {
    found.push(
      `request parameter "${target}" is not an HTTP API mapping key; write append|overwrite|remove:header.<name>, ` +
        'append|overwrite|remove:querystring.<name> or overwrite:path.',
    );
  }
  for (const [status, parameters] of Object.entries(integration.responseParameters)) {
    if (!STATUS_CODE.test(status)) found.push(`response parameters are keyed by status code, not "${status}".`);
    for (const target of Object.keys(parameters).filter((t) => !RESPONSE_TARGET.test(t))) {
      found.push(
        `response parameter "${target}" (status ${status}) is not an HTTP API mapping key; write ` +
          'append|overwrite|remove:header.<name> or overwrite:statuscode.',
      );
    }
  }
  if (route.authorization.kind !== 'authorizer') {
    for (const [target, source] of Object.entries(integration.requestParameters)) {
      if (!AUTHORIZER_SOURCE.test(source)) continue;
      found.push(
        `request parameter "${target}" maps from ${source}, but the route has no authorizer, so there is no value to ` +
          'send and a client could supply the header itself. Give the route a JWT or Lambda authorizer, or drop the mapping.',
      );
    }
  }
  const declared = route.key === DEFAULT_ROUTE_KEY ? [] : pathParameterNames(route.key.segments);
  for (const [, name] of integration.url.matchAll(URL_VARIABLE)) {
    if (declared.includes(name)) continue;
    found.push(
      `the backend URL "${integration.url}" uses {${name}}, which is not a path variable of the route ` +
        `(${declared.length === 0 ? 'it has none' : declared.map((p) => `{${p}}`).join(', ')}).`,
    );
  }
  return found;
}
