import {
  buildRequestAuthorizerEvent,
  buildTokenAuthorizerEvent,
  methodArn,
} from '../../../../lib/emulator/rest/authorizers/events';
import { api, matchedRequest, route, stage } from '../request-fixture';
import requestCapture from './fixtures/rest-request-authorizer-event.real-capture.powertools-ts.json';
import tokenCapture from './fixtures/rest-token-authorizer-event.real-capture.powertools-ts.json';

const REGION = 'eu-west-1';
const ACCOUNT = '123456789012';

/** The request the real capture was taken from: `POST /prod/lambda-request` on API `puhdx84jy9`. */
function capturedRequest() {
  const prod = stage('prod', { deploymentId: 'v99qix' });
  const ctx = matchedRequest({
    method: 'POST',
    path: '/lambda-request',
    headers: Object.entries(requestCapture.headers),
    api: { ...api({ stages: [prod] }), apiId: 'puhdx84jy9' },
    stage: prod,
    route: route('POST /lambda-request'),
    pathParameters: {},
    sourceIp: '15.248.3.126',
    requestTimeEpoch: requestCapture.requestContext.requestTimeEpoch,
  });
  return {
    ...ctx,
    requestId: requestCapture.requestContext.requestId,
    domainName: requestCapture.requestContext.domainName,
  };
}

describe('methodArn', () => {
  test('names region, account, API, stage, verb and the path actually requested', () => {
    const ctx = matchedRequest({ method: 'DELETE', path: '/users/42' });
    expect(methodArn(ctx, REGION, ACCOUNT)).toBe(
      'arn:aws:execute-api:eu-west-1:123456789012:abcde12345/prod/DELETE/users/42',
    );
  });

  test('the root resource ends with /GET/', () => {
    const ctx = matchedRequest({ path: '/', route: route('GET /'), pathParameters: {} });
    expect(methodArn(ctx, REGION, ACCOUNT)).toBe('arn:aws:execute-api:eu-west-1:123456789012:abcde12345/prod/GET/');
  });

  test('an ANY route is named by the verb of the request', () => {
    const ctx = matchedRequest({ method: 'PATCH', route: route('ANY /users/{id}') });
    expect(methodArn(ctx, REGION, ACCOUNT)).toMatch(/\/prod\/PATCH\/users\/42$/);
  });
});

describe('buildTokenAuthorizerEvent', () => {
  test('matches the real capture', () => {
    const event = buildTokenAuthorizerEvent('Bearer foo', { methodArn: tokenCapture.methodArn, accountId: ACCOUNT });
    expect(event).toEqual(tokenCapture);
    expect(Object.keys(event)).toEqual(Object.keys(tokenCapture));
  });
});

describe('buildRequestAuthorizerEvent', () => {
  test('matches the real capture field for field (resourceId is a local stand-in)', () => {
    const ctx = capturedRequest();
    const event = buildRequestAuthorizerEvent(ctx, { methodArn: methodArn(ctx, REGION, ACCOUNT), accountId: ACCOUNT });
    expect(event.requestContext.resourceId).toMatch(/^[a-z0-9]{6}$/);
    expect({ ...event, requestContext: { ...event.requestContext, resourceId: 'w567jh' } }).toEqual(requestCapture);
    expect(Object.keys(event)).toEqual(Object.keys(requestCapture));
  });

  test('empty maps are {} and there is no body', () => {
    const ctx = matchedRequest({ pathParameters: {}, headers: [] });
    const event = buildRequestAuthorizerEvent(ctx, { methodArn: 'arn', accountId: ACCOUNT });
    expect(event.headers).toEqual({});
    expect(event.queryStringParameters).toEqual({});
    expect(event.multiValueQueryStringParameters).toEqual({});
    expect(event.pathParameters).toEqual({});
    expect(event.stageVariables).toEqual({});
    expect(event).not.toHaveProperty('body');
    expect(event).not.toHaveProperty('isBase64Encoded');
    expect(event.requestContext).not.toHaveProperty('authorizer');
  });

  test('carries query strings, path parameters and stage variables', () => {
    const ctx = matchedRequest({ path: '/users/42?tag=a&tag=b', stageVariables: { env: 'prod' } });
    const event = buildRequestAuthorizerEvent(ctx, { methodArn: 'arn', accountId: ACCOUNT });
    expect(event.queryStringParameters).toEqual({ tag: 'b' });
    expect(event.multiValueQueryStringParameters).toEqual({ tag: ['a', 'b'] });
    expect(event.pathParameters).toEqual({ id: '42' });
    expect(event.stageVariables).toEqual({ env: 'prod' });
    expect(event.resource).toBe('/users/{id}');
    expect(event.path).toBe('/users/42');
    expect(event.requestContext.path).toBe('/prod/users/42');
  });
});
