/**
 * The emulator as `portico serve` runs it, with or without the dashboard:
 * `dashboard-server.ts <cdk.out> on|off`. With `on`, requests are recorded in the observation feed and the
 * dashboard's API (and its event stream) is served under /_portico/.
 */
import { LocalGateway } from '../../lib/emulator/local-gateway';
import { createDashboard } from '../../lib/emulator/observe/dashboard-api';
import { serveGateway } from '../../lib/emulator/server';

async function main(): Promise<void> {
  const [assembly, mode] = process.argv.slice(2);
  const on = mode === 'on';
  const gateway = await LocalGateway.fromAssembly(assembly, { onFunctionLog: () => {}, observe: on });
  const server = await serveGateway(gateway, {
    port: 0,
    dashboard: on ? createDashboard(() => gateway) : undefined,
  });
  console.log(`READY ${server.port}`);
  // The bench asks for the CPU time used so far: per request, it is far steadier than throughput on a shared machine.
  process.on('SIGUSR2', () => {
    const { user, system } = process.cpuUsage();
    console.log(`CPU ${user + system}`);
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
