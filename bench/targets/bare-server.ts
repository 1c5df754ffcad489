/** The baseline: a bare Node `http` server returning the same body as the benchmark's handler. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BENCH_BODY } from '../bench-stack';

const server = createServer((_req, res) => {
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(BENCH_BODY) });
  res.end(BENCH_BODY);
});
server.listen(0, '127.0.0.1', () => {
  console.log(`READY ${(server.address() as AddressInfo).port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
