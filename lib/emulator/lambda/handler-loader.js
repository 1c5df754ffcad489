// How the Node.js Lambda runtime finds a handler (`dir/module.export.path` under the task root), with its error
// types. Shared by the worker-thread environment (worker.js) and the Runtime API bootstrap
// (runtimes/nodejs/bootstrap.js), so both paths resolve handlers by the same rules. Plain CommonJS: both load it
// by path, uncompiled. See "Define Lambda function handler in Node.js" in the AWS Lambda Developer Guide.

const fs = require('node:fs');
const path = require('node:path');
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

/** @param {string} file */
const importFile = (file) => import(pathToFileURL(file).href);

/**
 * The runtime's lookup order: extensionless, `.js` (ESM when package.json says `"type": "module"`),
 * `.mjs`, `.cjs`.
 * @param {string} base  absolute path without extension
 * @param {string} moduleName  as written in the handler, for the error message
 * @returns {Promise<unknown>}
 */
async function loadModule(base, moduleName) {
  if (isFile(base)) return require(base);
  if (isFile(`${base}.js`)) return isTypeModule(path.dirname(base)) ? importFile(`${base}.js`) : require(`${base}.js`);
  if (isFile(`${base}.mjs`)) return importFile(`${base}.mjs`);
  if (isFile(`${base}.cjs`)) return require(`${base}.cjs`);
  throw runtimeError('ImportModuleError', `Error: Cannot find module '${moduleName}'`);
}

/**
 * Resolves `dir/module.export.path` against the task root, with the runtime's error types.
 * @param {string} taskRoot
 * @param {string} fullHandler  the function's `Handler`
 * @returns {Promise<Function>}
 */
async function loadHandler(taskRoot, fullHandler) {
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
  const moduleName = moduleAndHandler.slice(0, dot);
  let userModule;
  try {
    userModule = await loadModule(path.resolve(taskRoot, moduleRoot, moduleName), moduleRoot + moduleName);
  } catch (error) {
    if (error instanceof SyntaxError) throw runtimeError('UserCodeSyntaxError', String(error));
    const code = /** @type {{ code?: string }} */ (error).code;
    if (code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND') {
      throw runtimeError('ImportModuleError', String(error));
    }
    throw error;
  }
  const handler = moduleAndHandler
    .slice(dot + 1)
    .split('.')
    .reduce((/** @type {any} */ scope, key) => scope?.[key], userModule);
  if (!handler) throw runtimeError('HandlerNotFound', `${fullHandler} is undefined or not exported`);
  if (typeof handler !== 'function') throw runtimeError('HandlerNotFound', `${fullHandler} is not a function`);
  return handler;
}

module.exports = { loadHandler, runtimeError };
