/**
 * How each runtime starts on the process path: the executable, its arguments, and where its layers go.
 * Lambda extracts layers into `/opt` and puts each runtime's library folder on its search path ("Layer
 * paths for each Lambda runtime" in https://docs.aws.amazon.com/lambda/latest/dg/packaging-layers.html); locally the layer directories stay where the assembly has them and the
 * same folders are put on `PYTHONPATH`, `NODE_PATH`, `PATH` and `LD_LIBRARY_PATH`.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FunctionModel } from '../model';

/** Shipped next to this file (copied into dist/ by scripts/build.mjs). */
const PYTHON_BOOTSTRAP = path.join(__dirname, 'runtimes', 'python', 'bootstrap.py');
const NODE_BOOTSTRAP = path.join(__dirname, 'runtimes', 'nodejs', 'bootstrap.js');

export interface ProcessCommand {
  readonly command: string;
  readonly args: readonly string[];
  /** Variables the runtime adds to the function's environment (search paths). */
  readonly env: Readonly<Record<string, string>>;
}

export type ProcessRuntime =
  | { readonly ok: true; readonly command: ProcessCommand; readonly warning?: string }
  | { readonly ok: false; readonly reason: string };

export function processRuntime(
  fn: FunctionModel,
  taskRoot: string,
  hostEnv: Readonly<Record<string, string>>,
): ProcessRuntime {
  const layers = fn.layers ?? [];
  const searchPath = (variable: string, folders: string[]): Record<string, string> => {
    const existing = folders.filter((folder) => fs.existsSync(folder));
    const inherited = hostEnv[variable];
    if (existing.length === 0) return {};
    return { [variable]: [...existing, ...(inherited ? [inherited] : [])].join(path.delimiter) };
  };
  const binaries = {
    ...searchPath(
      'PATH',
      layers.map((layer) => path.join(layer, 'bin')),
    ),
    ...searchPath(
      'LD_LIBRARY_PATH',
      layers.map((layer) => path.join(layer, 'lib')),
    ),
  };

  const python = /^python(3\.\d+)$/.exec(fn.runtime);
  if (python) {
    const found = findPython(python[1]);
    if (!found.executable) {
      return { ok: false, reason: `runtime ${fn.runtime} needs python${python[1]} or python3 on PATH; ${found.note}` };
    }
    const version = found.version;
    return {
      ok: true,
      // -u: unbuffered, so each print reaches the log as it happens (Lambda streams stdout too).
      command: {
        command: found.executable,
        args: ['-u', PYTHON_BOOTSTRAP],
        env: {
          ...binaries,
          ...searchPath(
            'PYTHONPATH',
            layers.flatMap((layer) => [
              path.join(layer, 'python', 'lib', `python${version}`, 'site-packages'),
              path.join(layer, 'python'),
            ]),
          ),
          // Lambda's task root is read-only: no __pycache__ is written into the asset (or the sources).
          PYTHONDONTWRITEBYTECODE: '1',
        },
      },
      ...(version === python[1]
        ? {}
        : {
            warning:
              `${fn.runtime} is not installed here; running ${fn.path} with python${version} (${found.executable}). ` +
              `Install python${python[1]} for the interpreter Lambda uses.`,
          }),
    };
  }
  if (fn.runtime.startsWith('nodejs')) {
    return {
      ok: true,
      command: {
        command: process.execPath,
        args: [NODE_BOOTSTRAP],
        env: {
          ...binaries,
          ...searchPath(
            'NODE_PATH',
            layers.map((layer) => path.join(layer, 'nodejs', 'node_modules')),
          ),
        },
      },
    };
  }
  if (fn.runtime.startsWith('provided')) {
    // Lambda runs /var/task/bootstrap, else /opt/bootstrap (a layer's): "Building a custom runtime".
    const candidates = [taskRoot, ...layers].map((dir) => path.join(dir, 'bootstrap'));
    const bootstrap = candidates.find((file) => fs.existsSync(file)) ?? candidates[0];
    return { ok: true, command: { command: bootstrap, args: [], env: binaries } };
  }
  return { ok: false, reason: `runtime ${fn.runtime} is not supported locally; nodejs*, python3.* and provided* are` };
}

interface FoundPython {
  readonly executable?: string;
  /** `3.11` */
  readonly version: string;
  readonly note: string;
}

const pythonCache = new Map<string, FoundPython>();

/**
 * The exact `python3.X` on PATH, else `python3` whatever its version (the caller warns): see
 * docs/decisions/0017-lambda-runtime-api.md for why a near version runs rather than refuses.
 */
export function findPython(version: string): FoundPython {
  const cached = pythonCache.get(version);
  if (cached) return cached;
  let found: FoundPython = { version, note: 'no python3 was found' };
  for (const name of [`python${version}`, 'python3']) {
    const executable = onPath(name);
    if (!executable) continue;
    try {
      // The interpreter itself rather than a launcher (pyenv shims cost a shell script per start).
      const [actual, interpreter] = execFileSync(
        executable,
        ['-c', 'import sys;print("%d.%d" % sys.version_info[:2]);print(sys.executable)'],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
      )
        .trim()
        .split('\n');
      found = {
        executable: interpreter || executable,
        version: actual,
        note: `found python${actual} at ${executable}`,
      };
      break;
    } catch {
      found = { version, note: `${executable} did not run` };
    }
  }
  pythonCache.set(version, found);
  return found;
}

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const file = path.join(dir, name);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      if (fs.statSync(file).isFile()) return file;
    } catch {
      // not here
    }
  }
  return undefined;
}
