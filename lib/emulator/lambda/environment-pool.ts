/**
 * The execution environments of one function: started on demand up to a fixed size, one invocation
 * each at a time, the rest waiting in arrival order (first in, first out).
 */
import type { RunOutcome } from './execution-environment';
// Worker threads and child processes alike (see lambda-environment.ts).
import type { LambdaEnvironment as ExecutionEnvironment } from './lambda-environment';

export interface PoolInvocation {
  readonly requestId: string;
  readonly eventJson: string;
  readonly invokedFunctionArn: string;
  /** The function's own timeout; its clock starts when an environment takes the invocation. */
  readonly timeoutMs: number;
  /** Epoch milliseconds set by the caller; it also counts time spent waiting for an environment. */
  readonly callerDeadlineAt?: number;
}

interface Waiting {
  readonly invocation: PoolInvocation;
  readonly resolve: (outcome: RunOutcome) => void;
  readonly expiry?: NodeJS.Timeout;
}

export type EnvironmentFactory = (onRetired: (environment: ExecutionEnvironment) => void) => ExecutionEnvironment;

export class EnvironmentPool {
  private readonly environments = new Set<ExecutionEnvironment>();
  private readonly waiting: Waiting[] = [];
  private closed = false;

  constructor(
    private readonly createEnvironment: EnvironmentFactory,
    private readonly size: number,
  ) {}

  run(invocation: PoolInvocation): Promise<RunOutcome> {
    if (this.closed) return Promise.resolve({ kind: 'unavailable', reason: 'The Lambda runtime was closed' });
    return new Promise((resolve) => {
      const { callerDeadlineAt } = invocation;
      // A free environment takes the invocation at once: no waiting-deadline timer to set and clear.
      const environment = this.waiting.length === 0 ? this.availableEnvironment() : undefined;
      if (environment) {
        this.start(environment, { invocation, resolve });
        return;
      }
      const entry: Waiting = {
        invocation,
        resolve,
        expiry: callerDeadlineAt === undefined ? undefined : this.expireAt(callerDeadlineAt, () => entry),
      };
      this.waiting.push(entry);
      this.dispatch();
    });
  }

  /** Starts every environment the pool may hold and loads the handler in each. */
  async warm(): Promise<void> {
    while (!this.closed && this.environments.size < this.size) this.create();
    await Promise.all([...this.environments].map((environment) => environment.initialize()));
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const entry of this.waiting.splice(0)) {
      clearTimeout(entry.expiry);
      entry.resolve({ kind: 'unavailable', reason: 'The Lambda runtime was closed' });
    }
    await Promise.all([...this.environments].map((environment) => environment.terminate()));
  }

  private dispatch(): void {
    while (this.waiting.length > 0) {
      const environment = this.availableEnvironment();
      if (!environment) return;
      const entry = this.waiting.shift()!;
      clearTimeout(entry.expiry);
      this.start(environment, entry);
    }
  }

  /** An idle environment, or a new one while the pool is below its size. */
  private availableEnvironment(): ExecutionEnvironment | undefined {
    return this.idleEnvironment() ?? (this.environments.size < this.size ? this.create() : undefined);
  }

  private start(environment: ExecutionEnvironment, entry: Pick<Waiting, 'invocation' | 'resolve'>): void {
    const { invocation } = entry;
    const deadlineAt = Math.min(Date.now() + invocation.timeoutMs, invocation.callerDeadlineAt ?? Infinity);
    environment
      .run({
        requestId: invocation.requestId,
        eventJson: invocation.eventJson,
        invokedFunctionArn: invocation.invokedFunctionArn,
        deadlineAt,
      })
      .then((outcome) => {
        entry.resolve(outcome);
        this.dispatch();
      });
  }

  private idleEnvironment(): ExecutionEnvironment | undefined {
    for (const environment of this.environments) if (environment.available) return environment;
    return undefined;
  }

  private create(): ExecutionEnvironment {
    const environment = this.createEnvironment((retired) => {
      this.environments.delete(retired);
      // A replacement starts only when someone is waiting for it (as a cold start would).
      if (!this.closed) queueMicrotask(() => this.dispatch());
    });
    this.environments.add(environment);
    return environment;
  }

  /** A caller whose deadline passes while it still waits for an environment gets a timeout. */
  private expireAt(deadlineAt: number, entry: () => Waiting): NodeJS.Timeout {
    const timer = setTimeout(
      () => {
        const index = this.waiting.indexOf(entry());
        if (index < 0) return;
        this.waiting.splice(index, 1);
        entry().resolve({ kind: 'timeout' });
      },
      Math.max(0, deadlineAt - Date.now()),
    );
    timer.unref();
    return timer;
  }
}
