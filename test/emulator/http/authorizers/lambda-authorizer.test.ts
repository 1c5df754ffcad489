/** HTTP API Lambda authorizers, payload 1.0 and 2.0 (AWS docs: "Control access to HTTP APIs with AWS Lambda authorizers"), through the whole pipeline. */
import type { HttpAuthorizerSpec } from '../../../../lib/core/http-route-table';
import v1Sample from '../fixtures/http-authorizer-event.payload-1.0.aws-lambda-go.json';
import v2Capture from '../fixtures/http-authorizer-event.payload-2.0.real-capture.powertools-ts.json';
import simpleSample from '../fixtures/http-authorizer-simple-response.aws-lambda-go-test.json';
import {
  bodyOf,
  fail,
  fnArn,
  httpApi,
  httpModel,
  httpRoute,
  httpStage,
  pipelineFor,
  ScriptedInvoker,
} from '../support';

type LambdaSpec = Extract<HttpAuthorizerSpec, { type: 'REQUEST' }>;

function authorizer(overrides: Partial<LambdaSpec> = {}): LambdaSpec {
  return {
    name: 'Auth',
    type: 'REQUEST',
    functionArn: fnArn('authorizer'),
    identitySources: ['$request.header.Authorization'],
    payloadFormatVersion: '2.0',
    enableSimpleResponses: true,
    resultTtlSeconds: 300,
    ...overrides,
  };
}

const protectedRoute = (key: string) => httpRoute(key, { authorization: { kind: 'authorizer', authorizer: 'Auth' } });
const keys = (value: unknown) => Object.keys(value as object).sort();

function setup(
  spec: LambdaSpec,
  answer: (event: Record<string, unknown>) => unknown,
  stages = [httpStage('$default')],
) {
  const invoker = new ScriptedInvoker({ authorizer: answer, handler: (event) => ({ event }) });
  const api = httpApi('Api', [protectedRoute('POST /lambda'), protectedRoute('GET /items/{id}')], stages, [spec]);
  return { invoker, ...pipelineFor(httpModel([api]), invoker) };
}

const bearer = (token: string): [string, string][] => [['Authorization', token]];

describe('a Lambda authorizer with simple responses (payload 2.0)', () => {
  it('receives the event of the real capture, with the identity values as a list', async () => {
    const { invoker, send } = setup(authorizer(), () => ({ isAuthorized: true }));
    await send('/lambda', { method: 'POST', headers: [...bearer('Bearer foo'), ['user-agent', 'HTTPie/3.2.2']] });
    const event = invoker.callsTo('authorizer')[0].event;
    expect(keys(event)).toEqual(keys(v2Capture));
    expect(keys(event.requestContext)).toEqual(keys(v2Capture.requestContext));
    expect(event).toMatchObject({
      version: '2.0',
      type: 'REQUEST',
      routeArn: 'arn:aws:execute-api:eu-west-1:123456789012:api0000000/$default/POST/lambda',
      identitySource: ['Bearer foo'],
      routeKey: 'POST /lambda',
      rawPath: '/lambda',
      rawQueryString: '',
    });
    expect(invoker.callsTo('authorizer')[0].options?.deadlineMs).toBe(10_000);
  });

  it('passes the returned context to the integration as requestContext.authorizer.lambda, JSON types kept', async () => {
    const { send } = setup(authorizer(), () => ({
      isAuthorized: true,
      context: { n: 1, list: ['a'], map: { k: true } },
    }));
    const result = await send('/items/1', { headers: bearer('t') });
    expect((bodyOf(result) as { event: { requestContext: unknown } }).event.requestContext).toMatchObject({
      authorizer: { lambda: { n: 1, list: ['a'], map: { k: true } } },
    });
  });

  it('refuses isAuthorized:false with 403 Forbidden (the sample answer)', async () => {
    const { send } = setup(authorizer(), () => simpleSample);
    const result = await send('/items/1', { headers: bearer('t') });
    expect(result.response.statusCode).toBe(403);
    expect(bodyOf(result)).toEqual({ message: 'Forbidden' });
  });

  it('refuses a missing identity source with 401 without invoking the function', async () => {
    const { invoker, send } = setup(authorizer(), () => ({ isAuthorized: true }));
    const result = await send('/items/1');
    expect(result.response.statusCode).toBe(401);
    expect(bodyOf(result)).toEqual({ message: 'Unauthorized' });
    expect(invoker.callsTo('authorizer')).toHaveLength(0);
  });

  it('maps Unauthorized to 401, other failures and malformed answers to 500', async () => {
    const answers: Record<string, unknown> = {
      nobody: fail('Unauthorized'),
      boom: fail('crashed'),
      odd: { allowed: 1 },
    };
    const { send } = setup(
      authorizer({ resultTtlSeconds: 0 }),
      (event) => answers[(event.identitySource as string[])[0]],
    );
    expect((await send('/items/1', { headers: bearer('nobody') })).response.statusCode).toBe(401);
    for (const token of ['boom', 'odd']) {
      const result = await send('/items/1', { headers: bearer(token) });
      expect(result.response.statusCode).toBe(500);
      expect(bodyOf(result)).toEqual({ message: 'Internal Server Error' });
    }
  });

  it('caches one answer per identity for every route, until the TTL ends', async () => {
    const { invoker, send, clock } = setup(authorizer(), () => ({ isAuthorized: true }));
    await send('/items/1', { headers: bearer('t') });
    await send('/lambda', { method: 'POST', headers: bearer('t') });
    expect(invoker.callsTo('authorizer')).toHaveLength(1);
    await send('/lambda', { method: 'POST', headers: bearer('other') });
    expect(invoker.callsTo('authorizer')).toHaveLength(2);
    clock.advance(300_000);
    await send('/items/1', { headers: bearer('t') });
    expect(invoker.callsTo('authorizer')).toHaveLength(3);
  });

  it('a cached deny for one route refuses the other routes too', async () => {
    const { send } = setup(authorizer(), (event) => ({ isAuthorized: event.routeKey === 'POST /lambda' }));
    expect((await send('/items/1', { headers: bearer('t') })).response.statusCode).toBe(403);
    expect((await send('/lambda', { method: 'POST', headers: bearer('t') })).response.statusCode).toBe(403);
  });

  it('caches per route when $context.routeKey is an identity source', async () => {
    const spec = authorizer({ identitySources: ['$request.header.Authorization', '$context.routeKey'] });
    const { invoker, send } = setup(spec, (event) => ({ isAuthorized: event.routeKey === 'POST /lambda' }));
    expect((await send('/items/1', { headers: bearer('t') })).response.statusCode).toBe(403);
    expect((await send('/lambda', { method: 'POST', headers: bearer('t') })).response.statusCode).toBe(200);
    expect(invoker.callsTo('authorizer').map((call) => call.event.identitySource)).toEqual([
      ['t', 'GET /items/{id}'],
      ['t', 'POST /lambda'],
    ]);
  });
});

