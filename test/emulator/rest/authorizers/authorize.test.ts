import { ManualClock } from '../../../../lib/core/clock';
import { GatewayError } from '../../../../lib/core/gateway-responses';
import type { AuthorizerSpec } from '../../../../lib/core/route-table';
import type { InvokeResult } from '../../../../lib/emulator/lambda/invoker';
import { AUTHORIZER_DEADLINE_MS, createAuthorizeStep } from '../../../../lib/emulator/rest/authorizers/authorize';
import {
  allowPolicy,
  api,
  authorizedBy,
  authorizerSpec,
  FakeInvoker,
  matchedRequest,
  type RequestOptions,
  route,
  stage,
} from '../request-fixture';

const ARN_PREFIX = 'arn:aws:execute-api:eu-west-1:123456789012:abcde12345/prod';
const USERS_42 = `${ARN_PREFIX}/GET/users/42`;

function setup(invoker: FakeInvoker, clock = new ManualClock(Date.UTC(2024, 5, 17))) {
  const authorize = createAuthorizeStep({ invoker, clock, region: 'eu-west-1', accountId: '123456789012' });
  return { authorize, clock };
}

const bearer = (token = 'Bearer good'): RequestOptions => ({ headers: [['Authorization', token]] });

async function refusal(promise: Promise<unknown>): Promise<GatewayError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GatewayError) return error;
    throw error;
  }
  throw new Error('expected a GatewayError');
}

describe('TOKEN authorizer', () => {
  test('an Allow for the method fills ctx.authorizer and invokes with the TOKEN event and a 29 s deadline', async () => {
    const invoker = FakeInvoker.returning({
      principalId: 'user-1',
      policyDocument: allowPolicy(USERS_42),
      context: { tenant: 'acme', admin: true, level: 3, nothing: null },
      usageIdentifierKey: 'key-value-0123456789',
    });
    const { authorize } = setup(invoker);
    const ctx = matchedRequest(bearer());
    await authorize(ctx, authorizerSpec());
    expect(invoker.calls).toEqual([
      {
        functionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:authorizer',
        event: { type: 'TOKEN', methodArn: USERS_42, authorizationToken: 'Bearer good' },
        deadlineMs: AUTHORIZER_DEADLINE_MS,
      },
    ]);
    expect(ctx.authorizer).toMatchObject({
      principalId: 'user-1',
      context: { tenant: 'acme', admin: true, level: 3, nothing: null },
      usageIdentifierKey: 'key-value-0123456789',
      integrationLatency: 7,
      integrationStatus: 200,
      status: 200,
      cached: false,
    });
  });

  test('is invoked once for two requests with one token within the TTL', async () => {
    const invoker = FakeInvoker.returning({ principalId: 'u', policyDocument: allowPolicy(`${ARN_PREFIX}/*`) });
    const { authorize, clock } = setup(invoker);
    const spec = authorizerSpec();
    await authorize(matchedRequest(bearer()), spec);
    clock.advance(299_000);
    const second = matchedRequest(bearer());
    await authorize(second, spec);
    expect(invoker.calls).toHaveLength(1);
    expect(second.authorizer).toMatchObject({ principalId: 'u', cached: true, integrationLatency: 0, status: 200 });
  });

  test('is invoked again once the TTL has passed', async () => {
    const invoker = FakeInvoker.returning({ principalId: 'u', policyDocument: allowPolicy('*') });
    const { authorize, clock } = setup(invoker);
    const spec = authorizerSpec({ resultTtlSeconds: 60 });
    await authorize(matchedRequest(bearer()), spec);
    clock.advance(60_000);
    await authorize(matchedRequest(bearer()), spec);
    expect(invoker.calls).toHaveLength(2);
  });

  test('another token is another cache entry', async () => {
    const invoker = FakeInvoker.returning({ principalId: 'u', policyDocument: allowPolicy('*') });
    const { authorize } = setup(invoker);
    const spec = authorizerSpec();
    await authorize(matchedRequest(bearer('Bearer a')), spec);
    await authorize(matchedRequest(bearer('Bearer b')), spec);
    expect(invoker.calls).toHaveLength(2);
  });

  test('TTL 0 invokes on every request', async () => {
    const invoker = FakeInvoker.returning({ principalId: 'u', policyDocument: allowPolicy('*') });
    const { authorize } = setup(invoker);
    const spec = authorizerSpec({ resultTtlSeconds: 0 });
    await authorize(matchedRequest(bearer()), spec);
    await authorize(matchedRequest(bearer()), spec);
    expect(invoker.calls).toHaveLength(2);
  });

  test.each([
    ['missing', []],
    ['empty', [['Authorization', '']]],
  ] as [string, [string, string][]][])(
    'is not invoked when the header is %s: 401 Unauthorized',
    async (_label, headers) => {
      const invoker = FakeInvoker.returning({ principalId: 'u', policyDocument: allowPolicy('*') });
      const { authorize } = setup(invoker);
      const ctx = matchedRequest({ headers });
      const error = await refusal(authorize(ctx, authorizerSpec()));
      expect(error.responseType).toBe('UNAUTHORIZED');
      expect(error.gatewayMessage).toBe('Unauthorized');
      expect(invoker.calls).toHaveLength(0);
      expect(ctx.authorizer?.status).toBe(401);
    },
  );

  test('reads its header case-insensitively', async () => {
    const invoker = FakeInvoker.returning({ principalId: 'u', policyDocument: allowPolicy('*') });
    const { authorize } = setup(invoker);
    await authorize(matchedRequest({ headers: [['authorization', 'Bearer x']] }), authorizerSpec());
    expect(invoker.calls).toHaveLength(1);
  });

  test('a token failing the validation expression is refused without invoking; the whole token must match', async () => {
    const invoker = FakeInvoker.returning({ principalId: 'u', policyDocument: allowPolicy('*') });
    const { authorize } = setup(invoker);
    const spec = authorizerSpec({ validationExpression: 'Bearer [a-z]+' });
    expect((await refusal(authorize(matchedRequest(bearer('Basic abc')), spec))).responseType).toBe('UNAUTHORIZED');
    expect((await refusal(authorize(matchedRequest(bearer('Bearer abc!')), spec))).responseType).toBe('UNAUTHORIZED');
    expect(invoker.calls).toHaveLength(0);
    await authorize(matchedRequest(bearer('Bearer abc')), spec);
    expect(invoker.calls).toHaveLength(1);
  });
});

