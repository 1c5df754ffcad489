/**
 * Emulator start from a cloud assembly in a fresh process: `startup-target.ts <cdk.out> <first-path>`.
 * Measures the process start (Node, tsx and the emulator's modules), loading the assembly and listening, the first request (it starts the Lambda worker threads),
 * and memory once started. Prints one JSON line.
 */
import { LocalGateway } from '../../lib/emulator/local-gateway';
import { serveGateway } from '../../lib/emulator/server';

async function main(): Promise<void> {
  // Node start, the TypeScript loader and the emulator's modules, before any work.
  const processStartMs = process.uptime() * 1000;
  const [assembly, firstPath] = process.argv.slice(2);
  const started = performance.now();
  const gateway = await LocalGateway.fromAssembly(assembly, { onFunctionLog: () => {} });
  const server = await serveGateway(gateway, { port: 0 });
  const startMs = performance.now() - started;
  const memory = process.memoryUsage();
  const firstStarted = performance.now();
  const response = await fetch(`${server.url}${firstPath}`);
  await response.arrayBuffer();
  const firstRequestMs = performance.now() - firstStarted;
  await server.close();
  await gateway.close();
  console.log(
    JSON.stringify({
      processStartMs,
      startMs,
      firstRequestMs,
      firstStatus: response.status,
      routes: gateway.model.apis.reduce((sum, api) => sum + api.table.routes.length, 0),
      rssMb: memory.rss / 2 ** 20,
      heapUsedMb: memory.heapUsed / 2 ** 20,
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
