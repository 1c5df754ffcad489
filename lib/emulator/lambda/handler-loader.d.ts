// Types of handler-loader.js (plain CommonJS, shared with the worker thread and the Node.js bootstrap).
export interface ModuleLoader {
  require(file: string): unknown;
  importFile(file: string): Promise<unknown>;
}
export function loadHandler(
  taskRoot: string,
  fullHandler: string,
  loader?: ModuleLoader,
): Promise<(...args: unknown[]) => unknown>;
export function isEsmHandler(taskRoot: string, fullHandler: string): boolean;
export function runtimeError(name: string, message: string): Error;