describe('authorizer answers', () => {
  test('an error of exactly "Unauthorized" is 401, and is not cached', async () => {
    const invoker = FakeInvoker.failing('Unauthorized');
    const { authorize } = setup(invoker);
    const ctx = matchedRequest(bearer());
    const spec = authorizerSpec();
    const error = await refusal(authorize(ctx, spec));
    expect(error.responseType).toBe('UNAUTHORIZED');
    expect(ctx.authorizer).toMatchObject({ status: 401, error: 'Unauthorized' });
    await refusal(authorize(matchedRequest(bearer()), spec));
    expect(invoker.calls).toHaveLength(2);
  });

  const configurationErrors: [string, InvokeResult][] = [
    [
      'any other error',
      { kind: 'error', errorType: 'Error', errorMessage: 'unauthorized', durationMs: 1, requestId: 'r' },
    ],
    ['a timeout', { kind: 'timeout', durationMs: 29_000, requestId: 'r' }],
    ['a function that cannot run', { kind: 'unavailable', reason: 'python3.12 is not supported', requestId: 'r' }],
  ];
  test.each(configurationErrors)(
    '%s is 500 AUTHORIZER_CONFIGURATION_ERROR with a null message',
    async (_label, result) => {
      const { authorize } = setup(new FakeInvoker(() => result));
      const ctx = matchedRequest(bearer());
      const error = await refusal(authorize(ctx, authorizerSpec()));
      expect(error.responseType).toBe('AUTHORIZER_CONFIGURATION_ERROR');
      expect(error.gatewayMessage).toBeNull();
      expect(ctx.authorizer?.status).toBe(500);
      expect(ctx.authorizer?.error).toBeTruthy();
    },
  );

  test.each([
    ['no principalId', { policyDocument: allowPolicy('*') }],
    ['no policyDocument', { principalId: 'u' }],
    [
      'a context value that is an object',
      { principalId: 'u', policyDocument: allowPolicy('*'), context: { a: { b: 1 } } },
    ],
    ['a context value that is an array', { principalId: 'u', policyDocument: allowPolicy('*'), context: { a: [1] } }],
    ['not an object', 'Allow'],
  ])('a response with %s is 500 AUTHORIZER_CONFIGURATION_ERROR', async (_label, payload) => {
    const { authorize } = setup(FakeInvoker.returning(payload));
    const error = await refusal(authorize(matchedRequest(bearer()), authorizerSpec()));
    expect(error.responseType).toBe('AUTHORIZER_CONFIGURATION_ERROR');
  });

  test('an explicit Deny is 403 "…with an explicit deny"', async () => {
    const { authorize } = setup(FakeInvoker.returning({ principalId: 'u', policyDocument: allowPolicy('*', 'Deny') }));
    const ctx = matchedRequest(bearer());
    const error = await refusal(authorize(ctx, authorizerSpec()));
    expect(error.responseType).toBe('ACCESS_DENIED');
    expect(error.gatewayMessage).toBe('User is not authorized to access this resource with an explicit deny');
    expect(ctx.authorizer).toMatchObject({ principalId: 'u', status: 403 });
  });

  test('an Allow that does not cover the method is 403 "User is not authorized to access this resource"', async () => {
    const { authorize } = setup(
      FakeInvoker.returning({ principalId: 'u', policyDocument: allowPolicy(`${ARN_PREFIX}/POST/*`) }),
    );
    const error = await refusal(authorize(matchedRequest(bearer()), authorizerSpec()));
    expect(error.responseType).toBe('ACCESS_DENIED');
    expect(error.gatewayMessage).toBe('User is not authorized to access this resource');
  });
});

