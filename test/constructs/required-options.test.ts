/**
 * Constructs called from JavaScript (or through a cast) without a required option: an error naming the
 * construct or method, the option and an example, never a TypeError from inside the synth.
 */
import { App, Stack } from 'aws-cdk-lib';
import { Gateway, RouteAuthorization, RouteIntegration } from '../../lib';

const missing = undefined as never;

const cases: [string, (stack: Stack) => unknown, RegExp][] = [
  [
    'addRoute without options',
    (s) => new Gateway(s, 'G').addRoute('GET /x', missing),
    /^Route "GET \/x": options are required: \{ integration: /,
  ],
  [
    'addRoute without integration',
    (s) => new Gateway(s, 'G').addRoute('GET /x', {} as never),
    /^Route "GET \/x": integration is required/,
  ],
  [
    'a routes entry left undefined',
    (s) => new Gateway(s, 'G', { routes: { 'GET /x': missing } }),
    /^Route "GET \/x": options are required/,
  ],
  [
    'an HTTP route without integration',
    (s) => new Gateway(s, 'G', { flavor: 'http' }).addRoute('GET /x', {} as never),
    /^Route "GET \/x": integration is required/,
  ],
  [
    'RouteAuthorization.token()',
    () => RouteAuthorization.token(missing),
    /^RouteAuthorization\.token: handler \(the authorizer function\) is required/,
  ],
  ['RouteAuthorization.request()', () => RouteAuthorization.request(missing), /^RouteAuthorization\.request: handler/],
  ['RouteAuthorization.lambda()', () => RouteAuthorization.lambda(missing), /^RouteAuthorization\.lambda: handler/],
  [
    'RouteAuthorization.cognito()',
    () => RouteAuthorization.cognito(missing),
    /^RouteAuthorization\.cognito: userPools must be a non-empty list/,
  ],
  [
    'RouteAuthorization.jwt()',
    () => RouteAuthorization.jwt(missing),
    /^RouteAuthorization\.jwt: options are required: \{ issuer: .*, audience: /,
  ],
  [
    'RouteAuthorization.jwt({ issuer })',
    () => RouteAuthorization.jwt({ issuer: 'https://x' } as never),
    /^RouteAuthorization\.jwt: audience is required/,
  ],
  [
    'RouteIntegration.lambda()',
    () => RouteIntegration.lambda(missing),
    /^RouteIntegration\.lambda: handler \(the function\) is required/,
  ],
  ['RouteIntegration.http()', () => RouteIntegration.http(missing), /^RouteIntegration\.http: url is required/],
  [
    'addConsumer without plan',
    (s) => new Gateway(s, 'G').addConsumer('partner', {} as never),
    /^Consumer "partner": plan is required/,
  ],
  [
    'addConsumer without options',
    (s) => new Gateway(s, 'G').addConsumer('partner', missing),
    /^Consumer "partner": options are required/,
  ],
  [
    'addCompositeRoute without members',
    (s) => new Gateway(s, 'G').addCompositeRoute('GET /x', {} as never),
    /^Composite route "GET \/x": members is required/,
  ],
  [
    'a REST domain without a name',
    (s) => new Gateway(s, 'G', { domain: {} as never }),
    /^Gateway domain: domainName is required/,
  ],
  [
    'an HTTP domain without a certificate',
    (s) => new Gateway(s, 'G', { flavor: 'http', domain: { domainName: 'api.example.com' } as never }),
    /^Gateway domain: certificateArn is required/,
  ],
  [
    'HTTP CORS without origins',
    (s) => new Gateway(s, 'G', { flavor: 'http', http: { cors: {} as never } }),
    /^Gateway http\.cors: allowOrigins is required/,
  ],
];

describe('a required option left out names the construct and the option', () => {
  test.each(cases)('%s', (_name, build, message) => {
    const stack = new Stack(new App(), 'S');
    let thrown: unknown;
    try {
      build(stack);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect(thrown).not.toBeInstanceOf(TypeError);
    expect((thrown as Error).message).toMatch(message);
  });
});
