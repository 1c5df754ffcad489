/**
 * The baseline: a bare Node `http` server returning the same body as the benchmark's handler (POST: echoes the body).
 * With BENCH_BARE_WORK_US, each GET first spins that many microseconds (section 7).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BENCH_BODY } from '../bench-stack';

/**
 * Section 7 (budget-bench.ts): microseconds of synchronous work added to every GET before it is answered, so
 * the bench can show what throughput a server that does that much work per request reaches on this machine.
 */
const workMicros = Number(process.env.BENCH_BARE_WORK_US ?? 0);

function work(): void {
  const until = performance.now() + workMicros / 1000;
  while (performance.now() < until);
}

const server = createServer((req, res) => {
  if (req.method !== 'POST') {
    if (workMicros > 0) work();
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(BENCH_BODY) });
    res.end(BENCH_BODY);
    return;
  }
  // The body benchmarks: echo the request body, as the emulator's echo handler does.
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    res.writeHead(200, { 'Content-Type': req.headers['content-type'] ?? 'text/plain', 'Content-Length': body.length });
    res.end(body);
  });
});
server.listen(0, '127.0.0.1', () => {
  console.log(`READY ${(server.address() as AddressInfo).port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