describe('cached policies meet other methods (AWS docs: "Configure an API Gateway Lambda authorizer")', () => {
  const orders = (): RequestOptions => ({
    ...bearer(),
    path: '/orders',
    route: route('GET /orders'),
    pathParameters: {},
  });

  test('a policy naming only the first method ARN 403s another route within the TTL', async () => {
    // The authorizer answers for whatever method it is asked about, but is asked only once.
    const invoker = new FakeInvoker((event) => ({
      kind: 'ok',
      payload: { principalId: 'u', policyDocument: allowPolicy((event as { methodArn: string }).methodArn) },
      durationMs: 1,
      requestId: 'r',
    }));
    const { authorize } = setup(invoker);
    const spec = authorizerSpec();
    await authorize(matchedRequest(bearer()), spec);
    const error = await refusal(authorize(matchedRequest(orders()), spec));
    expect(error.gatewayMessage).toBe('User is not authorized to access this resource');
    expect(invoker.calls).toHaveLength(1);
  });

  test('a cached Deny applies to other methods until the TTL ends', async () => {
    let effect: 'Allow' | 'Deny' = 'Deny';
    const invoker = new FakeInvoker(() => ({
      kind: 'ok',
      payload: { principalId: 'u', policyDocument: allowPolicy(`${ARN_PREFIX}/*`, effect) },
      durationMs: 1,
      requestId: 'r',
    }));
    const { authorize, clock } = setup(invoker);
    const spec = authorizerSpec({ resultTtlSeconds: 120 });
    await refusal(authorize(matchedRequest(bearer()), spec));
    effect = 'Allow';
    clock.advance(119_999);
    const denied = await refusal(authorize(matchedRequest(orders()), spec));
    expect(denied.gatewayMessage).toBe('User is not authorized to access this resource with an explicit deny');
    clock.advance(1);
    await authorize(matchedRequest(orders()), spec);
    expect(invoker.calls).toHaveLength(2);
  });

  test('stages do not share cached results', async () => {
    const invoker = FakeInvoker.returning({ principalId: 'u', policyDocument: allowPolicy('*') });
    const { authorize } = setup(invoker);
    const spec = authorizerSpec();
    await authorize(matchedRequest(bearer()), spec);
    await authorize(matchedRequest(bearer()), spec);
    await authorize(matchedRequest({ ...bearer(), stage: stage('beta') }), spec);
    expect(invoker.calls).toHaveLength(2);
  });
});

