/**
 * A route's `RouteIntegration` on the HTTP flavor: Lambda proxy with payload 2.0 (or 1.0) through the
 * service's stage variable, or HTTP proxy with HTTP API parameter mapping. REST-form mappings
 * (`integration.request.header.x` ← `context.authorizer.y`) are translated, so one route table serves both
 * flavors; mock integrations exist only on REST APIs.
 */
import { DEFAULT_ROUTE_KEY, type HttpIntegrationSpec, type PayloadFormatVersion } from '../../core/http-route-table';
import type { RouteKey } from '../../core/route-key';
import type { IntegrationTarget } from '../integrations';
import { functionStageVariable } from '../versions';

/** Service names become stage variable names (`<service>Function`: letters, digits, `_`, at most 64). */
const SERVICE_NAME = /^[A-Za-z][A-Za-z0-9_]{0,55}$/;
/** REST mapping targets that have an HTTP API counterpart (DG:http-api-parameter-mapping). */
const REST_TARGET = /^integration\.request\.(header|querystring)\.(\S+)$/;
const REST_METHOD_SOURCE = /^method\.request\.(header|querystring|path)\.(\S+)$/;
const REST_CONTEXT_SOURCE = /^(context|stageVariables)\.(\S+)$/;
const REST_STATIC_SOURCE = /^'([^']*)'$/;

export function resolveHttpIntegration(
  route: string,
  key: RouteKey | typeof DEFAULT_ROUTE_KEY,
  target: IntegrationTarget,
  payloadFormatVersion: PayloadFormatVersion,
): HttpIntegrationSpec {
  if (target.kind === 'aws' || target.mapping) {
    // Mapping templates, integration responses and AWS service integrations are REST-only (docs/decisions/0014).
    throw new Error(
      `Route "${route}": mapping templates, integration responses and AWS service integrations exist only on ` +
        "REST APIs. Use flavor: 'rest', or drop requestTemplates/integrationResponses for a proxy integration.",
    );
  }
  switch (target.kind) {
    case 'lambda':
      if (!SERVICE_NAME.test(target.service)) {
        throw new Error(
          `Route "${route}": service name "${target.service}" must start with a letter and use only letters, digits ` +
            'and _ (at most 56 characters): it names the stage variable "<service>Function". Pass another name with ' +
            'RouteIntegration.lambda(fn, { service }).',
        );
      }
      if (Object.keys(target.requestParameters).length > 0) {
        throw new Error(
          `Route "${route}": an HTTP API maps request parameters only toward HTTP backends; a Lambda function gets ` +
            'the whole request (headers, query, authorizer context in requestContext). Remove requestParameters.',
        );
      }
      return {
        kind: 'lambda',
        // Resolved per stage by API Gateway (AWS docs: "Stages for HTTP APIs"; docs/decisions/0009).
        functionArn: `\${stageVariables.${functionStageVariable(target.service)}}`,
        payloadFormatVersion,
        timeoutMs: target.timeoutMs,
      };
    case 'http':
      return {
        kind: 'http',
        url: target.url,
        method: target.httpMethod ?? (key === DEFAULT_ROUTE_KEY ? 'ANY' : key.method),
        timeoutMs: target.timeoutMs,
        requestParameters: Object.fromEntries(
          Object.entries(target.requestParameters).map(([to, from]) => httpMapping(route, to, from)),
        ),
        responseParameters: {},
      };
    case 'mock':
      throw new Error(
        `Route "${route}": mock integrations exist only on REST APIs. On an HTTP API point the route at a Lambda ` +
          "function (RouteIntegration.lambda) or an HTTP backend (RouteIntegration.http), or use flavor: 'rest'.",
      );
  }
}

/**
 * One mapping in HTTP API form: `overwrite:header.x` ← `$context.authorizer.y`. HTTP-form entries
 * (`append:…`, `overwrite:…`, `remove:…`) pass through; the check `http-integration-settings` validates them.
 */
function httpMapping(route: string, target: string, source: string): [string, string] {
  if (/^(append|overwrite|remove):/.test(target)) return [target, source];
  const restTarget = REST_TARGET.exec(target);
  if (!restTarget) {
    throw new Error(
      `Route "${route}": request parameter "${target}" has no HTTP API counterpart. Use the route's path variables ` +
        'in the backend URL ({id}), or write HTTP API mappings: append|overwrite|remove:header.<name>, ' +
        'append|overwrite|remove:querystring.<name>, overwrite:path.',
    );
  }
  return [`overwrite:${restTarget[1]}.${restTarget[2]}`, httpSource(route, target, source)];
}

function httpSource(route: string, target: string, source: string): string {
  const method = REST_METHOD_SOURCE.exec(source);
  if (method) return `$request.${method[1]}.${method[2]}`;
  const context = REST_CONTEXT_SOURCE.exec(source);
  if (context) return `$${context[1]}.${context[2]}`;
  const literal = REST_STATIC_SOURCE.exec(source);
  if (literal) return literal[1];
  if (source.startsWith('method.request.')) {
    throw new Error(
      `Route "${route}": request parameter "${target}" maps from "${source}", which HTTP APIs do not have; ` +
        'they join repeated headers and query values with commas: use method.request.header.<name> or .querystring.<name>.',
    );
  }
  return source;
}
