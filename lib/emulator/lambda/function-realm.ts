/**
 * The JavaScript world of one in-thread environment: a `vm` context with the globals Node gives a module
 * (timers, `Buffer`, `fetch`, `URL`, ...), a `process` whose `env` is the function's own, a `console` that
 * writes Lambda's log lines, and its own CommonJS modules (realm-modules.ts). The context keeps its own
 * microtask queue (`microtaskMode: 'afterEvaluate'`), so the handler's promise jobs run inside `evaluate`
 * calls and never in the host's queue, where stopping an endless loop would also drop the host's own jobs.
 */
import { Console } from 'node:console';
import { Writable } from 'node:stream';
import * as util from 'node:util';
import * as vm from 'node:vm';
import { CONSOLE_LEVELS } from './invocation-settlement.js';
import { RealmModules } from './realm-modules';

/** Host globals a Node.js module expects (vm contexts have only the language's own). */
const HOST_GLOBALS = [
  'Buffer',
  'URL',
  'URLSearchParams',
  'TextEncoder',
  'TextDecoder',
  'AbortController',
  'AbortSignal',
  'Event',
  'EventTarget',
  'MessageChannel',
  'MessagePort',
  'MessageEvent',
  'BroadcastChannel',
  'Blob',
  'File',
  'FormData',
  'Headers',
  'Request',
  'Response',
  'fetch',
  'structuredClone',
  'atob',
  'btoa',
  'performance',
  'crypto',
  'ReadableStream',
  'WritableStream',
  'TransformStream',
  'TextEncoderStream',
  'TextDecoderStream',
  'CompressionStream',
  'DecompressionStream',
  'DOMException',
  // The host's, so that a `Buffer` (a host Uint8Array) passes `instanceof Uint8Array` in the handler's code.
  'ArrayBuffer',
  'Uint8Array',
] as const;

export type ConsoleLevel = 'INFO' | 'WARN' | 'ERROR' | 'DEBUG' | 'TRACE';

export interface FunctionRealmOptions {
  /** The function's whole `process.env`. */
  readonly env: Readonly<Record<string, string>>;
  /** One console call, already formatted. */
  readonly onConsole: (level: ConsoleLevel, text: string) => void;
  /** Runs a timer's callback as the environment runs its tasks (inside `evaluate`, where a stuck loop can be stopped). */
  readonly deliver: (task: () => void) => void;
  /** `process.exit(code)` in the handler: the environment ends, the host does not. */
  readonly onExit: (code: number) => void;
}

/** Thrown out of the handler by `process.exit()`: the code after it must not run. */
export class ProcessExit extends Error {
  constructor(readonly code: number) {
    super(`process.exit(${code})`);
    this.name = 'ProcessExit';
  }
}

type Driver = (
  handler: (...args: unknown[]) => unknown,
  eventJson: string,
  context: object,
  done: (error: unknown, result?: unknown) => void,
  isSettled: () => boolean,
) => void;

/** The one script every evaluation runs: it calls the task the host put in the context's slot. */
const RUN_TASK = new vm.Script('__porticoTask()', { filename: 'portico:in-thread' });

export class FunctionRealm {
  readonly context: vm.Context;
  readonly modules: RealmModules;
  /** Calls the handler as the runtime does, in the context's realm (its JSON, its promises). */
  readonly drive: Driver;
  private readonly errorType: ErrorConstructor;
  private readonly objectType: ObjectConstructor;
  private readonly promiseType: PromiseConstructor;
  private readonly timers = new Set<NodeJS.Timeout | NodeJS.Immediate>();
  private task?: () => void;
  private disposed = false;

  constructor(private readonly options: FunctionRealmOptions) {
    const sandbox: Record<string, unknown> = {};
    for (const name of HOST_GLOBALS) {
      const value = (globalThis as Record<string, unknown>)[name];
      if (value !== undefined) sandbox[name] = value;
    }
    Object.assign(sandbox, this.timerGlobals(), { console: this.console(), process: this.process() });
    Object.defineProperty(sandbox, '__porticoTask', { value: () => this.task?.(), enumerable: false });
    this.context = vm.createContext(sandbox, { name: 'portico in-thread environment', microtaskMode: 'afterEvaluate' });
    const realmGlobal = vm.runInContext('globalThis', this.context) as Record<string, unknown>;
    realmGlobal.global = realmGlobal;
    realmGlobal.queueMicrotask = vm.runInContext(
      '(callback) => { Promise.resolve().then(() => callback()); }',
      this.context,
    );
    this.errorType = realmGlobal.Error as ErrorConstructor;
    this.objectType = realmGlobal.Object as ObjectConstructor;
    this.promiseType = realmGlobal.Promise as PromiseConstructor;
    this.drive = vm.runInContext(DRIVER_SOURCE, this.context, { filename: 'portico:in-thread-driver' }) as Driver;
    this.modules = new RealmModules(this.context, sandbox.process as object, options.env.NODE_PATH);
  }

