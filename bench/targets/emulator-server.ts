/**
 * The emulator serving the benchmark stack over HTTP as `portico serve` does: from a synthesized cloud
 * assembly, `emulator-server.ts <cdk.out> [access-log-file]`. With a file, every access-log line of the
 * stage is appended to it.
 */
import { LocalGateway } from '../../lib/emulator/local-gateway';
import { serveGateway } from '../../lib/emulator/server';

async function main(): Promise<void> {
  const [assembly, accessLogFile] = process.argv.slice(2);
  const gateway = await LocalGateway.fromAssembly(assembly, { accessLogFile, onFunctionLog: () => {} });
  const server = await serveGateway(gateway, { port: 0 });
  console.log(`READY ${server.port}`);
  // The memory benchmark asks for the resident set size between its runs.
  process.on('SIGUSR2', () => console.log(`RSS ${process.memoryUsage().rss}`));
  process.on('SIGTERM', async () => {
    await server.close();
    await gateway.close();
    process.exit(0);
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
