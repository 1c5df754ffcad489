import {
  BadRequestError,
  basePath,
  callerOf,
  json,
  NotFoundError,
  parseJsonBody,
  pathParameter,
  requireScope,
  route,
} from '../../lambdas/shared/http';
import { bodyOf, restEvent } from './events';

describe('route', () => {
  const handler = route(
    {
      'GET /things': () => json(200, { list: true }),
      'GET /things/{id}': (event) => json(200, { id: pathParameter(event, 'id') }),
      'ANY /any/{proxy+}': (event) => json(200, { method: event.httpMethod }),
      'POST /fail': () => {
        throw new Error('database password is hunter2');
      },
      'POST /bad': () => {
        throw new BadRequestError('name is required');
      },
    },
    { headers: { 'x-service-version': 'test' } },
  );

  test('dispatches on the resource template, not the request path', async () => {
    const res = await handler(
      restEvent('GET', { resource: '/things/{id}', path: '/things/a', pathParameters: { id: 'a' } }),
    );
    expect(res.statusCode).toBe(200);
    expect(bodyOf(res)).toEqual({ id: 'a' });
  });

  test('an ANY route serves every method', async () => {
    const res = await handler(restEvent('DELETE', { resource: '/any/{proxy+}', pathParameters: { proxy: 'x' } }));
    expect(bodyOf(res)).toEqual({ method: 'DELETE' });
  });

  test('a template also serves the resource when mounted under a prefix', async () => {
    const res = await handler(restEvent('GET', { resource: '/v2/things', path: '/v2/things' }));
    expect(bodyOf(res)).toEqual({ list: true });
  });

  test('a known resource without the method answers 405 with an allow header', async () => {
    const res = await handler(restEvent('PUT', { resource: '/things' }));
    expect(res.statusCode).toBe(405);
    expect(res.headers).toMatchObject({ allow: 'GET' });
    expect(bodyOf(res)).toEqual({ message: 'Method PUT is not allowed on /things' });
  });

  test('an unknown resource answers 404 with a JSON message', async () => {
    const res = await handler(restEvent('GET', { resource: '/nope' }));
    expect(res.statusCode).toBe(404);
    expect(bodyOf(res)).toEqual({ message: 'No route for GET /nope' });
  });

  test('a thrown HttpError becomes its status and message, with the service headers', async () => {
    const res = await handler(restEvent('POST', { resource: '/bad' }));
    expect(res.statusCode).toBe(400);
    expect(bodyOf(res)).toEqual({ message: 'name is required' });
    expect(res.headers).toMatchObject({ 'content-type': 'application/json', 'x-service-version': 'test' });
  });

  test('an unexpected error is a 500 that does not leak its message', async () => {
    const log = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const res = await handler(restEvent('POST', { resource: '/fail' }));
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('hunter2');
    expect(bodyOf(res)).toEqual({ message: 'Internal server error' });
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });

  test('a malformed route key is rejected when the handler is built', () => {
    expect(() => route({ 'GET users': () => json(200, {}) })).toThrow('Route key must be "METHOD /resource"');
  });
});

describe('request helpers', () => {
  test('a null body is a 400 asking for JSON', () => {
    expect(() => parseJsonBody(restEvent('POST', { resource: '/x' }))).toThrow(
      new BadRequestError('Request body is required (JSON)'),
    );
  });

  test('a body that is not JSON is a 400', () => {
    expect(() => parseJsonBody(restEvent('POST', { resource: '/x', body: '{"name":' }))).toThrow(
      'Request body is not valid JSON',
    );
  });

  test('a base64-encoded body is decoded before parsing', () => {
    const event = restEvent('POST', { resource: '/x', body: Buffer.from('{"a":1}').toString('base64') });
    event.isBase64Encoded = true;
    expect(parseJsonBody(event)).toEqual({ a: 1 });
  });

  test('path parameters are URL-decoded, since REST passes them encoded', () => {
    const event = restEvent('GET', { resource: '/x/{id}', pathParameters: { id: 'a%2Fb%40c' } });
    expect(pathParameter(event, 'id')).toBe('a/b@c');
  });

  test('a missing path parameter is a 400, not a crash', () => {
    expect(() => pathParameter(restEvent('GET', { resource: '/x/{id}' }), 'id')).toThrow(BadRequestError);
  });

  test('the base path is the stage on an execute-api host', () => {
    expect(basePath(restEvent('GET', { resource: '/orders', stage: 'v2' }))).toBe('/v2');
  });

  test('NotFoundError carries 404', () => {
    expect(new NotFoundError('gone').statusCode).toBe(404);
  });
});

describe('caller', () => {
  test('scopes arrive as one space-separated string and are split', () => {
    const event = restEvent('GET', { resource: '/x', caller: { userId: 'u-1', scopes: 'orders:read orders:write' } });
    expect(callerOf(event)).toEqual({ userId: 'u-1', scopes: ['orders:read', 'orders:write'] });
  });

  test('requireScope returns the caller who holds the scope', () => {
    const event = restEvent('GET', { resource: '/x', caller: { userId: 'u-1', scopes: 'orders:write' } });
    expect(requireScope(event, 'orders:write').userId).toBe('u-1');
  });

  test('requireScope is a 403 when the scope is missing', () => {
    const event = restEvent('GET', { resource: '/x', caller: { userId: 'u-1', scopes: 'orders:read' } });
    expect(() => requireScope(event, 'orders:write')).toThrow(expect.objectContaining({ statusCode: 403 }));
  });

  test('requireScope is a 403 when no authorizer ran', () => {
    expect(() => requireScope(restEvent('GET', { resource: '/x' }), 'orders:write')).toThrow(
      expect.objectContaining({ statusCode: 403 }),
    );
  });
});
