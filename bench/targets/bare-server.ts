/** The baseline: a bare Node `http` server returning the same body as the benchmark's handler (POST: echoes the body). */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BENCH_BODY } from '../bench-stack';

const server = createServer((req, res) => {
  if (req.method !== 'POST') {
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
