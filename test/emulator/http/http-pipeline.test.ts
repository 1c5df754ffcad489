/** The HTTP API pipeline's own answers: 404s, integration failures, throttles, CORS (AWS docs: "Create routes for HTTP APIs"; "Create AWS Lambda proxy integrations for HTTP APIs"; "Throttle requests to your HTTP APIs"). */
import {
  bodyOf,
  fail,
  headerOf,
  httpApi,
  httpModel,
  httpRoute,
  httpStage,
  lambdaIntegration,
  pipelineFor,
  ScriptedInvoker,
  timedOut,
} from './support';

const invoker = new ScriptedInvoker({
  handler: () => 'ok',
  throws: () => fail('handler exploded'),
  garbage: () => ({ statusCode: 'abc' }),
  slow: () => timedOut(),
});

describe('the HTTP API pipeline', () => {
  const api = httpApi(
    'Api',
    [
      httpRoute('GET /ok'),
      httpRoute('GET /throws', { integration: lambdaIntegration('throws') }),
      httpRoute('GET /garbage', { integration: lambdaIntegration('garbage') }),
      httpRoute('GET /slow', { integration: lambdaIntegration('slow') }),
      httpRoute('GET /missing', { integration: lambdaIntegration('not-deployed') }),
      httpRoute('GET /limited'),
    ],
    [
      httpStage('$default', {
        accessLog: {
          destinationArn: 'arn:aws:logs:eu-west-1:123456789012:log-group:x',
          format: '$context.routeKey $context.status $context.integrationErrorMessage',
        },
      }),
      httpStage('prod', {
        defaultRouteThrottle: { rateLimit: 1, burstLimit: 2 },
        routeThrottles: { 'GET /limited': { burstLimit: 1 } },
      }),
    ],
  );
  const { send, clock } = pipelineFor(httpModel([api]), invoker);

  it('answers a path no route takes with 404 {"message":"Not Found"} and an apigw-requestid header', async () => {
    const result = await send('/nope');
    expect(result.response.statusCode).toBe(404);
    expect(bodyOf(result)).toEqual({ message: 'Not Found' });
    expect(headerOf(result, 'apigw-requestid')).toBe(result.context.requestId);
    expect(result.http?.routeKey).toBeUndefined();
    expect(result.accessLogLine).toBe('- 404 -');
  });

  it('answers integration failures with 500 {"message":"Internal Server Error"}, and a timeout with 503', async () => {
    for (const path of ['/throws', '/garbage', '/missing']) {
      const result = await send(path);
      expect(result.response.statusCode).toBe(500);
      expect(bodyOf(result)).toEqual({ message: 'Internal Server Error' });
    }
    const slow = await send('/slow');
    expect(slow.response.statusCode).toBe(503);
    expect(bodyOf(slow)).toEqual({ message: 'Service Unavailable' });
  });

  it('logs why the integration failed in $context.integrationErrorMessage', async () => {
    expect((await send('/throws')).accessLogLine).toBe('GET /throws 500 handler exploded');
    expect((await send('/garbage')).accessLogLine).toMatch(
      /^GET \/garbage 500 The response from the Lambda function is malformed: /,
    );
  });

  it('throttles each route of a stage with the default route settings, and a route with its own', async () => {
    const statuses = async (path: string, count: number) => {
      const out: number[] = [];
      for (let i = 0; i < count; i++) out.push((await send(path)).response.statusCode);
      return out;
    };
    expect(await statuses('/prod/ok', 3)).toEqual([200, 200, 429]);
    expect(await statuses('/prod/limited', 2)).toEqual([200, 429]);
    const throttled = await send('/prod/ok');
    expect(bodyOf(throttled)).toEqual({ message: 'Too Many Requests' });
    clock.advance(1000);
    expect(await statuses('/prod/ok', 2)).toEqual([200, 429]);
    // The $default stage has no limits.
    expect(await statuses('/ok', 5)).toEqual([200, 200, 200, 200, 200]);
  });
});

describe('an HTTP API with CORS configured', () => {
  const cors = {
    allowOrigins: ['https://app.example.com'],
    allowMethods: ['GET', 'POST'],
    allowHeaders: ['authorization'],
    exposeHeaders: ['x-total'],
    allowCredentials: true,
    maxAgeSeconds: 600,
  };
  const api = {
    ...httpApi('Api', [httpRoute('GET /items'), httpRoute('OPTIONS /own')]),
    table: { routes: [httpRoute('GET /items'), httpRoute('OPTIONS /own')], authorizers: [], cors },
  };
  const { send } = pipelineFor(
    httpModel([api]),
    new ScriptedInvoker({
      handler: () => ({ statusCode: 200, headers: { 'access-control-allow-origin': '*' }, body: 'x' }),
    }),
  );
  const preflight = (path: string, origin: string) =>
    send(path, {
      method: 'OPTIONS',
      headers: [
        ['Origin', origin],
        ['Access-Control-Request-Method', 'GET'],
      ],
    });

  it('answers a preflight no route takes itself, for an allowed origin', async () => {
    const result = await preflight('/items', 'https://app.example.com');
    expect(result.response.statusCode).toBe(204);
    expect(headerOf(result, 'access-control-allow-origin')).toBe('https://app.example.com');
    expect(headerOf(result, 'access-control-allow-methods')).toBe('GET,POST');
    expect(headerOf(result, 'access-control-max-age')).toBe('600');
    expect(
      headerOf(await preflight('/items', 'https://evil.example.com'), 'access-control-allow-origin'),
    ).toBeUndefined();
  });

  it('lets an OPTIONS route answer its own preflight, and replaces the integration CORS headers', async () => {
    const own = await preflight('/own', 'https://app.example.com');
    expect(own.response.statusCode).toBe(200);
    const result = await send('/items', { headers: [['Origin', 'https://app.example.com']] });
    expect(headerOf(result, 'access-control-allow-origin')).toBe('https://app.example.com');
    expect(headerOf(result, 'access-control-expose-headers')).toBe('x-total');
    const other = await send('/items', { headers: [['Origin', 'https://evil.example.com']] });
    expect(headerOf(other, 'access-control-allow-origin')).toBeUndefined();
  });
});
