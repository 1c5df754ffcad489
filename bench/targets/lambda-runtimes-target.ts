/**
 * Cold start and throughput per Lambda runtime path, measured through `LambdaRuntime.invoke` (no HTTP):
 * Node.js on worker threads (the default), Node.js on the local Runtime API (`lambdaMode: 'process'`),
 * Python through the Runtime API, and a custom runtime whose `bootstrap` is a shell script (curl per call).
 *
 *   npx tsx bench/targets/lambda-runtimes-target.ts [--quick]
 *
 * Cold start: a fresh `LambdaRuntime` per run, the time of its first invocation (environment start, init,
 * one invocation), median of the runs. Warm: sequential invocations of one warm environment, median.
 * Throughput: a fixed number of invocations with 4 in flight and 4 environments (reserved concurrency 4);
 * the script bootstrap gets a tenth of the calls (two curl processes per invocation).
 * Prints a Markdown table; the handlers are the test fixtures in test/emulator/lambda/runtime-api-handlers.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import type { LambdaMode } from '../../lib/emulator/lambda/process-pool';
import { LambdaRuntime } from '../../lib/emulator/lambda/runtime';
import type { FunctionModel } from '../../lib/emulator/model';

const HANDLERS = path.join(__dirname, '..', '..', 'test', 'emulator', 'lambda', 'runtime-api-handlers');
const ARN = 'arn:aws:lambda:us-east-1:123456789012:function:bench';
const quick = process.argv.includes('--quick');
const COLD_RUNS = quick ? 2 : 10;
const WARM_CALLS = quick ? 20 : 500;
const THROUGHPUT_CALLS = quick ? 40 : 2000;
const CONCURRENCY = 4;

interface Subject {
  readonly name: string;
  readonly mode: LambdaMode;
  readonly fn: Partial<FunctionModel>;
  /** Fewer calls for a subject that starts two curl processes per invocation. */
  readonly scale?: number;
}

const SUBJECTS: readonly Subject[] = [
  {
    name: 'Node.js 20, worker thread (default)',
    mode: 'worker',
    fn: { runtime: 'nodejs20.x', handler: 'app.pid', codeDirectory: path.join(HANDLERS, 'node') },
  },
  {
    name: 'Node.js 20, process + Runtime API',
    mode: 'process',
    fn: { runtime: 'nodejs20.x', handler: 'app.pid', codeDirectory: path.join(HANDLERS, 'node') },
  },
  {
    name: 'Python 3.11, process + Runtime API',
    mode: 'worker',
    fn: {
      runtime: 'python3.11',
      handler: 'app.pid',
      codeDirectory: path.join(HANDLERS, 'python'),
      layers: [path.join(HANDLERS, 'layer')],
    },
  },
  {
    name: 'provided.al2023, sh + curl bootstrap',
    mode: 'worker',
    fn: { runtime: 'provided.al2023', handler: 'function.handler', codeDirectory: path.join(HANDLERS, 'custom') },
    scale: 0.1,
  },
];

function runtimeFor(subject: Subject): LambdaRuntime {
  const fn: FunctionModel = {
    logicalId: 'Bench',
    arn: ARN,
    functionName: 'bench',
    path: 'Bench/Resource',
    handler: 'app.pid',
    runtime: 'nodejs20.x',
    environment: {},
    timeoutSeconds: 30,
    memorySize: 128,
    reservedConcurrency: CONCURRENCY,
    ...subject.fn,
  };
  return new LambdaRuntime(new Map([[ARN, fn]]), { lambdaMode: subject.mode, onLog: () => {} });
}

async function invokeOk(runtime: LambdaRuntime): Promise<void> {
  const result = await runtime.invoke(ARN, {});
  if (result.kind !== 'ok') throw new Error(`invocation failed: ${JSON.stringify(result)}`);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function measure(subject: Subject) {
  const warmCalls = Math.max(10, Math.round(WARM_CALLS * (subject.scale ?? 1)));
  const throughputCalls = Math.max(20, Math.round(THROUGHPUT_CALLS * (subject.scale ?? 1)));
  const cold: number[] = [];
  for (let run = 0; run < COLD_RUNS; run++) {
    const runtime = runtimeFor(subject);
    const started = performance.now();
    await invokeOk(runtime);
    cold.push(performance.now() - started);
    await runtime.close();
  }
  const runtime = runtimeFor(subject);
  await invokeOk(runtime);
  const warm: number[] = [];
  for (let call = 0; call < warmCalls; call++) {
    const started = performance.now();
    await invokeOk(runtime);
    warm.push(performance.now() - started);
  }
  await runtime.warm();
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next++ < throughputCalls) await invokeOk(runtime);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await runtime.close();
  return { cold: median(cold), warm: median(warm), perSecond: throughputCalls / seconds, warmCalls, throughputCalls };
}

async function main(): Promise<void> {
  const lines = [
    `Machine: ${os.cpus().length} cores, Node ${process.version}${quick ? ' (quick)' : ''}`,
    '',
    `| Runtime path | cold start, ms (median of ${COLD_RUNS}) | warm invoke, ms (median) | invocations/s (${CONCURRENCY} in flight) | calls (warm / throughput) |`,
    '|---|---:|---:|---:|---:|',
  ];
  for (const subject of SUBJECTS) {
    const result = await measure(subject);
    lines.push(
      `| ${subject.name} | ${result.cold.toFixed(1)} | ${result.warm.toFixed(2)} | ${Math.round(result.perSecond)} | ${result.warmCalls} / ${result.throughputCalls} |`,
    );
    console.error(`measured ${subject.name}`);
  }
  console.log(lines.join('\n'));
}

void main();
