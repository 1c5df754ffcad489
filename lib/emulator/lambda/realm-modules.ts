/**
 * CommonJS inside one in-thread environment's `vm` context: every file the handler requires is compiled in
 * that context and cached per context, so module state lives and dies with the environment, as it does in a
 * Lambda execution environment. Resolution is Node's own (`createRequire`), then the runtime's `NODE_PATH`
 * (the SDK the runtime ships, see sdk-resolution.ts). Node's built-in modules are the host's, except `process`.
 * ES modules cannot load here (the runtime routes ESM handlers to worker threads).
 */
import * as fs from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';

interface RealmModule {
  exports: unknown;
  readonly id: string;
  readonly filename: string;
  readonly path: string;
  loaded: boolean;
  readonly children: RealmModule[];
  readonly paths: string[];
  require?: RealmRequire;
}

export interface RealmRequire {
  (request: string): unknown;
  resolve: (request: string) => string;
  cache: Record<string, RealmModule>;
  main: RealmModule | undefined;
}

const WRAPPER_PARAMETERS = ['exports', 'require', 'module', '__filename', '__dirname'];

export class RealmModules {
  private readonly cache: Record<string, RealmModule> = Object.create(null);
  private readonly nodePathBases: string[];
  private readonly parseJson: (text: string) => unknown;
  private main?: RealmModule;

  constructor(
    private readonly context: vm.Context,
    /** The environment's `process` object, returned for `require('process')`. */
    private readonly processObject: object,
    /** The function's `NODE_PATH` (directories named `node_modules`). */
    nodePath: string | undefined,
  ) {
    // A `node_modules` directory is searched by resolving from its parent.
    this.nodePathBases = (nodePath ?? '')
      .split(path.delimiter)
      .filter((dir) => dir !== '')
      .map((dir) => path.join(path.basename(dir) === 'node_modules' ? path.dirname(dir) : dir, 'index.js'));
    this.parseJson = vm.runInContext('JSON.parse', context) as (text: string) => unknown;
  }

  /** Loads `file` (absolute) as the main module, or returns it from the cache. */
  load(file: string): unknown {
    return this.loadFile(file, undefined);
  }

  private loadFile(filename: string, parent: RealmModule | undefined): unknown {
    const cached = this.cache[filename];
    if (cached) return cached.exports;
    const module: RealmModule = {
      exports: vm.runInContext('({})', this.context),
      id: parent ? filename : '.',
      filename,
      path: path.dirname(filename),
      loaded: false,
      children: [],
      paths: nodeModulePaths(path.dirname(filename)),
    };
    if (!parent) this.main ??= module;
    parent?.children.push(module);
    this.cache[filename] = module;
    try {
      if (filename.endsWith('.json')) module.exports = this.parseJson(fs.readFileSync(filename, 'utf8'));
      // Native addons have no realm of their own: the host loads them.
      else if (filename.endsWith('.node')) module.exports = createRequire(filename)(filename);
      else this.compile(module);
    } catch (error) {
      delete this.cache[filename];
      throw error;
    }
    module.loaded = true;
    return module.exports;
  }

  private compile(module: RealmModule): void {
    const source = fs.readFileSync(module.filename, 'utf8');
    const wrapper = vm.compileFunction(stripShebang(source), WRAPPER_PARAMETERS, {
      filename: module.filename,
      parsingContext: this.context,
    });
    const require = this.requireFor(module);
    module.require = require;
    wrapper.call(module.exports, module.exports, require, module, module.filename, module.path);
  }

  private requireFor(module: RealmModule): RealmRequire {
    const resolve = (request: string): string => this.resolve(request, module.filename);
    const require = ((request: string): unknown => {
      if (typeof request !== 'string' || request === '') {
        throw new TypeError(`The "id" argument must be a non-empty string. Received ${String(request)}`);
      }
      if (isBuiltin(request)) return this.builtin(request);
      return this.loadFile(resolve(request), module);
    }) as RealmRequire;
    require.resolve = resolve;
    require.cache = this.cache;
    require.main = this.main;
    return require;
  }

  private builtin(request: string): unknown {
    const name = request.startsWith('node:') ? request.slice(5) : request;
    if (name === 'process') return this.processObject;
    return createRequire(__filename)(request);
  }

  private resolve(request: string, parentFile: string): string {
    try {
      return createRequire(parentFile).resolve(request);
    } catch (error) {
      const bare = !request.startsWith('.') && !path.isAbsolute(request);
      if (!bare || (error as { code?: string }).code !== 'MODULE_NOT_FOUND') throw error;
      for (const base of this.nodePathBases) {
        try {
          return createRequire(base).resolve(request);
        } catch {
          // try the next directory
        }
      }
      throw error;
    }
  }
}

function stripShebang(source: string): string {
  return source.startsWith('#!') ? `//${source.slice(2)}` : source;
}

function nodeModulePaths(directory: string): string[] {
  const paths: string[] = [];
  for (let dir = directory; ; dir = path.dirname(dir)) {
    if (path.basename(dir) !== 'node_modules') paths.push(path.join(dir, 'node_modules'));
    if (path.dirname(dir) === dir) return paths;
  }
}
