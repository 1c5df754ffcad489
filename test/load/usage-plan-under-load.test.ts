import { Period } from 'aws-cdk-lib/aws-apigateway';
import { ManualClock } from '../../lib/core/clock';
import { LocalGateway } from '../../lib/emulator/local-gateway';
import { serveGateway } from '../../lib/emulator/server';
import { buildLoadStack, hammer, statusCounts } from './support';

const KEY = { 'x-api-key': 'load-api-key-0123456789abcdef' };

test('a plan throttle (rate r, burst b) hammered for t seconds admits b + r·t requests within 2 %, the rest 429', async () => {
  const rate = 200;
  // A burst of 1.5 s worth of refills: a stall shorter than that (GC, a busy CI machine) loses no refill.
  const burst = 300;
  // The emulator's own first and last clock readings bound the time the bucket refilled over.
  let first: number | undefined;
  let last = 0;
  const clock = {
    now: () => {
      last = Date.now();
      first ??= last;
      return last;
    },
  };
  const gw = await LocalGateway.fromStack(
    buildLoadStack({ plan: { throttle: { rateLimit: rate, burstLimit: burst } } }),
    {
      clock,
      onFunctionLog: () => {},
    },
  );
  const server = await serveGateway(gw, { port: 0 });
  let answers: Awaited<ReturnType<typeof hammer>>;
  try {
    // Both worker threads started first: a cold start slowing the first requests would let the bucket sit full.
    await hammer(`${server.url}/load/items`, { connections: 4, total: 40 });
    // Earlier readings do not count: the plan's bucket starts with the first request to it.
    first = undefined;
    answers = await hammer(`${server.url}/load/limited`, { connections: 50, durationMs: 1_500, headers: () => KEY });
  } finally {
    await server.close();
    await gw.close();
  }
  const seconds = (last - first!) / 1000;
  const expected = burst + rate * seconds;
  const counts = statusCounts(answers);
  expect(Object.keys(counts).sort()).toEqual(['200', '429']);
  expect(Math.abs(counts[200] - expected)).toBeLessThanOrEqual(expected * 0.02);
  const throttled = answers.filter((answer) => answer.status === 429);
  expect(new Set(throttled.map((answer) => answer.body))).toEqual(new Set(['{"message":"Too Many Requests"}']));
  // The hammer really did outrun the bucket.
  expect(throttled.length).toBeGreaterThan(counts[200]);
});

test('a quota of q admits exactly q requests per period, however many arrive at once', async () => {
  const quota = 300;
  // A Monday noon (UTC): the DAY period runs to midnight.
  const clock = new ManualClock(Date.UTC(2026, 0, 5, 12));
  const gw = await LocalGateway.fromStack(buildLoadStack({ plan: { quota: { limit: quota, period: Period.DAY } } }), {
    clock,
    onFunctionLog: () => {},
  });
  try {
    for (let day = 0; day < 3; day++) {
      const answers = await Promise.all(
        Array.from({ length: quota + 60 }, async () => {
          const response = await gw.fetch('/load/limited', { headers: KEY });
          return { status: response.status, body: await response.text() };
        }),
      );
      expect(answers.filter((answer) => answer.status === 200)).toHaveLength(quota);
      const refused = answers.filter((answer) => answer.status !== 200);
      expect(refused).toHaveLength(60);
      expect(new Set(refused.map((answer) => `${answer.status} ${answer.body}`))).toEqual(
        new Set(['429 {"message":"Limit Exceeded"}']),
      );
      clock.advance(24 * 60 * 60 * 1000);
    }
  } finally {
    await gw.close();
  }
});
