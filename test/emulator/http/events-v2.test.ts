/**
 * Golden tests of the payload 2.0 event against the samples in fixtures/ (AWS docs: "Create AWS Lambda proxy integrations for HTTP APIs", docs/aws-behaviour.md, "Captured events"): the same key
 * sets, absent fields left out rather than null, the value formats of real captures.
 */

import withLambdaAuthorizer from './fixtures/http-v2-event.lambda-authorizer.aws-lambda-go.json';
import noAuthorizer from './fixtures/http-v2-event.no-authorizer.aws-lambda-go.json';
import realCapture from './fixtures/http-v2-event.real-capture.powertools-ts.json';
import {
  bodyOf,
  fnArn,
  httpApi,
  httpModel,
  httpRoute,
  httpStage,
  lambdaIntegration,
  pipelineFor,
  ScriptedInvoker,
} from './support';

type Event = Record<string, unknown> & { requestContext: Record<string, unknown> & { http: Record<string, unknown> } };

const keys = (value: unknown) => Object.keys(value as object).sort();
/** mTLS fields: the emulator serves plain HTTP, so a request never carries a client certificate. */
const withoutMtls = (value: object) => keys(value).filter((key) => key !== 'authentication');

async function eventFor(
  apiRoutes: Parameters<typeof httpApi>[1],
  rawUrl: string,
  sent: Parameters<ReturnType<typeof pipelineFor>['send']>[1] = {},
  options: { stages?: Parameters<typeof httpApi>[2]; authorizers?: Parameters<typeof httpApi>[3] } = {},
): Promise<Event> {
  const invoker = new ScriptedInvoker({
    handler: (event) => ({ statusCode: 200, body: JSON.stringify(event) }),
    authorizer: () => ({ isAuthorized: true, context: { key: 'value' } }),
  });
  const api = httpApi('Api', apiRoutes, options.stages, options.authorizers);
  const { send } = pipelineFor(httpModel([api]), invoker);
  const result = await send(rawUrl, sent);
  expect(result.response.statusCode).toBe(200);
  return bodyOf(result) as Event;
}

