/**
 * Execution environments per function as the dashboard shows them: invocations, errors, timeouts, cold
 * starts and the last lines each function logged. Read from the invocations themselves (see
 * observing-invoker.ts), so the Lambda runtime needs no hooks.
 */
import { RingBuffer } from './ring-buffer';

const LOG_LINES_KEPT = 50;

export interface FunctionStatistics {
  readonly functionName: string;
  /** Environments started so far and still alive (started on demand, up to the pool size). */
  readonly environments: number;
  /** Invocations running now. */
  readonly inFlight: number;
  readonly invocations: number;
  readonly coldStarts: number;
  readonly errors: number;
  readonly timeouts: number;
  /** Invocations that could not run (unsupported runtime, missing asset). */
  readonly unavailable: number;
  readonly lastDurationMs?: number;
  /** The newest console lines, oldest first. */
  readonly lastLogLines: readonly string[];
}

interface Tally {
  environments: number;
  inFlight: number;
  invocations: number;
  coldStarts: number;
  errors: number;
  timeouts: number;
  unavailable: number;
  lastDurationMs?: number;
  readonly logs: RingBuffer<string>;
}

export type InvocationEnd = 'ok' | 'error' | 'timeout' | 'unavailable';

export class FunctionStats {
  private readonly byName = new Map<string, Tally>();

  constructor(private readonly poolSize: number) {}

  /** An invocation starts; true when it needs a new environment (a cold start). */
  start(functionName: string): boolean {
    const tally = this.tally(functionName);
    tally.invocations += 1;
    tally.inFlight += 1;
    // The pool starts an environment only when none is idle and it is below its size (lambda/environment-pool.ts).
    const cold = tally.inFlight > tally.environments && tally.environments < this.poolSize;
    if (cold) {
      tally.environments += 1;
      tally.coldStarts += 1;
    }
    return cold;
  }

  end(functionName: string, outcome: InvocationEnd, durationMs: number | undefined, cold: boolean): void {
    const tally = this.tally(functionName);
    tally.inFlight = Math.max(0, tally.inFlight - 1);
    if (durationMs !== undefined) tally.lastDurationMs = durationMs;
    if (outcome === 'error') tally.errors += 1;
    // A timed-out worker is replaced (its environment is gone); an environment that never started is not counted.
    if (outcome === 'timeout') {
      tally.timeouts += 1;
      tally.environments = Math.max(0, tally.environments - 1);
    }
    if (outcome === 'unavailable') {
      tally.unavailable += 1;
      if (cold) tally.environments = Math.max(0, tally.environments - 1);
    }
  }

  log(functionName: string, line: string): void {
    this.tally(functionName).logs.push(line);
  }

  snapshot(): FunctionStatistics[] {
    return [...this.byName].map(([functionName, { logs, ...counts }]) => ({
      functionName,
      ...counts,
      lastLogLines: logs.newestFirst().reverse(),
    }));
  }

  private tally(functionName: string): Tally {
    let tally = this.byName.get(functionName);
    if (!tally) {
      tally = {
        environments: 0,
        inFlight: 0,
        invocations: 0,
        coldStarts: 0,
        errors: 0,
        timeouts: 0,
        unavailable: 0,
        logs: new RingBuffer(LOG_LINES_KEPT),
      };
      this.byName.set(functionName, tally);
    }
    return tally;
  }
}
