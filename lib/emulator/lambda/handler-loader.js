// How the Node.js Lambda runtime finds a handler (`dir/module.export.path` under the task root), with its error
// types. Shared by the worker-thread environment (worker.js) and the Runtime API bootstrap
// (runtimes/nodejs/bootstrap.js), so both paths resolve handlers by the same rules. Plain CommonJS: both load it
// by path, uncompiled. See "Define Lambda function handler in Node.js" in the AWS Lambda Developer Guide.

const fs = require('node:fs');
const path = require('node:path');
const util = require('node:util');
const { pathToFileURL } = require('node:url');

/**
 * @param {string} name  e.g. `ImportModuleError`, reported as `Runtime.ImportModuleError`
 * @param {string} message
 */
function runtimeError(name, message) {
  const error = new Error(message);
  error.name = `Runtime.${name}`;
  return error;
}

/** @param {string} directory */
function isTypeModule(directory) {
  for (let dir = directory; ; dir = path.dirname(dir)) {
    if (path.basename(dir) === 'node_modules') return false;
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) {
      try {
        return JSON.parse(fs.readFileSync(manifest, 'utf8')).type === 'module';
      } catch {
        return false;
      }
    }
    if (path.dirname(dir) === dir) return false;
  }
}

/** @param {string} file */
const isFile = (file) => fs.statSync(file, { throwIfNoEntry: false })?.isFile() === true;

/**
 * How a module file is loaded: the host's own `require` and `import()` for worker threads and the Runtime API
 * bootstrap; a `vm` context's CommonJS loader for in-thread environments (which have no ES modules).
 * @typedef {{ require: (file: string) => unknown, importFile: (file: string) => Promise<unknown> }} ModuleLoader
 */

/** @type {ModuleLoader} */
const HOST_LOADER = { require, importFile: (file) => import(pathToFileURL(file).href) };

/**
 * The file the runtime would load for `base`, and whether it is an ES module, in the runtime's lookup order:
 * extensionless, `.js` (ESM when package.json says `"type": "module"`), `.mjs`, `.cjs`.
 * @param {string} base  absolute path without extension
 * @returns {{ file: string, esm: boolean } | undefined}
 */
function moduleFile(base) {
  if (isFile(base)) return { file: base, esm: false };
  if (isFile(`${base}.js`)) return { file: `${base}.js`, esm: isTypeModule(path.dirname(base)) };
  if (isFile(`${base}.mjs`)) return { file: `${base}.mjs`, esm: true };
  if (isFile(`${base}.cjs`)) return { file: `${base}.cjs`, esm: false };
  return undefined;
}

/**
 * @param {string} base  absolute path without extension
 * @param {string} moduleName  as written in the handler, for the error message
 * @param {ModuleLoader} loader
 * @returns {Promise<unknown>}
 */
async function loadModule(base, moduleName, loader) {
  const found = moduleFile(base);
  if (!found) throw runtimeError('ImportModuleError', `Error: Cannot find module '${moduleName}'`);
  return found.esm ? loader.importFile(found.file) : loader.require(found.file);
}

/**
 * `dir/module.export.path` split as the runtime splits it, or a MalformedHandlerName error.
 * @param {string} fullHandler
 */
function parseHandler(fullHandler) {
  if (fullHandler.includes('..')) {
    throw runtimeError(
      'MalformedHandlerName',
      `'${fullHandler}' is not a valid handler name. Use absolute paths when specifying root directories in handler names.`,
    );
  }
  const moduleAndHandler = path.basename(fullHandler);
  const moduleRoot = fullHandler.slice(0, fullHandler.length - moduleAndHandler.length);
  const dot = moduleAndHandler.indexOf('.');
  if (dot < 0) throw runtimeError('MalformedHandlerName', 'Bad handler');
  return { moduleRoot, moduleName: moduleAndHandler.slice(0, dot), exportPath: moduleAndHandler.slice(dot + 1) };
}

/**
 * True when the handler's module is an ES module (decides which environments can load it); false when it is
 * CommonJS, missing or malformed (the load itself reports those).
 * @param {string} taskRoot
 * @param {string} fullHandler
 */
function isEsmHandler(taskRoot, fullHandler) {
  try {
    const { moduleRoot, moduleName } = parseHandler(fullHandler);
    return moduleFile(path.resolve(taskRoot, moduleRoot, moduleName))?.esm === true;
  } catch {
    return false;
  }
}

/**
 * Resolves `dir/module.export.path` against the task root, with the runtime's error types.
 * @param {string} taskRoot
 * @param {string} fullHandler  the function's `Handler`
 * @param {ModuleLoader} [loader]
 * @returns {Promise<Function>}
 */
async function loadHandler(taskRoot, fullHandler, loader = HOST_LOADER) {
  const { moduleRoot, moduleName, exportPath } = parseHandler(fullHandler);
  let userModule;
  try {
    userModule = await loadModule(path.resolve(taskRoot, moduleRoot, moduleName), moduleRoot + moduleName, loader);
  } catch (error) {
    // By name, not `instanceof`: a vm context's loader throws its own realm's SyntaxError.
    if (util.types.isNativeError(error) && error.name === 'SyntaxError')
      throw runtimeError('UserCodeSyntaxError', String(error));
    const code = /** @type {{ code?: string }} */ (error).code;
    if (code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND') {
      throw runtimeError('ImportModuleError', String(error));
    }
    throw error;
  }
  const handler = exportPath.split('.').reduce((/** @type {any} */ scope, key) => scope?.[key], userModule);
  if (!handler) throw runtimeError('HandlerNotFound', `${fullHandler} is undefined or not exported`);
  if (typeof handler !== 'function') throw runtimeError('HandlerNotFound', `${fullHandler} is not a function`);
  return handler;
}

module.exports = { loadHandler, isEsmHandler, runtimeError };
