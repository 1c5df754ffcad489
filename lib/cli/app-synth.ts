/**
 * The user's CDK app as `portico serve` sees it: the directory of `cdk.json`, synthesized with the app's own
 * CDK CLI (`npx cdk synth`), and re-synthesized on change under `--watch`, as `cdk watch` would.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { watch } from 'chokidar';
import pc from 'picocolors';

export interface CdkApp {
  /** The directory holding `cdk.json`. */
  readonly directory: string;
  /** Top-level paths the app's sources live in (from `cdk.json` `watch.include`, default: the whole app). */
  readonly sources: readonly string[];
}

/** The CDK app in `directory`, or undefined when there is no `cdk.json` (a bare assembly is served as it is). */
export function findCdkApp(directory: string): CdkApp | undefined {
  const manifest = join(directory, 'cdk.json');
  if (!existsSync(manifest)) return undefined;
  const config = JSON.parse(readFileSync(manifest, 'utf8')) as { watch?: { include?: string | string[] } };
  const include = config.watch?.include;
  const globs = include === undefined ? ['**'] : Array.isArray(include) ? include : [include];
  // chokidar watches paths, not globs: watch the fixed part of each pattern ("lib/**" → lib).
  const sources = globs.map((glob) => resolve(directory, glob.split(/[*?{[]/)[0] || '.'));
  return { directory: resolve(directory), sources: [...new Set(sources)] };
}

/** Runs `npx cdk synth --quiet --output <assembly>` in the app's directory; rejects with the CLI's output. */
export function synthesize(app: CdkApp, assembly: string): Promise<void> {
  const started = Date.now();
  console.log(pc.dim(`synthesizing ${app.directory} (npx cdk synth) ...`));
  return new Promise((done, fail) => {
    const child = spawn('npx', ['cdk', 'synth', '--quiet', '--output', assembly], {
      cwd: app.directory,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    child.on('error', fail);
    child.on('close', (code) => {
      if (code === 0) {
        console.log(pc.dim(`synthesized in ${((Date.now() - started) / 1000).toFixed(1)} s`));
        done();
      } else fail(new Error(`cdk synth exited ${code}:\n${output.trim()}`));
    });
  });
}

/** Re-synthesizes the app whenever one of its sources changes (never for the assembly or node_modules). */
export function resynthesizeOnChange(app: CdkApp, assembly: string): () => Promise<void> {
  const skip = [resolve(assembly), join(app.directory, 'node_modules'), join(app.directory, '.git')];
  const watcher = watch([...app.sources], {
    ignoreInitial: true,
    ignored: (path: string) => skip.some((dir) => path === dir || path.startsWith(dir + sep)),
    awaitWriteFinish: { stabilityThreshold: 200 },
  });
  let running: Promise<void> | undefined;
  let again = false;
  const run = (): void => {
    if (running) {
      again = true; // one more synth after this one, however many saves came in meanwhile
      return;
    }
    running = synthesize(app, assembly)
      .catch((error: Error) => console.error(pc.red(`✗ ${error.message}\n  still serving the previous assembly`)))
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          run();
        }
      });
  };
  watcher.on('all', (_event, file) => {
    console.log(pc.cyan(`↻ ${relative(app.directory, file)} changed`));
    run();
  });
  return () => watcher.close();
}
