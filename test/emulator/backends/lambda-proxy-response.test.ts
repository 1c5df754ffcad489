import { GatewayError } from '../../../lib/core/gateway-responses';
import {
  MalformedProxyResponseError,
  type ShapedProxyResponse,
  shapeProxyResponse,
} from '../../../lib/emulator/backends/lambda-proxy-response';
import goSample from './fixtures/rest-v1-proxy-response.aws-lambda-go.json';
import recorded from './fixtures/rest-v1-proxy-response-validation.aws-recorded.localstack-snapshot.json';

type Recording = { content: unknown; headers?: Record<string, string> };
const recordings = recorded as Record<string, Recording>;

/** Headers API Gateway and CloudFront add to every response; not the shaping step's business. */
const ADDED_BY_THE_EDGE = new Set([
  'connection',
  'content-length',
  'date',
  'via',
  'x-amz-cf-id',
  'x-amz-cf-pop',
  'x-amzn-trace-id',
  'x-cache',
  'x-amz-apigw-id',
  'x-amzn-requestid',
]);

const noBinary = { binaryMediaTypes: [] };

/** The header map a client reads: repeated names joined with ", " (as HTTP clients present them). */
function asClientSees(response: ShapedProxyResponse): Record<string, string> {
  const seen: Record<string, string> = {};
  for (const [name, value] of response.headers) seen[name] = name in seen ? `${seen[name]}, ${value}` : value;
  return seen;
}

function shaped(payload: unknown, options: Parameters<typeof shapeProxyResponse>[1] = noBinary) {
  const result = shapeProxyResponse(payload, options);
  if (result instanceof GatewayError) throw new Error(`expected a response, got ${result.message}`);
  return result;
}

describe('Lambda proxy responses recorded on AWS (AWS docs: "Lambda proxy integrations in API Gateway", docs/aws-behaviour.md, "Captured events")', () => {
  const accepted: [string, unknown, number][] = [
    ['invoke-api-no-body', { statusCode: 200 }, 200],
    ['invoke-api-with-headers', { statusCode: 200, headers: { 'test-header': 'value', 'header-bool': true } }, 200],
    ['invoke-api-with-headers-null', { statusCode: 200, headers: null }, 200],
    ['invoke-api-b64-encoded-true', { statusCode: 200, body: 'dGVzdC1kYXRh', isBase64Encoded: true }, 200],
    ['invoke-api-b64-encoded-false', { statusCode: 200, body: 'dGVzdC1kYXRh' }, 200],
    [
      'invoke-api-multi-headers-valid',
      { statusCode: 200, multiValueHeaders: { 'test-multi': ['value1', 'value2'] } },
      200,
    ],
    [
      'invoke-api-multi-headers-overwrite',
      {
        statusCode: 200,
        multiValueHeaders: { 'test-multi': ['value-multi'] },
        headers: { 'test-multi': 'value-solo' },
      },
      200,
    ],
    [
      'invoke-api-multi-headers-overwrite-casing',
      {
        statusCode: 200,
        multiValueHeaders: { 'tesT-Multi': ['value-multi'] },
        headers: { 'test-multi': 'value-solo' },
      },
      200,
    ],
    ['invoke-api-status-code-str', { statusCode: '201' }, 201],
    ['invoke-api-only-headers', { headers: { 'test-header': 'value' } }, 200],
  ];

  test.each(accepted)('%s', (recording, payload, statusCode) => {
    const expected = recordings[recording];
    const response = shaped(payload);
    expect(response.statusCode).toBe(statusCode);
    expect(response.body.toString('utf8')).toBe(expected.content);
    if (expected.headers) {
      const fromGateway = Object.fromEntries(
        Object.entries(expected.headers).filter(([name]) => !ADDED_BY_THE_EDGE.has(name.toLowerCase())),
      );
      expect(asClientSees(response)).toEqual(fromGateway);
    }
  });

  const rejected: [string, unknown][] = [
    ['invoke-api-wrong-format', { statusCode: 200, wrongValue: 'value' }],
    ['invoke-api-empty-response', {}],
    ['invoke-api-multi-headers-invalid', { statusCode: 200, multiValueHeaders: { 'test-multi-invalid': 'value1' } }],
    ['invoke-api-invalid-status-code', { statusCode: 'test' }],
    ['invoke-api-just-string', 'justAString'],
  ];

  test.each(rejected)('%s is a 502 Internal server error', (recording, payload) => {
    const result = shapeProxyResponse(payload, noBinary);
    expect(result).toBeInstanceOf(MalformedProxyResponseError);
    const error = result as MalformedProxyResponseError;
    expect(error.responseType).toBe('INTEGRATION_FAILURE');
    expect({ message: error.gatewayMessage }).toEqual(recordings[recording].content);
  });
});

