/** Payload 1.0 on an HTTP API (AWS docs: "Create AWS Lambda proxy integrations for HTTP APIs"): honoured when the integration asks for it. */
import {
  bodyOf,
  httpApi,
  httpModel,
  httpRoute,
  httpStage,
  lambdaIntegration,
  pipelineFor,
  ScriptedInvoker,
} from './support';

/** The key sets of the developer guide's 1.0 sample for HTTP APIs. */
const SAMPLE_KEYS = [
  'body',
  'headers',
  'httpMethod',
  'isBase64Encoded',
  'multiValueHeaders',
  'multiValueQueryStringParameters',
  'path',
  'pathParameters',
  'queryStringParameters',
  'requestContext',
  'resource',
  'stageVariables',
  'version',
];
const SAMPLE_CONTEXT_KEYS = [
  'accountId',
  'apiId',
  'authorizer',
  'domainName',
  'domainPrefix',
  'extendedRequestId',
  'httpMethod',
  'identity',
  'path',
  'protocol',
  'requestId',
  'requestTime',
  'requestTimeEpoch',
  'resourceId',
  'resourcePath',
  'stage',
];

describe('payload 1.0 on an HTTP API', () => {
  const invoker = new ScriptedInvoker({
    v1: (event) => ({
      statusCode: 201,
      headers: { 'x-version': event.version },
      body: JSON.stringify(event),
      extra: 1,
    }),
    v2: (event) => ({ event }),
  });
  const api = httpApi(
    'Api',
    [
      httpRoute('GET /items/{id}', { integration: lambdaIntegration('v1', '1.0') }),
      httpRoute('GET /other', { integration: lambdaIntegration('v2', '2.0') }),
    ],
    [httpStage('dev')],
  );
  const { send } = pipelineFor(httpModel([api]), invoker);

  it('sends the REST-shaped event with version 1.0, the stage in the paths, and the first of repeated query values', async () => {
    const result = await send('/dev/items/7?tag=a&tag=b', {
      headers: [
        ['X-Custom', 'one'],
        ['x-custom', 'two'],
      ],
    });
    expect(result.response.statusCode).toBe(201);
    const event = bodyOf(result) as Record<string, Record<string, unknown>>;
    expect(Object.keys(event).sort()).toEqual(SAMPLE_KEYS);
    expect(Object.keys(event.requestContext).sort()).toEqual(SAMPLE_CONTEXT_KEYS);
    expect(event).toMatchObject({
      version: '1.0',
      resource: '/items/{id}',
      path: '/dev/items/7',
      httpMethod: 'GET',
      queryStringParameters: { tag: 'a' },
      multiValueQueryStringParameters: { tag: ['a', 'b'] },
      pathParameters: { id: '7' },
      stageVariables: null,
      body: null,
      isBase64Encoded: false,
    });
    expect(event.headers['x-custom']).toBe('two');
    expect(event.multiValueHeaders['x-custom']).toEqual(['one', 'two']);
    expect(event.requestContext).toMatchObject({
      authorizer: { claims: null, scopes: null },
      resourceId: null,
      resourcePath: '/items/{id}',
      path: '/dev/items/7',
      stage: 'dev',
      requestTime: '17/Jun/2024:15:52:39 +0000',
    });
    expect(event.requestContext.extendedRequestId).toBe(event.requestContext.requestId);
  });

  it('reads the 1.0 response shape, ignoring keys it does not know', async () => {
    const result = await send('/dev/items/7');
    expect(result.response.headers).toContainEqual(['x-version', '1.0']);
  });

  it('reads a 2.0 answer without statusCode as a 200 JSON body on the 2.0 route beside it', async () => {
    const result = await send('/dev/other');
    expect(result.response.statusCode).toBe(200);
    expect((bodyOf(result) as { event: { version: string } }).event.version).toBe('2.0');
  });
});
