/**
 * The emulator serving the benchmark stack over HTTP as `portico serve` does: from a synthesized cloud
 * assembly, `emulator-server.ts <cdk.out> [access-log-file]`. With a file, every access-log line of the
 * stage is appended to it. Node.js handlers run as BENCH_LAMBDA_MODE says (bench/lambda-mode.ts).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { LocalGateway } from '../../lib/emulator/local-gateway';
import { serveGateway } from '../../lib/emulator/server';
import { benchLambdaMode } from '../lambda-mode';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

async function main(): Promise<void> {
  const [assembly, accessLogFile] = process.argv.slice(2);
  const gateway = await LocalGateway.fromAssembly(assembly, {
    accessLogFile,
    onFunctionLog: () => {},
    lambdaMode: benchLambdaMode(),
  });
  const server = await serveGateway(gateway, { port: 0 });
  console.log(`READY ${server.port}`);
  // The memory benchmark asks for the resident set size between its runs, after a full garbage collection:
  // without one, the reading mostly says how far V8 let the old generation grow before its next collection.
  // Read a second later: V8 returns the pages a collection freed on a background thread, so a reading taken at once
  // still counts memory that is on its way back to the system (tens of MiB, varying from reading to reading).
  process.on('SIGUSR2', () => {
    collectGarbage();
    collectGarbage();
    setTimeout(() => {
      const usage = process.memoryUsage();
      console.log(`RSS ${usage.rss} ${JSON.stringify(usage)}`);
    }, 1000);
  });
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
