/**
 * Where a server's CPU time goes per request, from Linux `perf`, kernel included: a V8 `.cpuprofile` sees
 * only JavaScript, so it cannot say how much of a request is the socket, the HTTP parser or the collector.
 *
 *   node --perf-basic-prof ... &                               # the server, JIT frames named in /tmp/perf-PID.map
 *   perf record -F 1999 -g -p PID -o out.data -- sleep 4       # while autocannon loads it
 *   perf script -F tid,pid,period,ip,sym,dso -i out.data > out.txt
 *   tsx bench/perf-breakdown.ts out.txt <requests served while perf recorded>
 *
 * Each sample of the main thread goes to one share: the collector when a GC frame is on its stack, the kernel
 * when it was sampled there, else the nearest owner walking from the sampled frame toward the root (the
 * function's `vm` realm, Portico's Lambda runtime, the rest of Portico, Node's own JavaScript), else native.
 */
import { readFileSync } from 'node:fs';

export interface PerfSample {
  /** The process id equals the thread id on the main thread. */
  readonly mainThread: boolean;
  /** Nanoseconds of CPU this sample stands for. */
  readonly period: number;
  /** Symbols, the sampled frame first. */
  readonly frames: readonly string[];
}

/** The shares, in the order the table prints them. */
export const SHARES = [
  'kernel: sockets, scheduling',
  'garbage collection',
  'Node.js: HTTP, streams, timers',
  'function realm: event parse, handler, vm entry',
  'Portico Lambda runtime: pool, event JSON, MessagePort',
  'Portico gateway: server, routing, pipeline, log',
  'native, no JavaScript frame (libuv, V8)',
  'bench target code',
] as const;
export type Share = (typeof SHARES)[number];

const GC = /v8::internal::(Heap::|Scavenge|MarkCompact|MinorMarkSweep|ConcurrentMarking|IncrementalMarking|Sweeper)/;
const REALM = /function-realm\.ts|portico:in-thread-driver|ContextifyScript::RunInContext/;
const LAMBDA_RUNTIME = /\/lib\/emulator\/lambda\/|node:internal\/per_context\/messageport/;

export function shareOf(sample: PerfSample): Share {
  const { frames } = sample;
  if (frames.some((frame) => GC.test(frame))) return 'garbage collection';
  if (frames[0]?.includes('[kernel')) return 'kernel: sockets, scheduling';
  for (const frame of frames) {
    if (REALM.test(frame)) return 'function realm: event parse, handler, vm entry';
    if (!frame.includes('JS:')) continue;
    if (LAMBDA_RUNTIME.test(frame)) return 'Portico Lambda runtime: pool, event JSON, MessagePort';
    if (frame.includes('/lib/')) return 'Portico gateway: server, routing, pipeline, log';
    if (frame.includes('/bench/')) return 'bench target code';
    return 'Node.js: HTTP, streams, timers';
  }
  return 'native, no JavaScript frame (libuv, V8)';
}

/** Reads `perf script -F tid,pid,period,ip,sym,dso` output: a header line per sample, then one tab-indented line per frame. */
export function parsePerfScript(text: string): PerfSample[] {
  const samples: PerfSample[] = [];
  let header: { mainThread: boolean; period: number } | undefined;
  let frames: string[] = [];
  const flush = () => {
    if (header) samples.push({ ...header, frames });
    header = undefined;
    frames = [];
  };
  for (const line of text.split('\n')) {
    if (line.trim() === '') {
      flush();
      continue;
    }
    if (line.startsWith('\t')) {
      frames.push(line.trim());
      continue;
    }
    flush();
    const match = /^\s*(\d+)\/(\d+)\s+(\d+)/.exec(line);
    if (match) header = { mainThread: match[1] === match[2], period: Number(match[3]) };
  }
  flush();
  return samples;
}

/** Microseconds of CPU per request in each share of the main thread, and on the process's other threads. */
export function breakdown(
  samples: readonly PerfSample[],
  requests: number,
): { readonly main: ReadonlyMap<Share, number>; readonly otherThreads: number; readonly otherThreadsGc: number } {
  const main = new Map<Share, number>(SHARES.map((share) => [share, 0]));
  let otherThreads = 0;
  let otherThreadsGc = 0;
  const perRequest = (period: number) => period / 1000 / requests;
  for (const sample of samples) {
    if (sample.mainThread) {
      const share = shareOf(sample);
      main.set(share, (main.get(share) ?? 0) + perRequest(sample.period));
    } else {
      otherThreads += perRequest(sample.period);
      if (sample.frames.some((frame) => GC.test(frame))) otherThreadsGc += perRequest(sample.period);
    }
  }
  return { main, otherThreads, otherThreadsGc };
}

export function breakdownTable(
  columns: ReadonlyArray<{ name: string; samples: PerfSample[]; requests: number }>,
): string {
  const results = columns.map((column) => breakdown(column.samples, column.requests));
  const cell = (value: number) => value.toFixed(1);
  const rows = SHARES.filter((share) => results.some((result) => (result.main.get(share) ?? 0) >= 0.05)).map(
    (share) => `| ${share} | ${results.map((result) => cell(result.main.get(share) ?? 0)).join(' | ')} |`,
  );
  const total = (result: (typeof results)[number]) => [...result.main.values()].reduce((sum, value) => sum + value, 0);
  return [
    `| µs of CPU per request | ${columns.map((column) => column.name).join(' | ')} |`,
    `|---|${columns.map(() => '---:').join('|')}|`,
    ...rows,
    `| **main thread** | ${results.map((result) => `**${cell(total(result))}**`).join(' | ')} |`,
    `| other threads (of which GC) | ${results.map((result) => `${cell(result.otherThreads)} (${cell(result.otherThreadsGc)})`).join(' | ')} |`,
  ].join('\n');
}

if (require.main === module) {
  const args = process.argv.slice(2);
  if (args.length === 0 || args.length % 2 !== 0) {
    console.error('usage: tsx bench/perf-breakdown.ts <perf-script.txt> <requests> [<perf-script.txt> <requests> ...]');
    process.exit(2);
  }
  const columns = [];
  for (let i = 0; i < args.length; i += 2) {
    const file = args[i]!;
    columns.push({
      name: file.replace(/^.*\//, '').replace(/\.txt$/, ''),
      samples: parsePerfScript(readFileSync(file, 'utf8')),
      requests: Number(args[i + 1]),
    });
  }
  console.log(breakdownTable(columns));
}
