/**
 * Run by in-thread-environment.test.ts in a plain Node process, as `portico serve` runs: errors that escape an
 * in-thread handler reach the host process's own events, which jest's thread would intercept, and jest's promise
 * hooks make stopping a loop inside a promise job fatal (see main-thread-watchdog.ts). Prints one JSON line.
 */
import { LambdaRuntime } from '../../../lib/emulator/lambda/runtime';
import { arnOf, functionMap, lambdaFunction } from './functions';

async function main(): Promise<void> {
  const runtime = new LambdaRuntime(
    functionMap(
      lambdaFunction('reject', 'in-thread.rejectUnhandled'),
      lambdaFunction('io-throw', 'in-thread.throwInIoCallback'),
      lambdaFunction('spin', 'in-thread.spinAfterAwait', { timeoutSeconds: 1 }),
      lambdaFunction('echo', 'results.echo'),
    ),
    { lambdaMode: 'in-thread', poolSize: 1, onLog: () => {} },
  );
  const report: Record<string, unknown> = {};
  for (const [name, trigger] of [
    ['reject', { reject: true }],
    ['io-throw', { throw: true }],
  ] as const) {
    const before = await runtime.invoke(arnOf(name), {});
    const failed = await runtime.invoke(arnOf(name), trigger);
    const after = await runtime.invoke(arnOf(name), {});
    report[name] = {
      failed,
      replaced: before.kind === 'ok' && after.kind === 'ok' && before.payload !== after.payload,
    };
  }
  // An endless loop after an await, while other invocations are in flight.
  const before = await runtime.invoke(arnOf('spin'), {});
  const started = Date.now();
  const [stuck, ...others] = await Promise.all([
    runtime.invoke(arnOf('spin'), { spin: true }),
    ...Array.from({ length: 5 }, (_, n) => runtime.invoke(arnOf('echo'), { n })),
  ]);
  const stoppedAfterMs = Date.now() - started;
  const after = await runtime.invoke(arnOf('spin'), {});
  report.spin = {
    stuck: stuck.kind,
    stoppedAfterMs,
    others: others.map((result) => (result.kind === 'ok' ? result.payload : result.kind)),
    replaced: before.kind === 'ok' && after.kind === 'ok' && before.payload !== after.payload,
    later: (await runtime.invoke(arnOf('echo'), { later: true })).kind,
  };
  await runtime.close();
  console.log(JSON.stringify(report));
}

void main();
