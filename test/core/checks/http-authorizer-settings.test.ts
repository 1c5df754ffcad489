import { checkHttpAuthorizerSettings } from '../../../lib/core/checks/http-authorizer-settings';
import { httpRoute, httpTable, jwtAuthorizer, lambdaAuthorizer } from './http-support';

const messages = (...args: Parameters<typeof checkHttpAuthorizerSettings>) =>
  checkHttpAuthorizerSettings(...args).map((f) => f.message);

describe('http-authorizer-settings', () => {
  it('accepts sound Lambda and JWT authorizers, and scopes on a JWT route', () => {
    const table = httpTable(
      [
        httpRoute('GET /a', { authorization: { kind: 'authorizer', authorizer: 'simple' } }),
        httpRoute('GET /b', { authorization: { kind: 'authorizer', authorizer: 'jwt', scopes: ['read'] } }),
      ],
      {
        authorizers: [
          lambdaAuthorizer('simple', {
            identitySources: [
              '$request.header.Authorization',
              '$request.querystring.t',
              '$context.routeKey',
              '$stageVariables.x',
            ],
          }),
          lambdaAuthorizer('policy', {
            payloadFormatVersion: '1.0',
            enableSimpleResponses: false,
            identitySources: [],
            resultTtlSeconds: 0,
          }),
          jwtAuthorizer('jwt'),
        ],
      },
    );
    expect(checkHttpAuthorizerSettings(table)).toEqual([]);
  });

  it('rejects simple responses on payload 1.0, REST-form identity sources, caching without a source and a TTL above 3600', () => {
    const found = messages(
      httpTable([], {
        authorizers: [
          lambdaAuthorizer('one', { payloadFormatVersion: '1.0', enableSimpleResponses: true }),
          lambdaAuthorizer('two', { identitySources: ['method.request.header.Authorization'] }),
          lambdaAuthorizer('three', { identitySources: [], resultTtlSeconds: 300 }),
          lambdaAuthorizer('four', { resultTtlSeconds: 3601 }),
        ],
      }),
    );
    expect(found).toEqual([
      expect.stringContaining('Authorizer "one": simple responses ({isAuthorized, context}) need payload format 2.0'),
      expect.stringContaining(
        'Authorizer "two": identity source "method.request.header.Authorization" is not one HTTP APIs accept',
      ),
      expect.stringContaining(
        'Authorizer "three": caching results (resultTtlSeconds 300) needs at least one identity source',
      ),
      expect.stringContaining('Authorizer "four": resultTtlSeconds 3601 is outside'),
    ]);
  });

  it('rejects a JWT authorizer with two token sources, a non-https issuer or no audience', () => {
    const found = messages(
      httpTable([], {
        authorizers: [
          jwtAuthorizer('a', { identitySources: ['$request.header.Authorization', '$request.header.X'] }),
          jwtAuthorizer('b', { issuer: 'http://issuer.example.com' } as never),
          jwtAuthorizer('c', { audience: [] } as never),
        ],
      }),
    );
    expect(found).toEqual([
      expect.stringContaining('Authorizer "a": a JWT authorizer reads the token from exactly one'),
      expect.stringContaining('Authorizer "b": issuer "http://issuer.example.com" is not an https URL'),
      expect.stringContaining('Authorizer "c": audience is empty'),
    ]);
  });

  it('warns above 10 authorizers, and rejects an undeclared authorizer and scopes on a Lambda authorizer route', () => {
    const authorizers = Array.from({ length: 11 }, (_, i) => lambdaAuthorizer(`a${i}`));
    const table = httpTable(
      [
        httpRoute('GET /x', { authorization: { kind: 'authorizer', authorizer: 'missing' } }),
        httpRoute('GET /y', { authorization: { kind: 'authorizer', authorizer: 'a0', scopes: ['read'] } }),
      ],
      { authorizers },
    );
    const findings = checkHttpAuthorizerSettings(table);
    expect(findings.map((f) => f.route)).toEqual([undefined, 'GET /x', 'GET /y']);
    // The authorizer quota can be raised per API: the same warning as on REST APIs.
    expect(findings[0]).toMatchObject({ ruleId: 'too-many-authorizers', level: 'warning' });
    expect(findings[0].message).toContain('The HTTP API declares 11 authorizers');
    expect(findings[1].message).toContain('Route "GET /x" uses authorizer "missing", which the API does not declare');
    expect(findings[2].message).toContain('HTTP APIs check authorization scopes only for JWT authorizers');
  });
});
