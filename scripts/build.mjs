// Builds the package into dist/: tsc emits CommonJS + .d.ts + source maps, this script adds what tsc
// does not: the plain-JS worker and other runtime assets, jose bundled as CommonJS, and thin ESM entry
// points over the CommonJS build (one copy of every class: see docs/decisions/0013-package-entry-points.md).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const lib = path.join(root, 'lib');
const dist = path.join(root, 'dist');
const step = (what) => console.error(`build: ${what}`); // stderr: `npm pack --json` keeps stdout

rmSync(dist, { recursive: true, force: true });
step('tsc -p tsconfig.build.json (CommonJS, declarations, source maps)');
execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
  cwd: root,
  stdio: 'inherit',
});

/** Files the runtime loads by path (worker threads, bootstraps, the dashboard page) are not compiled: copy them as they are. */
const ASSET = /\.(js|cjs|mjs|py|json|html|css)$|(^|\/)bootstrap$/;
function copyAssets(dir) {
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) copyAssets(file);
    else if (ASSET.test(file) && !file.endsWith('.d.ts')) {
      const target = path.join(dist, path.relative(lib, file));
      mkdirSync(path.dirname(target), { recursive: true });
      cpSync(file, target, { preserveTimestamps: true });
    }
  }
}
step('copy runtime assets');
copyAssets(lib);

step('bundle jose into dist/vendor/jose.js (CommonJS)');
await build({
  entryPoints: [path.join(lib, 'vendor/jose.ts')],
  outfile: path.join(dist, 'vendor/jose.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  legalComments: 'inline',
  logLevel: 'warning',
});

/** Each public entry point, CommonJS module → ESM wrapper re-exporting its names. */
const ENTRIES = { index: 'index.js', testing: 'testing.js' };
const require = createRequire(import.meta.url);
mkdirSync(path.join(dist, 'esm'), { recursive: true });
for (const [name, file] of Object.entries(ENTRIES)) {
  const names = Object.keys(require(path.join(dist, file))).filter((key) => key !== '__esModule' && key !== 'default');
  const source = [
    `// ESM entry over the CommonJS build, so that import and require share one copy of every class.`,
    `import cjs from '../${file}';`,
    `export const { ${names.join(', ')} } = cjs;`,
    '',
  ].join('\n');
  writeFileSync(path.join(dist, 'esm', `${name}.mjs`), source);
  writeFileSync(path.join(dist, 'esm', `${name}.d.mts`), `export * from '../${name}.js';\n`);
  step(`esm/${name}.mjs: ${names.length} names`);
}
