// The consumer-app test: pack Portico as a team would install it, create fresh CDK apps (CommonJS with
// jest + @swc/jest as `cdk init` writes them, and plain ESM with node's test runner), install the tarball
// and prove synth, the app's own tests, `portico routes` and `portico serve` from the installed package.
// Fails when the tarball misses a file, an entry point loads TypeScript, or the package needs a tool the
// consumer did not install (the ESM app has no TypeScript tooling at all).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const own = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const versionOf = (name) => own.devDependencies[name] ?? own.dependencies[name];
const work = mkdtempSync(path.join(tmpdir(), 'portico-consumer-'));
const started = Date.now();
const log = (line) => console.log(`consumer [${((Date.now() - started) / 1000).toFixed(1)}s] ${line}`);

/** The app sees no AWS credentials and no repository tooling, as on a team's fresh machine. */
const env = { ...process.env, AWS_EC2_METADATA_DISABLED: 'true', CDK_DISABLE_VERSION_CHECK: '1' };
for (const key of Object.keys(env))
  if (/^AWS_(ACCESS|SECRET|SESSION|PROFILE)|^NODE_OPTIONS$|^npm_/.test(key)) delete env[key];

function run(cwd, command, args) {
  try {
    return execFileSync(command, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${error.stdout ?? ''}\n${error.stderr ?? ''}`);
  }
}

function expectIn(output, text, what) {
  if (!output.includes(text)) throw new Error(`${what}: expected "${text}" in:\n${output}`);
}

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** `npx portico serve` from the app: wait for it to listen, send one request, stop it. */
async function serveAnswers(cwd, requestPath, expectedStatus) {
  const port = await freePort();
  const child = spawn('npx', ['portico', 'serve', '--port', String(port)], {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group: npx starts node, and both must stop
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  try {
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`portico serve exited ${child.exitCode}:\n${output}`);
      if (Date.now() > deadline) throw new Error(`portico serve did not answer within 60 s:\n${output}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}${requestPath}`);
        if (res.status !== expectedStatus)
          throw new Error(`GET ${requestPath}: ${res.status}, expected ${expectedStatus}`);
        return output;
      } catch (error) {
        if (error instanceof Error && error.message.startsWith('GET ')) throw error;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  } finally {
    process.kill(-child.pid, 'SIGTERM');
  }
}

/** Prints the files `require('portico')` loaded that belong to the emulator's or CLI's side. */
const ROOT_ENTRY_PROBE = `require('portico');
const side = /node_modules\\/(jose|@aws-sdk|commander|chokidar|picocolors|yaml)\\/|portico\\/dist\\/(emulator|cli|vendor|verify)\\//;
console.log(JSON.stringify(Object.keys(require.cache).filter((f) => side.test(f))));`;

/** `npx portico serve --watch` re-synthesizes the app when its stack changes and serves the new route. */
async function serveWatchResynthesizes(app) {
  const stackFile = path.join(app, 'lib', 'hello-stack.mjs');
  const port = await freePort();
  const child = spawn('npx', ['portico', 'serve', '--watch', '--port', String(port)], {
    cwd: app,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const statusOf = (p) =>
    fetch(`http://127.0.0.1:${port}${p}`).then(
      (r) => r.status,
      () => 0,
    );
  const waitFor = async (p, status, what) => {
    const deadline = Date.now() + 90_000;
    while ((await statusOf(p)) !== status) {
      if (child.exitCode !== null) throw new Error(`portico serve exited ${child.exitCode}:\n${output}`);
      if (Date.now() > deadline) throw new Error(`${what}: GET ${p} never answered ${status}:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  };
  try {
    await waitFor('/v1/hello', 200, 'serve --watch');
    const source = readFileSync(stackFile, 'utf8');
    writeFileSync(
      stackFile,
      source.replace(
        "routes: { 'GET /hello'",
        "routes: { 'GET /added': { integration: RouteIntegration.lambda(hello, { service: 'hello' }) }, 'GET /hello'",
      ),
    );
    await waitFor('/v1/added', 200, 'after editing the stack');
  } finally {
    process.kill(-child.pid, 'SIGTERM');
  }
}

/** Preloaded into `portico routes`: prints the AWS SDK files the command loaded (only `verify` may). */
const SDK_PROBE = `process.on('exit', () => {
  const sdk = Object.keys(require.cache).filter((f) => /node_modules\\/@aws-sdk\\//.test(f));
  process.stderr.write('sdk-loaded:' + sdk.length + '\\n');
});`;

async function main() {
  log(`packing into ${work}`);
  const packed = JSON.parse(run(root, 'npm', ['pack', '--json', '--pack-destination', work]))[0];
  const tarball = path.join(work, packed.filename);
  log(`${packed.filename}: ${(packed.size / 1024).toFixed(0)} kB packed, ${packed.entryCount} files`);
  for (const file of packed.files.map((f) => f.path)) {
    if (/^(test|bench|lambdas|lib)\//.test(file) || (/\.ts$/.test(file) && !/\.d\.m?ts$/.test(file)))
      throw new Error(`the tarball ships ${file}: only dist/, bin/portico.cjs and the docs belong in it`);
  }

  const apps = {
    cjs: {
      dependencies: { 'aws-cdk-lib': versionOf('aws-cdk-lib'), constructs: versionOf('constructs') },
      devDependencies: Object.fromEntries(
        ['aws-cdk', 'jest', '@swc/jest', '@swc/core', '@types/jest', '@types/node', 'tsx', 'typescript'].map((n) => [
          n,
          versionOf(n),
        ]),
      ),
      scripts: { test: 'jest' },
    },
    esm: {
      type: 'module',
      dependencies: { 'aws-cdk-lib': versionOf('aws-cdk-lib'), constructs: versionOf('constructs') },
      devDependencies: { 'aws-cdk': versionOf('aws-cdk') },
      scripts: { test: 'node --test test/' },
    },
  };

  for (const [flavor, manifest] of Object.entries(apps)) {
    const app = path.join(work, `${flavor}-app`);
    cpSync(path.join(here, `${flavor}-app`), app, { recursive: true });
    writeFileSync(
      path.join(app, 'package.json'),
      JSON.stringify({ name: `consumer-${flavor}`, version: '0.0.0', private: true, ...manifest }, null, 2),
    );
    log(`${flavor}: npm install (tarball + ${Object.keys(manifest.devDependencies).join(', ')})`);
    run(app, 'npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball]);
    if (flavor === 'cjs') {
      log(`${flavor}: tsc --noEmit (the package's .d.ts as the app sees them)`);
      run(app, 'npx', ['tsc', '--noEmit']);
    }
    if (flavor === 'cjs') {
      log(`${flavor}: require('portico') loads no emulator, JWT, SDK, CLI or worker code`);
      const loaded = run(app, process.execPath, ['-e', ROOT_ENTRY_PROBE]).trim();
      if (loaded !== '[]') throw new Error(`require('portico') loaded what synth never needs: ${loaded}`);
    }
    log(`${flavor}: npx cdk synth --quiet (no AWS credentials)`);
    run(app, 'npx', ['cdk', 'synth', '--quiet']);
    log(`${flavor}: npm test (the app's own tests against LocalGateway)`);
    const tests = run(app, 'npm', ['test', '--silent']);
    if (flavor === 'esm') expectIn(tests, '# fail 0', 'node --test');
    log(`${flavor}: npx portico routes`);
    expectIn(run(app, 'npx', ['portico', 'routes']), '/hello', 'portico routes');
    if (flavor === 'cjs') {
      log(`${flavor}: portico routes loads no AWS SDK client (only verify needs them)`);
      writeFileSync(path.join(app, 'sdk-probe.cjs'), SDK_PROBE);
      const probe = spawnSync(
        process.execPath,
        ['--require', './sdk-probe.cjs', path.join('node_modules', 'portico', 'bin', 'portico.cjs'), 'routes'],
        { cwd: app, env, encoding: 'utf8' },
      );
      expectIn(probe.stderr, 'sdk-loaded:0', 'portico routes must not load @aws-sdk');
    }
    log(
      `${flavor}: npx portico serve answers over HTTP${flavor === 'esm' ? ', and --watch re-synthesizes on change' : ''}`,
    );
    if (flavor === 'cjs') await serveAnswers(app, '/v1/public', 200);
    else await serveWatchResynthesizes(app);
  }
  log('passed');
}

main()
  .then(() => rmSync(work, { recursive: true, force: true }))
  .catch((error) => {
    console.error(`consumer: FAILED\n${error instanceof Error ? error.message : error}`);
    console.error(`(the apps are kept in ${work})`);
    process.exit(1);
  });
