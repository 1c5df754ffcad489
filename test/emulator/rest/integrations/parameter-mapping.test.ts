import type { RequestContext } from '../../../../lib/emulator/request-context';
import { mapRequestParameters } from '../../../../lib/emulator/rest/integrations/parameter-mapping';

const ctx = {
  request: {
    method: 'GET',
    rawUrl: '/v1/x',
    headers: [['X-Trace', 'abc']],
    body: Buffer.alloc(0),
    sourceIp: '127.0.0.1',
    protocol: 'HTTP/1.1',
  },
  stageVariables: { env: 'dev' },
  query: [
    ['q', 'first'],
    ['q', 'last'],
  ],
  pathParameters: { id: '7' },
} as unknown as RequestContext;

const lookup = (name: string) => ({ 'authorizer.principalId': 'user-1', 'authorizer.scopes': '' })[name];

describe('request parameter mapping', () => {
  test('reads method request values, stage variables, context variables and literals', () => {
    const mapped = mapRequestParameters(
      {
        'integration.request.header.x-trace-id': 'method.request.header.x-trace',
        'integration.request.querystring.q': 'method.request.querystring.q',
        'integration.request.querystring.all': 'method.request.multivaluequerystring.q',
        'integration.request.path.item': 'method.request.path.id',
        'integration.request.header.x-env': 'stageVariables.env',
        'integration.request.header.x-user-id': 'context.authorizer.principalId',
        'integration.request.header.x-fixed': "'yes'",
      },
      ctx,
      lookup,
    );
    expect(mapped.headers).toEqual([
      ['x-trace-id', 'abc'],
      ['x-env', 'dev'],
      ['x-user-id', 'user-1'],
      ['x-fixed', 'yes'],
    ]);
    expect(mapped.query).toEqual([
      ['q', 'last'],
      ['all', 'first,last'],
    ]);
    expect(mapped.path).toEqual({ item: '7' });
  });

  test('a source that is missing or empty maps nothing', () => {
    const mapped = mapRequestParameters(
      {
        'integration.request.header.x-scopes': 'context.authorizer.scopes',
        'integration.request.header.x-tenant': 'context.authorizer.tenant',
        'integration.request.header.x-blank': "''",
      },
      ctx,
      lookup,
    );
    expect(mapped.headers).toEqual([]);
  });
});