describe('shaping a Lambda proxy response', () => {
  test('Content-Type defaults to application/json only when the function names none', () => {
    expect(shaped({ statusCode: 200 }).headers).toEqual([['Content-Type', 'application/json']]);
    expect(shaped({ statusCode: 200, headers: { 'content-type': 'text/html' } }).headers).toEqual([
      ['content-type', 'text/html'],
    ]);
  });

  test('the aws-lambda-go sample: the same pairs in headers and multiValueHeaders are sent once', () => {
    const response = shaped(goSample);
    expect(response.statusCode).toBe(200);
    expect(response.body.toString('utf8')).toBe('Hello World');
    expect(asClientSees(response)).toEqual({ ...goSample.headers, 'Content-Type': 'application/json' });
  });

  test('the body passes through as UTF-8 text', () => {
    expect(shaped({ statusCode: 200, body: '{"ok":"é"}' }).body).toEqual(Buffer.from('{"ok":"é"}', 'utf8'));
  });

  test('each value of a multi-value header is its own header line, so cookies stay apart', () => {
    const response = shaped({ statusCode: 200, multiValueHeaders: { 'Set-Cookie': ['a=1; Path=/', 'b=2'] } });
    expect(response.headers.filter(([name]) => name === 'Set-Cookie')).toEqual([
      ['Set-Cookie', 'a=1; Path=/'],
      ['Set-Cookie', 'b=2'],
    ]);
  });

  test('a value present in both headers and multiValueHeaders is sent once', () => {
    const response = shaped({ statusCode: 200, multiValueHeaders: { 'x-a': ['1', '2'] }, headers: { 'X-A': '1' } });
    expect(asClientSees(response)['x-a']).toBe('1, 2');
  });

  test('numbers and booleans in header values are stringified and nulls dropped', () => {
    const response = shaped({ statusCode: 200, headers: { 'x-n': 5, 'x-b': false, 'x-null': null } });
    expect(asClientSees(response)).toMatchObject({ 'x-n': '5', 'x-b': 'false' });
    expect(asClientSees(response)).not.toHaveProperty('x-null');
  });

  describe('binary bodies', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
    const payload = { statusCode: 200, body: png.toString('base64'), isBase64Encoded: true };

    test('are decoded when the first accepted type is a binary media type', () => {
      expect(shaped(payload, { binaryMediaTypes: ['image/png'], accept: 'image/png, */*' }).body).toEqual(png);
    });

    test('are decoded when the response Content-Type is a binary media type', () => {
      const withType = { ...payload, headers: { 'Content-Type': 'image/png' } };
      expect(shaped(withType, { binaryMediaTypes: ['image/*'], accept: 'text/html' }).body).toEqual(png);
    });

    test('are decoded for any type when binaryMediaTypes holds */*', () => {
      expect(shaped(payload, { binaryMediaTypes: ['*/*'] }).body).toEqual(png);
    });

    test('stay base64 text when only a later accepted type is binary', () => {
      const response = shaped(payload, { binaryMediaTypes: ['image/png'], accept: 'text/html, image/png' });
      expect(response.body.toString('utf8')).toBe(payload.body);
    });

    test('stay base64 text when the function did not flag them', () => {
      const response = shaped({ ...payload, isBase64Encoded: false }, { binaryMediaTypes: ['*/*'] });
      expect(response.body.toString('utf8')).toBe(payload.body);
    });
  });

  test.each([
    ['an array', [{ statusCode: 200 }]],
    ['null', null],
    ['a number', 200],
    ['a non-string body', { statusCode: 200, body: { ok: true } }],
    ['headers that are not an object', { statusCode: 200, headers: ['x'] }],
    ['a header value that is an object', { statusCode: 200, headers: { x: { y: 1 } } }],
    ['a fractional status', { statusCode: 200.5 }],
    ['a status outside HTTP', { statusCode: 1000 }],
    ['a v2-only key', { statusCode: 200, cookies: ['a=1'] }],
  ])('%s is a 502 Internal server error', (_what, payload) => {
    const result = shapeProxyResponse(payload, noBinary);
    expect(result).toBeInstanceOf(GatewayError);
    expect((result as GatewayError).responseType).toBe('INTEGRATION_FAILURE');
  });

  test('the rejection says why, for the emulator log', () => {
    const result = shapeProxyResponse({ statusCode: 200, wrongValue: 1 }, noBinary) as MalformedProxyResponseError;
    expect(result.reason).toContain('wrongValue');
  });
});
