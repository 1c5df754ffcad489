import { breakdown, breakdownTable, parsePerfScript, shareOf } from '../bench/perf-breakdown';

// Samples in the shape `perf script -F tid,pid,period,ip,sym,dso` prints them (trimmed stacks of a real run):
// the sampled frame first, JIT frames named from node --perf-basic-prof's map file.
const PERF_SCRIPT = [
  ' 5508/5508      500000 ',
  '\t          e2b7da v8::internal::JsonParser<unsigned char>::BuildJsonObject (/usr/bin/node)',
  '\t    7fd0e293444b JS:*drive portico:in-thread-driver:1:16+0x10b (/tmp/perf-5508.map)',
  '\t    7fd0e2938f2a JS:* /work/main/lib/emulator/lambda/function-realm.ts:2:2555+0x16a (/tmp/perf-5508.map)',
  '\t    7fd0e293982a JS:* /work/main/lib/emulator/lambda/in-thread-environment.ts:2:2788+0x72a (/tmp/perf-5508.map)',
  '',
  ' 5508/5508      500000 ',
  '\tffffffff8112a0c4 pvm_irq_enable ([kernel.kallsyms])',
  '\tffffffff81c01234 sock_def_readable ([kernel.kallsyms])',
  '\t          b0c01d __GI___writev (/usr/lib/x86_64-linux-gnu/libc.so.6)',
  '\t    7fd0e2921111 JS:*clearBuffer node:internal/streams/writable:744:21 (/tmp/perf-5508.map)',
  '',
  ' 5508/5508      500000 ',
  '\t          d1d1d1 Builtins_StringAdd_CheckNone (/usr/bin/node)',
  '\t    7fd0e2922222 JS:*invoke /work/main/lib/emulator/lambda/runtime.ts:2:2485 (/tmp/perf-5508.map)',
  '\t    7fd0e2923333 JS:*handleRequest /work/main/lib/emulator/server.ts:7:449 (/tmp/perf-5508.map)',
  '',
  ' 5508/5508      500000 ',
  '\t    7fd0e2924444 JS:*buildProxyEventV1 /work/main/lib/emulator/rest/events-v1.ts:2:1222 (/tmp/perf-5508.map)',
  '',
  ' 5508/5508      500000 ',
  '\t          a1a1a1 v8::internal::Scavenger::ScavengeObject<v8::internal::FullHeapObjectSlot> (/usr/bin/node)',
  '\t    7fd0e2924444 JS:*buildProxyEventV1 /work/main/lib/emulator/rest/events-v1.ts:2:1222 (/tmp/perf-5508.map)',
  '',
  ' 5508/5508      500000 ',
  '\t          c1c1c1 uv__io_poll (/usr/bin/node)',
  '',
  ' 5508/5512      500000 ',
  '\t          a1a1a1 v8::internal::ScavengerCollector::JobTask::Run (/usr/bin/node)',
  '',
  ' 5508/5513      250000 ',
  '\t          c2c2c2 node::worker::Worker::Run (/usr/bin/node)',
  '',
].join('\n');

describe('perf breakdown', () => {
  const samples = parsePerfScript(PERF_SCRIPT);

  test('reads every sample with its thread, period and frames', () => {
    expect(samples).toHaveLength(8);
    expect(samples.map((sample) => sample.mainThread)).toEqual([true, true, true, true, true, true, false, false]);
    expect(samples[7]?.period).toBe(250000);
    expect(samples[0]?.frames).toHaveLength(4);
  });

  test('gives each main-thread sample to its nearest owner', () => {
    expect(samples.slice(0, 6).map(shareOf)).toEqual([
      'function realm: event parse, handler, vm entry',
      'kernel: sockets, scheduling',
      'Portico Lambda runtime: pool, event JSON, MessagePort',
      'Portico gateway: server, routing, pipeline, log',
      'garbage collection',
      'native, no JavaScript frame (libuv, V8)',
    ]);
  });

  test('turns periods into microseconds per request, other threads apart', () => {
    const result = breakdown(samples, 100);
    // 500,000 ns per sample over 100 requests: 5 µs per request each.
    expect(result.main.get('kernel: sockets, scheduling')).toBeCloseTo(5);
    expect(result.main.get('Node.js: HTTP, streams, timers')).toBe(0);
    expect(result.otherThreads).toBeCloseTo(7.5);
    expect(result.otherThreadsGc).toBeCloseTo(5);
  });

  test('prints one column per run, leaving out shares no run has', () => {
    const table = breakdownTable([
      { name: 'bare', samples: samples.slice(1, 2), requests: 100 },
      { name: 'plain', samples, requests: 100 },
    ]);
    expect(table).toContain('| µs of CPU per request | bare | plain |');
    expect(table).toContain('| kernel: sockets, scheduling | 5.0 | 5.0 |');
    expect(table).toContain('| **main thread** | **5.0** | **30.0** |');
    expect(table).not.toContain('Node.js: HTTP');
  });
});
