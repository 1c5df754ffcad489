/** The emulator serving the benchmark stack over HTTP, with its access log written to a file. */
import { LocalGateway } from '../../lib/emulator/local-gateway';
import { serveGateway } from '../../lib/emulator/server';
import { buildBenchStack } from '../bench-stack';

async function main(): Promise<void> {
  const accessLogFile = process.argv[2];
  const gateway = await LocalGateway.fromStack(buildBenchStack(), { accessLogFile, onFunctionLog: () => {} });
  const server = await serveGateway(gateway, { port: 0 });
  console.log(`READY ${server.port}`);
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
