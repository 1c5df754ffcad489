/**
 * An experiment for section 7, not a Portico mode: `gateway-processes-server.ts <cdk.out> <processes>` serves the
 * assembly from several whole gateways (Node's `cluster`, one listening port, connections dealt round-robin), each
 * with its own in-thread handlers. It measures how far spreading the gateway over cores would move the throughput
 * ratio. Each process keeps its own usage-plan counters, authorizer cache and observations, so throttles and
 * quotas are not exact across them: a real multi-core mode would need that state shared (docs/decisions/0026).
 */
import cluster from 'node:cluster';
import { LocalGateway } from '../../lib/emulator/local-gateway';
import { serveGateway } from '../../lib/emulator/server';

const [assembly, processes = '2'] = process.argv.slice(2);
const count = Number(processes);

if (cluster.isPrimary) {
  let ready = 0;
  for (let i = 0; i < count; i++) {
    cluster.fork().on('message', (port: number) => {
      // The workers listen on one port (port 0 is shared among a cluster's workers), so any of them may say which.
      if (++ready === count) console.log(`READY ${port}`);
    });
  }
  process.on('SIGTERM', () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    process.exit(0);
  });
} else {
  void (async () => {
    const gateway = await LocalGateway.fromAssembly(assembly, { onFunctionLog: () => {}, lambdaMode: 'in-thread' });
    const server = await serveGateway(gateway, { host: '127.0.0.1', port: 0 });
    process.send?.(server.port);
    process.on('SIGTERM', async () => {
      await server.close();
      await gateway.close();
      process.exit(0);
    });
  })();
}