describe('REQUEST authorizer', () => {
  const requestSpec = (options: Partial<AuthorizerSpec> = {}) =>
    authorizerSpec({
      type: 'REQUEST',
      identitySources: ['method.request.header.X-Tenant', 'method.request.querystring.token'],
      ...options,
    });
  const allowAll = () => FakeInvoker.returning({ principalId: 'u', policyDocument: allowPolicy('*') });
  const request = (path: string): RequestOptions => ({ headers: [['x-tenant', 'acme']], path });

  test('is not invoked when one identity source is missing', async () => {
    const invoker = allowAll();
    const { authorize } = setup(invoker);
    const error = await refusal(authorize(matchedRequest(request('/users/42')), requestSpec()));
    expect(error.responseType).toBe('UNAUTHORIZED');
    expect(invoker.calls).toHaveLength(0);
  });

  test('caches by all identity sources together, and sends the REQUEST event', async () => {
    const invoker = allowAll();
    const { authorize } = setup(invoker);
    const spec = requestSpec();
    await authorize(matchedRequest(request('/users/42?token=a')), spec);
    await authorize(matchedRequest(request('/users/42?token=a')), spec);
    await authorize(matchedRequest(request('/users/42?token=b')), spec);
    expect(invoker.calls).toHaveLength(2);
    expect(invoker.calls[0].event).toMatchObject({
      type: 'REQUEST',
      methodArn: USERS_42,
      headers: { 'x-tenant': 'acme' },
      queryStringParameters: { token: 'a' },
    });
  });

  test('with caching disabled, identity sources are optional', async () => {
    const invoker = allowAll();
    const { authorize } = setup(invoker);
    await authorize(matchedRequest({ path: '/users/42' }), requestSpec({ resultTtlSeconds: 0 }));
    expect(invoker.calls).toHaveLength(1);
  });

  test('reads stage variables and context variables as identity sources', async () => {
    const invoker = allowAll();
    const { authorize } = setup(invoker);
    const spec = requestSpec({ identitySources: ['stageVariables.tier', 'context.identity.sourceIp'] });
    await refusal(authorize(matchedRequest(), spec));
    expect(invoker.calls).toHaveLength(0);
    await authorize(matchedRequest({ stageVariables: { tier: 'gold' } }), spec);
    await authorize(matchedRequest({ stageVariables: { tier: 'gold' }, sourceIp: '198.51.100.1' }), spec);
    expect(invoker.calls).toHaveLength(2);
  });
});

describe('route authorization kinds', () => {
  test('an authorizer named by the route is looked up in the API table', async () => {
    const invoker = FakeInvoker.returning({ principalId: 'u', policyDocument: allowPolicy('*') });
    const { authorize } = setup(invoker);
    const theApi = api({ table: { authorizers: [authorizerSpec({ name: 'jwt' })] } });
    await authorize(matchedRequest({ ...bearer(), api: theApi }), authorizedBy('jwt'));
    expect(invoker.calls).toHaveLength(1);
    const error = await refusal(authorize(matchedRequest({ ...bearer(), api: theApi }), authorizedBy('missing')));
    expect(error.responseType).toBe('AUTHORIZER_CONFIGURATION_ERROR');
  });

  test('a Cognito user pool authorizer without keys fails closed: 401 without or with a token', async () => {
    const { authorize } = setup(FakeInvoker.returning({}));
    const spec = authorizerSpec({ type: 'COGNITO_USER_POOLS', functionArn: undefined });
    expect((await refusal(authorize(matchedRequest(), spec))).responseType).toBe('UNAUTHORIZED');
    expect((await refusal(authorize(matchedRequest(bearer('eyJhbGciOi.x.y')), spec))).responseType).toBe(
      'UNAUTHORIZED',
    );
  });

  test('IAM: an unsigned request is 403 Missing Authentication Token', async () => {
    const { authorize } = setup(FakeInvoker.returning({}));
    const error = await refusal(authorize(matchedRequest(bearer()), { kind: 'iam' }));
    expect(error.responseType).toBe('MISSING_AUTHENTICATION_TOKEN');
    expect(error.gatewayMessage).toBe('Missing Authentication Token');
  });

  test('IAM: a SigV4 header or a presigned query is accepted (signatures are not verified locally)', async () => {
    const { authorize } = setup(FakeInvoker.returning({}));
    const signed = 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240617/eu-west-1/execute-api/aws4_request, Signature=abc';
    await expect(authorize(matchedRequest(bearer(signed)), { kind: 'iam' })).resolves.toBeUndefined();
    const presigned = matchedRequest({ path: '/users/42?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=abc' });
    await expect(authorize(presigned, { kind: 'iam' })).resolves.toBeUndefined();
  });

  test('none does nothing', async () => {
    const invoker = FakeInvoker.returning({});
    const { authorize } = setup(invoker);
    const ctx = matchedRequest();
    await authorize(ctx, { kind: 'none' });
    expect(ctx.authorizer).toBeUndefined();
    expect(invoker.calls).toHaveLength(0);
  });
});
