/** Access logs of an HTTP API stage with the HTTP `$context` variables (AWS docs: "Customize HTTP API access logs"). */
import { fnArn, httpApi, httpModel, httpRoute, httpStage, pipelineFor, ScriptedInvoker } from './support';

const FORMAT = JSON.stringify({
  requestId: '$context.requestId',
  extendedRequestId: '$context.extendedRequestId',
  routeKey: '$context.routeKey',
  stage: '$context.stage',
  path: '$context.path',
  status: '$context.status',
  integrationStatus: '$context.integrationStatus',
  functionStatus: '$context.integration.status',
  error: '$context.error.message',
  authorizerError: '$context.authorizer.error',
  tenant: '$context.authorizer.tenant',
  list: '$context.authorizer.list',
});

describe('HTTP API access logs', () => {
  const invoker = new ScriptedInvoker({
    handler: () => ({ statusCode: 201, body: 'made' }),
    authorizer: (event) =>
      (event.identitySource as string[])[0] === 'good'
        ? { isAuthorized: true, context: { tenant: 'acme', list: ['a', 1] } }
        : { isAuthorized: false },
  });
  const api = httpApi(
    'Api',
    [httpRoute('POST /items/{id}', { authorization: { kind: 'authorizer', authorizer: 'Auth' } })],
    [
      httpStage('dev', {
        accessLog: { destinationArn: 'arn:aws:logs:eu-west-1:123456789012:log-group:g', format: FORMAT },
      }),
    ],
    [
      {
        name: 'Auth',
        type: 'REQUEST',
        functionArn: fnArn('authorizer'),
        identitySources: ['$request.header.x-token'],
        payloadFormatVersion: '2.0',
        enableSimpleResponses: true,
        resultTtlSeconds: 0,
      },
    ],
  );
  const { send } = pipelineFor(httpModel([api]), invoker);

  it('renders routeKey, the stage path, both integration statuses and the authorizer context', async () => {
    const result = await send('/dev/items/9', { method: 'POST', headers: [['x-token', 'good']] });
    const entry = JSON.parse(result.accessLogLine ?? '');
    expect(entry).toEqual({
      requestId: result.context.requestId,
      extendedRequestId: result.context.requestId,
      routeKey: 'POST /items/{id}',
      stage: 'dev',
      path: '/dev/items/9',
      status: '201',
      integrationStatus: '200',
      functionStatus: '201',
      error: '-',
      authorizerError: '-',
      tenant: 'acme',
      list: '["a",1]',
    });
  });

  it('keeps the JSON type of an authorizer value when the format does not quote it', async () => {
    const unquoted = httpApi(
      'Api',
      [httpRoute('GET /x', { authorization: { kind: 'authorizer', authorizer: 'Auth' } })],
      [
        httpStage('$default', {
          accessLog: { destinationArn: 'arn', format: '{"n":$context.authorizer.n,"ok":$context.authorizer.ok}' },
        }),
      ],
      api.table.authorizers as never,
    );
    const scripted = new ScriptedInvoker({
      authorizer: () => ({ isAuthorized: true, context: { n: 1, ok: true } }),
      handler: () => 'x',
    });
    const result = await pipelineFor(httpModel([unquoted]), scripted).send('/x', { headers: [['x-token', 't']] });
    expect(JSON.parse(result.accessLogLine ?? '')).toEqual({ n: 1, ok: true });
  });

  it('logs a refusal with its message and the authorizer error', async () => {
    const entry = JSON.parse(
      (await send('/dev/items/9', { method: 'POST', headers: [['x-token', 'bad']] })).accessLogLine ?? '',
    );
    expect(entry).toMatchObject({
      status: '403',
      error: 'Forbidden',
      authorizerError: 'The authorizer denied the request',
    });
  });

  it('writes no line for a request that reaches no stage', async () => {
    const result = await pipelineFor(
      httpModel([httpApi('Api', [httpRoute('GET /x')], [httpStage('dev')])]),
      invoker,
    ).send('/x');
    expect(result.response.statusCode).toBe(404);
    expect(result.accessLogLine).toBeUndefined();
  });
});
