import { checkHttpApi } from '../../../lib/core/checks';
import { httpBackend, httpRoute, httpTable, jwtAuthorizer } from './http-support';

describe('checkHttpApi', () => {
  it('finds nothing in a sound HTTP API', () => {
    const sound = httpTable(
      [
        httpRoute('GET /users/{id}', { authorization: { kind: 'authorizer', authorizer: 'jwt', scopes: ['read'] } }),
        httpRoute('ANY /files/{proxy+}', { integration: httpBackend('https://files.example.com/{proxy}') }),
        '$default',
      ],
      { authorizers: [jwtAuthorizer('jwt')] },
    );
    expect(checkHttpApi(sound, { 'GET /users/{id}': { rateLimit: 5, burstLimit: 10 } })).toEqual([]);
  });

  it('reports findings from several HTTP rules in one pass', () => {
    const broken = httpTable(['GET /users/{id}', 'GET /users/{userId}', 'GET /users/{id}'], {
      cors: { allowOrigins: [], allowMethods: [], allowHeaders: [], exposeHeaders: [], allowCredentials: false },
    });
    expect(
      checkHttpApi(broken, { 'GET /nope': { rateLimit: 1, burstLimit: 1 } })
        .map((f) => f.ruleId)
        .sort(),
    ).toEqual(['http-conflicting-variables', 'http-cors', 'http-duplicate-route', 'http-route-throttle']);
  });
});
