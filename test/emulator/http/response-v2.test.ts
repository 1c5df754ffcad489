import { MalformedResponseV2Error, shapeResponseV2 } from '../../../lib/emulator/http/response-v2';

const text = (payload: unknown) => shapeResponseV2(payload).body.toString('utf8');

describe('payload 2.0 response inference (AWS docs: "Create AWS Lambda proxy integrations for HTTP APIs")', () => {
  it('answers a plain string as a 200 application/json body, without quotes', () => {
    const response = shapeResponseV2('Hello from Lambda!');
    expect(response.statusCode).toBe(200);
    expect(response.headers).toEqual([['content-type', 'application/json']]);
    expect(response.body.toString()).toBe('Hello from Lambda!');
  });

  it('answers an object without statusCode, a number or null as its JSON text', () => {
    expect(text({ message: 'Hello from Lambda!' })).toBe('{"message":"Hello from Lambda!"}');
    expect(text([1, 2])).toBe('[1,2]');
    expect(text(42)).toBe('42');
    expect(text(null)).toBe('null');
  });

  it('reads the custom form: status, headers, one set-cookie header per cookie, base64 body', () => {
    const response = shapeResponseV2({
      statusCode: 201,
      headers: { 'x-count': 3, 'x-flag': true },
      cookies: ['a=1; Path=/', 'b=2'],
      body: Buffer.from('binary\u0000').toString('base64'),
      isBase64Encoded: true,
    });
    expect(response.statusCode).toBe(201);
    expect(response.headers).toEqual([
      ['x-count', '3'],
      ['x-flag', 'true'],
      ['set-cookie', 'a=1; Path=/'],
      ['set-cookie', 'b=2'],
    ]);
    expect(response.body).toEqual(Buffer.from('binary\u0000'));
  });

  it('accepts a numeric string status and a missing body', () => {
    const response = shapeResponseV2({ statusCode: '204' });
    expect(response.statusCode).toBe(204);
    expect(response.body.length).toBe(0);
  });

  it.each([
    [{ statusCode: 'abc' }],
    [{ statusCode: 700 }],
    [{ statusCode: 200, body: { not: 'a string' } }],
    [{ statusCode: 200, headers: 'x' }],
    [{ statusCode: 200, headers: { x: { nested: 1 } } }],
    [{ statusCode: 200, cookies: 'a=1' }],
  ])('refuses a broken custom form %j', (payload) => {
    expect(() => shapeResponseV2(payload)).toThrow(MalformedResponseV2Error);
  });
});
