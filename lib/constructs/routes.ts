/**
 * A route as declared (`'GET /users/{id}': { integration, authorization, ... }`) and its translation into
 * the core `RouteSpec`: integration settings, request parameter mapping, and the checks that need the
 * route's own path (mapped path parameters exist, backend URL variables have a source).
 */
import { pathParameterNames, type RouteKey } from '../core/route-key';
import type { IntegrationSpec } from '../core/route-table';
import type { RouteAuthorization } from './authorization';
import type { IntegrationTarget, RouteIntegration } from './integrations';
import type { RequestValidationOptions } from './request-validation';
import { functionStageVariable } from './versions';

export interface RouteOptions {
  /** What the route calls: `RouteIntegration.lambda(fn)`, `.http(url)` or `.mock()`. */
  readonly integration: RouteIntegration;
  /**
   * Who may call the route; `RouteAuthorization.none()` makes it public.
   * @default - the Gateway's defaultAuthorization; without one the route does not synthesize
   */
  readonly authorization?: RouteAuthorization;
  /**
   * Whether callers must present an API key of a usage plan (usage plan throttles and quotas apply only then).
   * @default - the Gateway's apiKeyRequired
   */
  readonly apiKeyRequired?: boolean;
  /**
   * Versions that serve the route, by name.
   * @default - every version
   */
  readonly versions?: string[];
  /**
   * Request validation: required query strings and headers, and a JSON Schema for the body; failures answer
   * 400 with API Gateway's `BAD_REQUEST_PARAMETERS` / `BAD_REQUEST_BODY` responses.
   * @default - no validation
   */
  readonly requestValidation?: RequestValidationOptions;
}

export interface ResolvedIntegration {
  readonly integration: IntegrationSpec;
  readonly requestParameters: Readonly<Record<string, string>>;
}

const TARGET = /^integration\.request\.(header|querystring|path|multivalueheader|multivaluequerystring)\.\S+$/;
const SOURCE =
  /^(method\.request\.(path|querystring|multivaluequerystring|header|multivalueheader)\.\S+|context\.[A-Za-z0-9_.]+|stageVariables\.[A-Za-z0-9_]+|'[^']*')$/;
/** `{id}` or `{proxy+}` in a backend URL, but not `${stageVariables.x}`. */
const URL_VARIABLE = /(?<!\$)\{([A-Za-z0-9._:-]+)\+?\}/g;
/** Service names become stage variable names (`<service>Function`: letters, digits, `_`, at most 64). */
const SERVICE_NAME = /^[A-Za-z][A-Za-z0-9_]{0,55}$/;

/** The core integration for a declared route; throws naming the route when the declaration cannot work. */
export function resolveIntegration(routeName: string, key: RouteKey, target: IntegrationTarget): ResolvedIntegration {
  switch (target.kind) {
    case 'lambda': {
      if (!SERVICE_NAME.test(target.service)) {
        throw new Error(
          `Route "${routeName}": service name "${target.service}" must start with a letter and use only letters, ` +
            'digits and _ (at most 56 characters): it names the stage variable "<service>Function". ' +
            'Pass another name with RouteIntegration.lambda(fn, { service }).',
        );
      }
      return {
        integration: {
          kind: 'lambda',
          // Resolved per stage by API Gateway (docs/decisions/0002).
          functionArn: `\${stageVariables.${functionStageVariable(target.service)}}`,
          timeoutMs: target.timeoutMs,
          ...(target.mapping && { mapping: target.mapping }),
        },
        requestParameters: checkedParameters(routeName, key, target.requestParameters),
      };
    }
    case 'http': {
      const requestParameters = { ...checkedParameters(routeName, key, target.requestParameters) };
      const pathParameters = pathParameterNames(key.segments);
      for (const [, name] of target.url.matchAll(URL_VARIABLE)) {
        const mapped = `integration.request.path.${name}`;
        if (requestParameters[mapped] !== undefined) continue;
        if (!pathParameters.includes(name)) {
          throw new Error(
            `Route "${routeName}": the backend URL "${target.url}" uses {${name}}, which is not a path parameter of ` +
              `the route (${pathParameters.length === 0 ? 'it has none' : pathParameters.map((p) => `{${p}}`).join(', ')}). ` +
              `Rename it, or map it with requestParameters: { '${mapped}': '<source>' }.`,
          );
        }
        requestParameters[mapped] = `method.request.path.${name}`;
      }
      return {
        integration: {
          kind: 'http',
          url: target.url,
          method: target.httpMethod ?? key.method,
          timeoutMs: target.timeoutMs,
          ...(target.mapping && { mapping: target.mapping }),
        },
        requestParameters,
      };
    }
    case 'mock':
      return {
        integration: {
          kind: 'mock',
          statusCode: target.statusCode,
          responseHeaders: target.headers,
          ...(target.body === undefined ? {} : { responseBody: target.body }),
          ...(target.mapping && { mapping: target.mapping }),
        },
        requestParameters: {},
      };
    case 'aws':
      return {
        integration: {
          kind: 'aws',
          uri: target.uri,
          method: target.httpMethod,
          credentials: target.credentials,
          timeoutMs: target.timeoutMs,
          mapping: target.mapping,
        },
        requestParameters: checkedParameters(routeName, key, target.requestParameters),
      };
  }
}

function checkedParameters(
  routeName: string,
  key: RouteKey,
  parameters: Readonly<Record<string, string>>,
): Record<string, string> {
  const pathParameters = pathParameterNames(key.segments);
  for (const [target, source] of Object.entries(parameters)) {
    if (!TARGET.test(target)) {
      throw new Error(
        `Route "${routeName}": request parameter "${target}" is not an integration request parameter; write ` +
          "'integration.request.header.<name>', 'integration.request.querystring.<name>' or 'integration.request.path.<name>'.",
      );
    }
    if (!SOURCE.test(source)) {
      throw new Error(
        `Route "${routeName}": request parameter "${target}" maps from "${source}", which API Gateway does not accept; ` +
          "use method.request.{path,querystring,header}.<name>, context.<variable>, stageVariables.<name> or a quoted 'literal'.",
      );
    }
    const pathSource = /^method\.request\.path\.(.+)$/.exec(source)?.[1];
    if (pathSource !== undefined && !pathParameters.includes(pathSource)) {
      throw new Error(
        `Route "${routeName}": request parameter "${target}" maps from path parameter {${pathSource}}, which the ` +
          'route does not have.',
      );
    }
  }
  return { ...parameters };
}
