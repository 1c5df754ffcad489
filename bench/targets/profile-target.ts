/**
 * A CPU profile of the full pipeline, in-process: `profile-target.ts <out.cpuprofile> [requests]`.
 * `LocalGateway.fetch` sequentially on the benchmark stack's `/keyed` route with an access log (cached Lambda
 * authorizer, API key, usage plan, access log, Node.js handler); only the measured loop is profiled (after a
 * warm-up), through the inspector. Prints one JSON line: wall time and main-thread CPU time per request (from
 * /proc, so time the thread spends descheduled on a busy machine is not counted), and where the profile went.
 * Summarize it with `tsx bench/profile-summary.ts <out.cpuprofile>`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { LocalGateway } from '../../lib/emulator/local-gateway';
import { BENCH_STAGE, buildBenchStack, SCENARIOS } from '../bench-stack';

/** CPU time of this process's main thread in milliseconds (Linux); undefined elsewhere. */
function mainThreadCpuMs(): number | undefined {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const [out, count = '20000'] = process.argv.slice(2);
  const requests = Number(count);
  const gateway = await LocalGateway.fromStack(buildBenchStack({ accessLog: true }), {
    onFunctionLog: () => {},
    loopback: false,
  });
  const scenario = SCENARIOS[SCENARIOS.length - 1];
  const path = `/${BENCH_STAGE}${scenario.path}`;
  const headers = { ...scenario.headers };
  try {
    for (let i = 0; i < 2000; i++) await (await gateway.fetch(path, { headers })).arrayBuffer();
    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
    const cpuBefore = mainThreadCpuMs();
    const started = performance.now();
    for (let i = 0; i < requests; i++) {
      const response = await gateway.fetch(path, { headers });
      if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
      await response.arrayBuffer();
    }
    const wallMs = performance.now() - started;
    const cpuAfter = mainThreadCpuMs();
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(out, JSON.stringify(profile));
    session.disconnect();
    console.log(
      JSON.stringify({
        requests,
        wallMsPerRequest: wallMs / requests,
        mainThreadCpuMsPerRequest:
          cpuBefore === undefined || cpuAfter === undefined ? undefined : (cpuAfter - cpuBefore) / requests,
        profile: out,
      }),
    );
  } finally {
    await gateway.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
