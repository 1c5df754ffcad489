import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Gateway, type GatewayProps, RouteAuthorization, RouteIntegration } from '../../../lib/constructs';
import { inlineFunction, newStack, synthError } from '../helpers';

function attempt(props: Partial<GatewayProps>, routes?: GatewayProps['routes']) {
  const stack = newStack();
  const users = inlineFunction(stack, 'Users');
  const build = () =>
    new Gateway(stack, 'Gateway', {
      flavor: 'http',
      defaultAuthorization: RouteAuthorization.none(),
      routes: routes ?? { 'GET /users': { integration: RouteIntegration.lambda(users) } },
      ...props,
    });
  return { stack, users, build };
}

const thrown = (build: () => unknown) => {
  try {
    build();
  } catch (error) {
    return (error as Error).message;
  }
  return '';
};

describe('HTTP flavor: REST-only features fail the synth, naming the feature and the alternative', () => {
  test.each([
    ['usage plans', { usagePlans: { free: {} } }, /Usage plans \(usagePlans\) exist only on REST APIs: .*throttle/],
    [
      'consumers',
      { consumers: { acme: { plan: 'free' } } },
      /Consumers with API keys \(consumers\) exist only on REST APIs/,
    ],
    ['API keys', { apiKeyRequired: true }, /API keys \(apiKeyRequired\) exist only on REST APIs: .*route throttles/],
    ['API key source', { apiKeySource: 'AUTHORIZER' as const }, /API key sources \(apiKeySource\) exist only/],
    [
      'binary media types',
      { binaryMediaTypes: ['image/png'] },
      /Binary media types \(binaryMediaTypes\) exist only .*isBase64Encoded/,
    ],
    [
      'canaries',
      { versions: { v1: { canary: { percentTraffic: 10 } } } },
      /Canary releases \(versions\.v1\.canary\) exist only/,
    ],
    [
      'execution logs',
      { stageOptions: { executionLogLevel: 'INFO' as const } },
      /Execution logs \(stageOptions\.executionLogLevel\)/,
    ],
    [
      'custom gateway responses',
      { stageOptions: { gatewayResponseHeaders: { 'cache-control': 'no-store' } } as never },
      /Custom gateway responses \(stageOptions\.gatewayResponseHeaders\) exist only on REST APIs/,
    ],
  ])('%s', (_name, props, message) => {
    const error = thrown(attempt(props as Partial<GatewayProps>).build);
    expect(error).toMatch(message);
    expect(error).toContain("or use flavor: 'rest'");
    expect(error).toContain('Gateway "TestStack/Gateway" (flavor \'http\')');
  });

  test('TOKEN and Cognito authorizers, mock integrations and apiKeyRequired routes name the HTTP alternative', () => {
    const { users, build, stack } = attempt({}, {});
    const gateway = build();
    const route = (key: string, options: Parameters<Gateway['addRoute']>[1]) => () => gateway.addRoute(key, options);
    expect(
      thrown(
        route('GET /a', {
          integration: RouteIntegration.lambda(users),
          authorization: RouteAuthorization.token(inlineFunction(stack, 'TokenAuthorizer')),
        }),
      ),
    ).toMatch(
      /Route "GET \/a": TOKEN authorizers \("tokenAuthorizer"\) exist only on REST APIs\. .*RouteAuthorization\.lambda/,
    );
    const pool = new cognito.UserPool(stack, 'Pool');
    expect(
      thrown(
        route('GET /b', {
          integration: RouteIntegration.lambda(users),
          authorization: RouteAuthorization.cognito([pool]),
        }),
      ),
    ).toMatch(
      /Cognito user pool authorizers \("cognito"\) exist only on REST APIs\. .*RouteAuthorization\.jwt\(\{ issuer: 'https:\/\/cognito-idp/,
    );
    expect(thrown(route('GET /c', { integration: RouteIntegration.mock() }))).toMatch(
      /Route "GET \/c": mock integrations exist only on REST APIs/,
    );
    expect(thrown(route('GET /d', { integration: RouteIntegration.lambda(users), apiKeyRequired: true }))).toMatch(
      /Route "GET \/d": API keys \(apiKeyRequired\) exist only on REST APIs/,
    );
    expect(thrown(() => gateway.addUsagePlan('free'))).toMatch(/Usage plans: REST APIs only; use stage throttles/);
    expect(thrown(() => gateway.addConsumer('acme', { plan: 'free' }))).toMatch(
      /Consumers with API keys: REST APIs only; use a JWT or Lambda authorizer/,
    );
    expect(thrown(() => gateway.version('$default'))).toContain('use gateway.http.stage("$default")');
  });
});

describe('HTTP flavor: route and setting checks', () => {
  test("a route key AWS rejects fails at addRoute with AWS's pattern or the trailing-slash reason", () => {
    const { users, build } = attempt({}, {});
    const gateway = build();
    expect(thrown(() => gateway.addRoute('GET /e{id}', { integration: RouteIntegration.lambda(users) }))).toContain(
      'Route "GET /e{id}": One or more path parts appear to be invalid. Parts are validated against this regular expression',
    );
    expect(thrown(() => gateway.addRoute('GET /metrics/', { integration: RouteIntegration.lambda(users) }))).toContain(
      'the path must not end with "/"',
    );
  });

  test("conflicting variables and duplicate keys fail the synth with AWS's ConflictException texts", () => {
    const { stack, users, build } = attempt({}, {});
    const gateway = build();
    const integration = RouteIntegration.lambda(users);
    gateway.addRoute('GET /users/{id}', { integration });
    gateway.addRoute('DELETE /users/{userId}', { integration });
    gateway.addRoute('$default', { integration });
    gateway.addRoute('$default', { integration });
    const error = synthError(stack);
    expect(error).toContain(
      'The provided route key "DELETE /users/{userId}" has a conflicting variable on the same hierarchical level as "GET /users/{id}"',
    );
    expect(error).toContain('Route with key $default already exists for this API');
  });

  test('a route serving only some versions fails: every stage of an HTTP API serves the same routes', () => {
    const { users, build } = attempt({ versions: { $default: {}, v2: {} } }, {});
    const gateway = build();
    expect(
      thrown(() => gateway.addRoute('GET /x', { integration: RouteIntegration.lambda(users), versions: ['v2'] })),
    ).toMatch(/Route "GET \/x": versions \["v2"\] is a subset, but every stage of an HTTP API serves the same routes/);
    expect(() =>
      gateway.addRoute('GET /y', { integration: RouteIntegration.lambda(users), versions: ['v2', '$default'] }),
    ).not.toThrow();
    expect(
      thrown(() =>
        gateway.addRoute('GET /z', { integration: RouteIntegration.lambda(users), versions: ['$default', 'v2', 'v3'] }),
      ),
    ).toBe('Route "GET /z": version "v3" is not declared (declared: "$default", "v2").');
  });

  test('authorizer, integration, throttle and CORS problems fail the synth naming the field', () => {
    const { stack, users } = attempt({}, {});
    new Gateway(stack, 'Gateway', {
      flavor: 'http',
      defaultAuthorization: RouteAuthorization.jwt({ issuer: 'http://issuer.example.com', audience: ['api'] }),
      http: {
        routeThrottles: { 'GET /missing': { rateLimit: 1, burstLimit: 1 } },
        cors: { allowOrigins: ['*'], allowCredentials: true },
      },
      routes: {
        'GET /users': { integration: RouteIntegration.lambda(users) },
        'GET /b': {
          integration: RouteIntegration.lambda(users),
          authorization: RouteAuthorization.lambda(users, { payloadFormatVersion: '1.0', simpleResponses: true }),
        },
        'GET /c/{id}': { integration: RouteIntegration.http('https://backend.example.com/{itemId}') },
      },
    });
    const error = synthError(stack);
    expect(error).toContain('Authorizer "jwt": issuer "http://issuer.example.com" is not an https URL');
    expect(error).toContain('Authorizer "users": simple responses ({isAuthorized, context}) need payload format 2.0');
    expect(error).toContain(
      'Route "GET /c/{id}": the backend URL "https://backend.example.com/{itemId}" uses {itemId}',
    );
    expect(error).toContain('Route throttle "GET /missing" names no route of the HTTP API');
    expect(error).toContain('CORS: allowCredentials is true with the wildcard origin "*"');
  });

  test('mappings an HTTP API cannot express fail at addRoute', () => {
    const { users, build } = attempt({}, {});
    const gateway = build();
    expect(
      thrown(() =>
        gateway.addRoute('GET /a', {
          integration: RouteIntegration.lambda(users, {
            requestParameters: { 'integration.request.header.x': "'1'" },
          }),
        }),
      ),
    ).toContain('an HTTP API maps request parameters only toward HTTP backends');
    expect(
      thrown(() =>
        gateway.addRoute('GET /b/{id}', {
          integration: RouteIntegration.http('https://backend.example.com', {
            requestParameters: { 'integration.request.path.id': 'method.request.path.id' },
          }),
        }),
      ),
    ).toContain('request parameter "integration.request.path.id" has no HTTP API counterpart');
  });

  test('stage names follow HTTP API rules: $default is allowed, other symbols are not', () => {
    expect(thrown(attempt({ versions: { $default: {}, 'v 2': {} } }).build)).toContain(
      'Stage "v 2": the name contains " "',
    );
  });
});

describe('flavor boundaries', () => {
  test('HTTP API authorizers and http settings on a REST gateway fail, pointing at flavor "http"', () => {
    const stack = newStack();
    const users = inlineFunction(stack, 'Users');
    expect(
      thrown(
        () =>
          new Gateway(stack, 'Rest', {
            routes: {
              'GET /a': {
                integration: RouteIntegration.lambda(users),
                authorization: RouteAuthorization.jwt({ issuer: 'https://issuer.example.com', audience: ['api'] }),
              },
            },
          }),
      ),
    ).toMatch(/Route "GET \/a": RouteAuthorization\.jwt\(\) \("jwt"\) is an HTTP API authorizer\. Set flavor: 'http'/);
    expect(thrown(() => new Gateway(stack, 'Rest2', { http: { payloadFormatVersion: '1.0' } }))).toContain(
      "http settings need flavor: 'http'",
    );
  });
});
