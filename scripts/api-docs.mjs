// The API reference in docs/api/ from the compiled .d.ts and their TSDoc: API Extractor reads each public
// entry point, API Documenter writes Markdown (one folder per entry: root = `portico`, testing = `portico/testing`).
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const run = (command, args) => execFileSync(command, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });

for (const [entry, folder] of [
  ['index', 'root'],
  ['testing', 'testing'],
]) {
  const model = path.join(root, '.tmp', 'api', entry);
  rmSync(model, { recursive: true, force: true });
  mkdirSync(model, { recursive: true });
  console.error(`api-docs: ${entry} → docs/api/${folder}`);
  run(bin('api-extractor'), ['run', '--local', '--config', `config/api-extractor.${entry}.json`]);
  run(bin('api-documenter'), ['markdown', '--input-folder', model, '--output-folder', `docs/api/${folder}`]);
}
