/**
 * Section 7: the gateway's own work per request, without HTTP: `LocalGateway.handle` (the door the HTTP server
 * calls) from 50 concurrent loops on `/plain` and on the full pipeline (`/keyed` with an access log), Node.js
 * handlers in-thread. Prints `{ plainMicros, fullMicros }`, wall time per request, the best of three runs.
 */
import { LocalGateway } from '../../lib/emulator/local-gateway';
import type { GatewayRequest } from '../../lib/emulator/request-context';
import { BENCH_API_KEY, BENCH_STAGE, BENCH_TOKEN, buildBenchStack } from '../bench-stack';

const CONCURRENCY = 50;

async function costOf(full: boolean, requests: number): Promise<number> {
  const gateway = await LocalGateway.fromStack(buildBenchStack({ accessLog: full }), {
    onFunctionLog: () => {},
    loopback: false,
    lambdaMode: 'in-thread',
  });
  const headers: [string, string][] = [
    ['Host', '127.0.0.1:3000'],
    ['Connection', 'keep-alive'],
    ['User-Agent', 'autocannon'],
  ];
  if (full) headers.push(['Authorization', BENCH_TOKEN], ['x-api-key', BENCH_API_KEY]);
  const rawUrl = `/${BENCH_STAGE}${full ? '/keyed' : '/plain'}`;
  const request = (): GatewayRequest => ({
    method: 'GET',
    rawUrl,
    headers,
    body: Buffer.alloc(0),
    sourceIp: '127.0.0.1',
    protocol: 'HTTP/1.1',
  });
  const loop = async (count: number) => {
    for (let i = 0; i < count; i++) {
      const { response } = await gateway.handle(request());
      if (response.statusCode !== 200) throw new Error(`${rawUrl} answered ${response.statusCode}`);
    }
  };
  const run = (total: number) => Promise.all(Array.from({ length: CONCURRENCY }, () => loop(total / CONCURRENCY)));
  try {
    await run(5_000);
    let best = Number.POSITIVE_INFINITY;
    for (let round = 0; round < 3; round++) {
      const started = performance.now();
      await run(requests);
      best = Math.min(best, ((performance.now() - started) * 1000) / requests);
    }
    return best;
  } finally {
    await gateway.close();
  }
}

async function main(): Promise<void> {
  const requests = Number(process.argv[2] ?? 50_000);
  const plainMicros = await costOf(false, requests);
  const fullMicros = await costOf(true, requests);
  console.log(JSON.stringify({ plainMicros, fullMicros }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
