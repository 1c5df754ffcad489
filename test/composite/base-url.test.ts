import type { APIGatewayProxyEvent } from 'aws-lambda';
import { gatewayBaseUrl, stagePrefix } from '../../lib/composite/base-url';
import captured from '../emulator/rest/fixtures/rest-v1-proxy-event.no-auth.real-capture.powertools-ts.json';

const awsEvent = captured as unknown as APIGatewayProxyEvent;

function event(fields: {
  resource: string;
  path: string;
  contextPath: string;
  pathParameters?: Record<string, string>;
  headers?: Record<string, string>;
  domainName?: string;
}): APIGatewayProxyEvent {
  return {
    ...awsEvent,
    resource: fields.resource,
    path: fields.path,
    pathParameters: fields.pathParameters ?? null,
    headers: fields.headers ?? {},
    multiValueHeaders: {},
    requestContext: { ...awsEvent.requestContext, path: fields.contextPath, domainName: fields.domainName ?? 'x' },
  };
}

describe('the base URL of the gateway, learned from the request', () => {
  test('a captured execute-api event: https, the execute-api host, the stage', () => {
    expect(gatewayBaseUrl(awsEvent)).toBe('https://puhdx84jy9.execute-api.eu-west-1.amazonaws.com/prod');
  });

  test('the stage is what requestContext.path has before the matched resource', () => {
    const overview = event({
      resource: '/users/{id}/overview',
      path: '/users/u-1/overview',
      contextPath: '/v2/users/u-1/overview',
      pathParameters: { id: 'u-1' },
    });
    expect(stagePrefix(overview)).toBe('/v2');
  });

  test('through a custom domain, where path keeps the base path too, the base path is the prefix', () => {
    const overview = event({
      resource: '/users/{id}/overview',
      path: '/api/v2/users/u%2F1/overview',
      contextPath: '/api/v2/users/u%2F1/overview',
      pathParameters: { id: 'u%2F1' },
      headers: { Host: 'api.example.com', 'X-Forwarded-Proto': 'https' },
    });
    expect(gatewayBaseUrl(overview)).toBe('https://api.example.com/api/v2');
  });

  test('a (none) mapping, a trailing slash and a greedy resource leave no prefix behind', () => {
    const greedy = event({
      resource: '/files/{proxy+}',
      path: '/files/a/b/',
      contextPath: '/files/a/b/',
      pathParameters: { proxy: 'a/b' },
    });
    expect(stagePrefix(greedy)).toBe('');
  });

  test('the emulator: a loopback Host with its port and no X-Forwarded-Proto means http', () => {
    const local = event({
      resource: '/dash/{id}',
      path: '/dash/1',
      contextPath: '/live/dash/1',
      pathParameters: { id: '1' },
      headers: { host: 'localhost:41234' },
    });
    expect(gatewayBaseUrl(local)).toBe('http://localhost:41234/live');
    expect(gatewayBaseUrl({ ...local, headers: { host: '127.0.0.1:3000' } })).toBe('http://127.0.0.1:3000/live');
  });

  test('without X-Forwarded-Proto a public host is called over https; without Host, domainName is used', () => {
    const bare = event({ resource: '/x', path: '/x', contextPath: '/v1/x', domainName: 'abc.execute-api.aws' });
    expect(gatewayBaseUrl(bare)).toBe('https://abc.execute-api.aws/v1');
  });
});
