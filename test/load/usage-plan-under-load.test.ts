import { Period } from 'aws-cdk-lib/aws-apigateway';
import { ManualClock } from '../../lib/core/clock';
import { LocalGateway } from '../../lib/emulator/local-gateway';
import { serveGateway } from '../../lib/emulator/server';
import { buildLoadStack, hammer, statusCounts } from './support';

const KEY = { 'x-api-key': 'load-api-key-0123456789abcdef' };

// The clock stands still while each wave of concurrent requests arrives and moves only between waves, so the
// exact count each wave may pass is known whatever the machine's speed: no dependence on timing under load.
test('a plan throttle (rate r, burst b) under 50 concurrent connections admits exactly b, then r·Δt per pause, the rest 429', async () => {
  const rate = 200;
  const burst = 300;
  const clock = new ManualClock(Date.UTC(2026, 0, 5, 12));
  const gw = await LocalGateway.fromStack(
    buildLoadStack({ plan: { throttle: { rateLimit: rate, burstLimit: burst } } }),
    { clock, onFunctionLog: () => {} },
  );
  const server = await serveGateway(gw, { port: 0 });
  const wave = async (requests: number) => {
    const answers = await hammer(`${server.url}/load/limited`, {
      connections: 50,
      total: requests,
      headers: () => KEY,
    });
    const throttled = answers.filter((answer) => answer.status === 429);
    expect(new Set(throttled.map((answer) => answer.body))).toEqual(new Set(['{"message":"Too Many Requests"}']));
    return statusCounts(answers);
  };
  try {
    // The bucket starts full: the burst passes, the rest of the wave is throttled.
    expect(await wave(500)).toEqual({ 200: burst, 429: 200 });
    // Each pause of 0.5 s refills r·0.5 tokens.
    for (let i = 0; i < 3; i++) {
      clock.advance(500);
      expect(await wave(400)).toEqual({ 200: rate / 2, 429: 300 });
    }
    // A long pause refills up to the burst, never beyond it.
    clock.advance(60_000);
    expect(await wave(500)).toEqual({ 200: burst, 429: 200 });
  } finally {
    await server.close();
    await gw.close();
  }
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