  /** Runs `task` and then the context's microtasks (the jobs the handler's promises queued). */
  evaluate(task: () => void): void {
    this.task = task;
    try {
      RUN_TASK.runInContext(this.context);
    } finally {
      this.task = undefined;
    }
  }

  /** True when `value` was made by this realm's code (an error it threw, a promise it created). */
  owns(value: unknown): boolean {
    return value instanceof this.errorType || value instanceof this.promiseType || value instanceof this.objectType;
  }

  /** Clears the handler's timers; the context itself goes with its last reference. */
  dispose(): void {
    this.disposed = true;
    for (const timer of this.timers) {
      clearTimeout(timer as NodeJS.Timeout);
      clearImmediate(timer as NodeJS.Immediate);
    }
    this.timers.clear();
  }

  private console(): Console {
    const lines = (level: ConsoleLevel) =>
      new Writable({
        write: (chunk: Buffer, _encoding, callback) => {
          this.options.onConsole(level, chunk.toString().replace(/\n$/, ''));
          callback();
        },
      });
    // A whole Console for its other methods (table, time, count, ...); the runtime's six levels are direct.
    const realmConsole = new Console({ stdout: lines('INFO'), stderr: lines('ERROR') });
    // The same method-to-level table the worker thread uses.
    for (const [method, level] of CONSOLE_LEVELS) {
      (realmConsole as unknown as Record<string, unknown>)[method] = (...args: unknown[]) =>
        this.options.onConsole(level as ConsoleLevel, util.format(...args));
    }
    return realmConsole;
  }

  private process(): NodeJS.Process {
    const realmProcess = Object.create(process) as NodeJS.Process & Record<string, unknown>;
    // Its own listeners: `process.on(...)` in a handler must not add to the host's.
    Object.assign(realmProcess, { _events: Object.create(null), _eventsCount: 0, _maxListeners: undefined });
    realmProcess.env = { ...this.options.env };
    realmProcess.exit = ((code?: number) => {
      const exitCode = typeof code === 'number' ? code : 0;
      this.options.onExit(exitCode);
      throw new ProcessExit(exitCode);
    }) as NodeJS.Process['exit'];
    return realmProcess;
  }

  private timerGlobals(): Record<string, unknown> {
    const later = (callback: unknown, args: unknown[], clear: () => void) => () => {
      clear();
      if (this.disposed || typeof callback !== 'function') return;
      this.options.deliver(() => callback(...args));
    };
    return {
      setTimeout: (callback: unknown, ms?: number, ...args: unknown[]) => {
        const timer: NodeJS.Timeout = setTimeout(
          later(callback, args, () => this.timers.delete(timer)),
          ms,
        ).unref();
        this.timers.add(timer);
        return timer;
      },
      setInterval: (callback: unknown, ms?: number, ...args: unknown[]) => {
        const timer = setInterval(
          later(callback, args, () => undefined),
          ms,
        ).unref();
        this.timers.add(timer);
        return timer;
      },
      setImmediate: (callback: unknown, ...args: unknown[]) => {
        const timer: NodeJS.Immediate = setImmediate(later(callback, args, () => this.timers.delete(timer))).unref();
        this.timers.add(timer);
        return timer;
      },
      clearTimeout: (timer: NodeJS.Timeout | undefined) => this.clear(timer),
      clearInterval: (timer: NodeJS.Timeout | undefined) => this.clear(timer),
      clearImmediate: (timer: NodeJS.Immediate | undefined) => {
        if (timer === undefined) return;
        this.timers.delete(timer);
        clearImmediate(timer);
      },
    };
  }

  private clear(timer: NodeJS.Timeout | undefined): void {
    if (timer === undefined) return;
    this.timers.delete(timer);
    clearTimeout(timer);
  }
}

// Compiled in the context: the event is parsed by the realm's JSON, and the handler's promise is followed by
// the realm's own jobs, which `evaluate` runs before it returns.
const DRIVER_SOURCE = `(function drive(handler, eventJson, context, done, isSettled) {
  let returned;
  try {
    returned = handler(JSON.parse(eventJson), context, done);
  } catch (error) {
    done(error);
    return;
  }
  if (returned && typeof returned.then === 'function') {
    returned.then((result) => done(null, result), (error) => done(error ?? 'handled'));
  } else if (handler.length < 3 && !isSettled()) {
    // A synchronous handler without a callback: Lambda answers null once the event loop drains.
    done(null, null);
  }
})`;