describe('a Lambda authorizer answering with an IAM policy', () => {
  const policy = (resource: string, effect = 'Allow') => ({
    principalId: 'user-1',
    policyDocument: {
      Version: '2012-10-17',
      Statement: [{ Action: 'execute-api:Invoke', Effect: effect, Resource: resource }],
    },
    context: { tenant: 'acme', level: 3 },
  });

  it('payload 1.0: receives the sample event shape, and a policy for one route ARN is re-evaluated for others', async () => {
    const spec = authorizer({ payloadFormatVersion: '1.0', enableSimpleResponses: false });
    const { invoker, send } = setup(spec, (event) => policy(event.methodArn as string), [httpStage('test')]);
    const first = await send('/test/items/1?QueryString1=queryValue1', { headers: bearer('user1,123') });
    expect(first.response.statusCode).toBe(200);
    const event = invoker.callsTo('authorizer')[0].event;
    expect(keys(event)).toEqual(keys(v1Sample));
    expect(keys(event.requestContext)).toEqual(keys(v1Sample.requestContext));
    expect(event).toMatchObject({
      version: '1.0',
      type: 'REQUEST',
      methodArn: 'arn:aws:execute-api:eu-west-1:123456789012:api0000000/test/GET/items/1',
      identitySource: 'user1,123',
      authorizationToken: 'user1,123',
      resource: '/items/{id}',
      path: '/test/items/1',
      queryStringParameters: { QueryString1: 'queryValue1' },
      pathParameters: { id: '1' },
      stageVariables: {},
    });
    expect((bodyOf(first) as { event: { requestContext: unknown } }).event.requestContext).toMatchObject({
      authorizer: { lambda: { tenant: 'acme', level: 3 } },
    });
    // The cached policy names GET /items/1 only.
    expect((await send('/test/items/2', { headers: bearer('user1,123') })).response.statusCode).toBe(403);
    expect(invoker.callsTo('authorizer')).toHaveLength(1);
  });

  it('payload 2.0 without simple responses: an explicit Deny refuses with 403', async () => {
    const spec = authorizer({ enableSimpleResponses: false });
    const { send } = setup(spec, () => policy('*', 'Deny'));
    expect((await send('/items/1', { headers: bearer('t') })).response.statusCode).toBe(403);
  });

  it('refuses a simple answer when simple responses are not enabled', async () => {
    const spec = authorizer({ enableSimpleResponses: false });
    const { send } = setup(spec, () => ({ isAuthorized: true }));
    expect((await send('/items/1', { headers: bearer('t') })).response.statusCode).toBe(500);
  });
});
