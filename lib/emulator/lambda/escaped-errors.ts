/**
 * Errors that escape an in-thread handler's own flow (a throw in an I/O callback, a rejection nobody
 * handles) surface as the host process's `uncaughtException` / `unhandledRejection`. On Lambda they end the
 * execution environment; here they must end that environment and never the gateway. While in-thread
 * environments live, these listeners hand each error to the environment whose realm made it; an error no
 * environment owns gets Node's default treatment (printed, exit code 1) unless the host has listeners of its own.
 */

import { runInThisContext } from 'node:vm';

export interface ErrorOwner {
  /** True when the value comes from this environment's code. */
  owns(value: unknown): boolean;
  /** The environment ends with this error, as the runtime ends on it. */
  escaped(error: unknown, kind: 'uncaughtException' | 'unhandledRejection'): void;
}

const owners = new Set<ErrorOwner>();

// The process of Node's own main context: under jest, `process` is the test environment's copy, whose
// listeners never hear the real process's events.
const hostProcess = runInThisContext('process') as NodeJS.Process;

function onUncaughtException(error: unknown): void {
  const owner = [...owners].find((candidate) => candidate.owns(error));
  if (owner) {
    owner.escaped(error, 'uncaughtException');
    return;
  }
  if (hostProcess.listenerCount('uncaughtException') > 1) return;
  hostProcess.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  hostProcess.exit(1);
}

function onUnhandledRejection(reason: unknown, promise: Promise<unknown>): void {
  const owner = [...owners].find((candidate) => candidate.owns(promise) || candidate.owns(reason));
  if (owner) {
    owner.escaped(reason, 'unhandledRejection');
    return;
  }
  if (hostProcess.listenerCount('unhandledRejection') > 1) return;
  // Node's default (`--unhandled-rejections=throw`) for a rejection that is not the handlers'.
  onUncaughtException(reason instanceof Error ? reason : new Error(`Unhandled promise rejection: ${String(reason)}`));
}

export function watchEscapedErrors(owner: ErrorOwner): void {
  if (owners.size === 0) {
    hostProcess.on('uncaughtException', onUncaughtException);
    hostProcess.on('unhandledRejection', onUnhandledRejection);
  }
  owners.add(owner);
}

export function unwatchEscapedErrors(owner: ErrorOwner): void {
  if (!owners.delete(owner) || owners.size > 0) return;
  hostProcess.off('uncaughtException', onUncaughtException);
  hostProcess.off('unhandledRejection', onUnhandledRejection);
}
