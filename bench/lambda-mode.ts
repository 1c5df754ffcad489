/**
 * How the bench's emulator targets run Node.js handlers: BENCH_LAMBDA_MODE=worker|in-thread. The throughput
 * section measures both side by side whatever this says; the scaling, memory and in-process sections use it.
 * Default `in-thread`: the fast path issue 15's targets are about (docs/decisions/0025-in-thread-environments.md).
 */
import type { LambdaMode } from '../lib/emulator/lambda/process-pool';

export function benchLambdaMode(): Extract<LambdaMode, 'worker' | 'in-thread'> {
  const mode = process.env.BENCH_LAMBDA_MODE ?? 'in-thread';
  if (mode !== 'worker' && mode !== 'in-thread')
    throw new Error(`BENCH_LAMBDA_MODE must be worker or in-thread, got ${mode}`);
  return mode;
}
