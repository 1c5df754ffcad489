import type { APIGatewayProxyEvent } from 'aws-lambda';
import { memberRequestHeaders } from '../../lib/composite/event-headers';
import captured from '../emulator/rest/fixtures/rest-v1-proxy-event.lambda-authorizer.real-capture.powertools-ts.json';

const awsEvent = captured as unknown as APIGatewayProxyEvent;

describe('the headers a member request carries', () => {
  test("the caller's identity goes along; the hop from the caller to API Gateway does not", () => {
    const names = memberRequestHeaders(awsEvent, 'GET /a').map(([name]) => name.toLowerCase());
    expect(names).toContain('authorization');
    expect(names).toContain('user-agent');
    expect(names).toContain('x-amzn-trace-id');
    for (const hop of ['host', 'via', 'x-forwarded-for', 'x-forwarded-proto', 'x-amz-cf-id', 'accept-encoding']) {
      expect(names).not.toContain(hop);
    }
    expect(names.some((name) => name.startsWith('cloudfront-'))).toBe(false);
  });

  test('API key, cookies and repeated headers are kept with every value; JSON is asked for', () => {
    const event = {
      ...awsEvent,
      headers: { 'x-api-key': 'k', Cookie: 'b=2', Accept: 'text/html' },
      multiValueHeaders: { 'x-api-key': ['k'], Cookie: ['a=1', 'b=2'], Accept: ['text/html'] },
    } as APIGatewayProxyEvent;
    expect(memberRequestHeaders(event, 'GET /a')).toEqual([
      ['x-api-key', 'k'],
      ['Cookie', 'a=1'],
      ['Cookie', 'b=2'],
      ['accept', 'application/json'],
      ['x-portico-composite', 'GET /a'],
    ]);
  });

  test('a marker the caller sent is replaced by the composite route', () => {
    const event = {
      ...awsEvent,
      headers: { 'X-Portico-Composite': 'forged' },
      multiValueHeaders: { 'X-Portico-Composite': ['forged'] },
    } as APIGatewayProxyEvent;
    expect(memberRequestHeaders(event, 'GET /a')).toEqual([
      ['accept', 'application/json'],
      ['x-portico-composite', 'GET /a'],
    ]);
  });
});