describe('payload 2.0 event', () => {
  it('has the key sets, formats and values of a real capture (POST /lambda on $default)', async () => {
    const event = await eventFor([httpRoute('POST /lambda')], '/lambda', {
      method: 'POST',
      host: 'lsw1ro4ipb.execute-api.eu-west-1.amazonaws.com',
      headers: [
        ['accept', '*/*'],
        ['accept-encoding', 'gzip, deflate'],
        ['authorization', 'Bearer foo'],
        ['content-length', '0'],
        ['user-agent', 'HTTPie/3.2.2'],
      ],
    });
    expect(keys(event)).toEqual(keys(realCapture));
    expect(keys(event.headers)).toEqual(keys(realCapture.headers));
    const { authorizer: _captured, ...captureContext } = realCapture.requestContext;
    expect(keys(event.requestContext)).toEqual(keys(captureContext));
    expect(keys(event.requestContext.http)).toEqual(keys(realCapture.requestContext.http));
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'POST /lambda',
      rawPath: '/lambda',
      rawQueryString: '',
      isBase64Encoded: false,
      headers: { authorization: 'Bearer foo', 'content-length': '0', 'user-agent': 'HTTPie/3.2.2' },
    });
    expect(event.requestContext).toMatchObject({
      accountId: '123456789012',
      domainName: 'lsw1ro4ipb.execute-api.eu-west-1.amazonaws.com',
      domainPrefix: 'lsw1ro4ipb',
      routeKey: 'POST /lambda',
      stage: '$default',
      // The test clock stands at the capture's instant: the formats must agree to the character.
      time: realCapture.requestContext.time,
      timeEpoch: realCapture.requestContext.timeEpoch,
      http: {
        method: 'POST',
        path: '/lambda',
        protocol: 'HTTP/1.1',
        sourceIp: '203.0.113.7',
        userAgent: 'HTTPie/3.2.2',
      },
    });
    expect(event.requestContext.requestId).toMatch(/^[A-Za-z0-9_-]{15}=$/);
    const headers = event.headers as Record<string, string>;
    expect(headers['x-amzn-trace-id']).toMatch(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24}$/);
    expect(headers['x-forwarded-for']).toBe('203.0.113.7');
  });

  it('has the sample key sets for GET / with no authorizer, and leaves absent fields out rather than null', async () => {
    const event = await eventFor([httpRoute('$default')], '/', {
      headers: [
        ['accept', '*/*'],
        ['content-length', '0'],
        ['user-agent', 'curl/7.58.0'],
      ],
    });
    expect(keys(event)).toEqual(keys(noAuthorizer));
    expect(keys(event.headers)).toEqual(keys(noAuthorizer.headers));
    expect(withoutMtls(event.requestContext)).toEqual(withoutMtls(noAuthorizer.requestContext));
    for (const absent of ['cookies', 'queryStringParameters', 'pathParameters', 'body', 'stageVariables']) {
      expect(Object.hasOwn(event, absent)).toBe(false);
    }
    expect(Object.hasOwn(event.requestContext, 'authorizer')).toBe(false);
    expect(event).toMatchObject({ routeKey: '$default', rawPath: '/' });
  });

  it('joins repeated query values and headers with commas, splits cookies and carries the authorizer context', async () => {
    const event = await eventFor(
      [
        httpRoute('GET /my/{proxy+}', {
          authorization: { kind: 'authorizer', authorizer: 'Lambda' },
          integration: lambdaIntegration(),
        }),
      ],
      '/my/hello/world?parameter1=value1&parameter1=value2&parameter2=value',
      {
        headers: [
          ['Header1', 'value1'],
          ['Header2', 'value2'],
          ['Cookie', 'cookie1; cookie2'],
          ['X-Token', 'a'],
          ['x-token', 'b'],
          ['content-type', 'application/json'],
        ],
        body: withLambdaAuthorizer.body,
      },
      {
        stages: [httpStage('$default', { variables: withLambdaAuthorizer.stageVariables })],
        authorizers: [
          {
            name: 'Lambda',
            type: 'REQUEST',
            functionArn: fnArn('authorizer'),
            identitySources: ['$request.header.Header1'],
            payloadFormatVersion: '2.0',
            enableSimpleResponses: true,
            resultTtlSeconds: 0,
          },
        ],
      },
    );
    expect(keys(event)).toEqual(keys(withLambdaAuthorizer));
    expect(withoutMtls(event.requestContext)).toEqual(withoutMtls(withLambdaAuthorizer.requestContext));
    expect(event.queryStringParameters).toEqual(withLambdaAuthorizer.queryStringParameters);
    expect(event.cookies).toEqual(withLambdaAuthorizer.cookies);
    expect(event.pathParameters).toEqual(withLambdaAuthorizer.pathParameters);
    expect(event.stageVariables).toEqual(withLambdaAuthorizer.stageVariables);
    expect(event.body).toBe(withLambdaAuthorizer.body);
    expect(event.requestContext.authorizer).toEqual(withLambdaAuthorizer.requestContext.authorizer);
    expect(event.headers).toMatchObject({ header1: 'value1', header2: 'value2', 'x-token': 'a,b' });
    expect(Object.hasOwn(event.headers as object, 'cookie')).toBe(false);
  });

  it('keeps the stage of a named stage in rawPath and requestContext.http.path', async () => {
    const event = await eventFor(
      [httpRoute('ANY /agents/{proxy+}')],
      '/dev/agents/1234',
      {},
      { stages: [httpStage('dev')] },
    );
    expect(event).toMatchObject({ rawPath: '/dev/agents/1234', pathParameters: { proxy: '1234' } });
    expect(event.requestContext).toMatchObject({ stage: 'dev', http: { path: '/dev/agents/1234' } });
  });

  it.each([
    ['application/json; charset=utf-8', false],
    ['text/plain', false],
    ['application/xml', false],
    ['application/x-www-form-urlencoded', true],
    ['application/octet-stream', true],
    [undefined, true],
  ])('a body of type %s arrives base64-encoded: %s', async (contentType, encoded) => {
    const headers: [string, string][] = contentType ? [['content-type', contentType]] : [];
    const event = await eventFor([httpRoute('POST /upload')], '/upload', { method: 'POST', headers, body: 'a=1&b=é' });
    expect(event.isBase64Encoded).toBe(encoded);
    expect(event.body).toBe(encoded ? Buffer.from('a=1&b=é').toString('base64') : 'a=1&b=é');
  });
});
