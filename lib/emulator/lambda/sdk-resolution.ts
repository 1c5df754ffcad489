/**
 * The AWS SDK a Lambda Node.js runtime provides, locally. On AWS the image of `nodejs18.x` and later
 * ships the AWS SDK for JavaScript v3 (`@aws-sdk/*`, with its `@smithy/*` dependencies) and older images
 * ship v2 (`aws-sdk`), on the runtime's `NODE_PATH` (AWS docs: "Building Lambda functions with Node.js",
 * runtime-included SDK versions; "Defined runtime environment variables", NODE_PATH). CDK's
 * `NodejsFunction` therefore leaves those packages out of the bundle, and a handler loaded here must find
 * them the way it would there:
 *
 * 1. the asset itself (Node's own lookup from the handler's directory, before any `NODE_PATH`);
 * 2. the user's app (the directory of `cdk.json`, where its `package.json` and `node_modules` are);
 * 3. Portico's own dependencies.
 *
 * Only the SDK is offered, through a directory of links used as `NODE_PATH`, so a package that the
 * asset forgot to bundle still fails as it would on AWS. A package of another major version than the
 * runtime's SDK is never offered in its place.
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';

/** The SDK a runtime's image provides. */
export interface RuntimeSdk {
  /** `v3` for nodejs18.x and later, `v2` before. */
  readonly version: 'v3' | 'v2';
  /** How the SDK is named to the user. */
  readonly title: string;
  /** Does the runtime's image provide this module (a bare package specifier)? */
  provides(moduleName: string): boolean;
}

const V3: RuntimeSdk = {
  version: 'v3',
  title: 'the AWS SDK for JavaScript v3 (@aws-sdk/*)',
  provides: (name) => name.startsWith('@aws-sdk/') || name.startsWith('@smithy/'),
};
const V2: RuntimeSdk = {
  version: 'v2',
  title: 'the AWS SDK for JavaScript v2 (aws-sdk)',
  provides: (name) => name === 'aws-sdk' || name.startsWith('aws-sdk/'),
};

/** The SDK in the image of a Lambda runtime, or undefined for runtimes that ship none (non-Node). */
export function runtimeSdk(runtime: string): RuntimeSdk | undefined {
  const match = /^nodejs(\d+)\.x$/.exec(runtime);
  if (!match) return undefined;
  return Number(match[1]) >= 18 ? V3 : V2;
}

/** The package a module specifier names: `@aws-sdk/lib-dynamodb/dist-cjs/x` → `@aws-sdk/lib-dynamodb`. */
export function packageNameOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** A package found for the runtime's SDK, and a package set aside because its major version differs. */
export interface SdkPackage {
  readonly name: string;
  readonly directory: string;
  readonly version: string;
}

export interface SdkModules {
  /** The directory to put on the function's `NODE_PATH`, holding links to the SDK packages found. */
  readonly nodePath: string;
  readonly packages: readonly SdkPackage[];
  /** Found but not offered: another major version than the runtime's SDK. */
  readonly skipped: readonly SdkPackage[];
}

export interface SdkResolutionOptions {
  /** The user's app (directory of `cdk.json`). @default - the nearest directory above the working directory with a cdk.json, else the working directory */
  readonly appDirectory?: string;
  /** Where Portico's own dependencies are found. @default - this package's location */
  readonly porticoDirectory?: string;
}

const cache = new Map<string, SdkModules>();
const linkDirectories: string[] = [];

/**
 * The SDK modules for functions of this runtime, built once per app directory and SDK version (and
 * removed when the process exits); undefined for runtimes whose image ships no SDK.
 */
export function sdkModulesFor(runtime: string, options: SdkResolutionOptions = {}): SdkModules | undefined {
  const sdk = runtimeSdk(runtime);
  if (!sdk) return undefined;
  const appDirectory = path.resolve(options.appDirectory ?? findAppDirectory(process.cwd()));
  const porticoDirectory = path.resolve(options.porticoDirectory ?? __dirname);
  const key = `${sdk.version}\0${appDirectory}\0${porticoDirectory}`;
  const cached = cache.get(key);
  if (cached && fs.existsSync(cached.nodePath)) return cached;
  const found = findSdkPackages(sdk, [appDirectory, porticoDirectory]);
  const modules = { ...found, nodePath: linkPackages(found.packages) };
  cache.set(key, modules);
  return modules;
}

/** The nearest directory at or above `start` holding a `cdk.json`; `start` itself when there is none. */
export function findAppDirectory(start: string): string {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'cdk.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(start);
  }
}

/** Every SDK package reachable from the roots, the first root that has a package winning. */
export function findSdkPackages(
  sdk: RuntimeSdk,
  roots: readonly string[],
): { packages: SdkPackage[]; skipped: SdkPackage[] } {
  const packages = new Map<string, SdkPackage>();
  const skipped: SdkPackage[] = [];
  const wantedMajor = sdk.version === 'v3' ? 3 : 2;
  for (const root of roots) {
    const searchPaths = createRequire(path.join(root, 'noop.js')).resolve.paths('aws-sdk') ?? [];
    for (const modulesDir of searchPaths) {
      for (const name of candidateNames(sdk, modulesDir)) {
        if (packages.has(name)) continue;
        const directory = path.join(modulesDir, name);
        const version = readVersion(directory);
        if (version === undefined) continue;
        // @smithy packages have majors of their own; the SDK's major is what a handler depends on.
        const checked = name.startsWith('@smithy/') ? wantedMajor : Number(version.split('.')[0]);
        if (checked !== wantedMajor) {
          if (!skipped.some((s) => s.name === name)) skipped.push({ name, directory, version });
          continue;
        }
        packages.set(name, { name, directory, version });
      }
    }
  }
  return { packages: [...packages.values()].sort((a, b) => a.name.localeCompare(b.name)), skipped };
}

function candidateNames(sdk: RuntimeSdk, modulesDir: string): string[] {
  if (sdk.version === 'v2') return ['aws-sdk'];
  const names: string[] = [];
  for (const scope of ['@aws-sdk', '@smithy']) {
    let entries: string[];
    try {
      entries = fs.readdirSync(path.join(modulesDir, scope));
    } catch {
      continue;
    }
    for (const entry of entries) if (!entry.startsWith('.')) names.push(`${scope}/${entry}`);
  }
  return names;
}

function readVersion(directory: string): string | undefined {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(directory, 'package.json'), 'utf8')) as { version?: unknown };
    return typeof manifest.version === 'string' ? manifest.version : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A `node_modules` directory of links to the packages. Node follows a link to the package's real
 * location, so the package's own dependencies resolve from where it is installed.
 */
function linkPackages(packages: readonly SdkPackage[]): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'portico-runtime-sdk-'));
  if (linkDirectories.length === 0) process.once('exit', removeLinkDirectories);
  linkDirectories.push(root);
  const nodeModules = path.join(root, 'node_modules');
  for (const pkg of packages) {
    const link = path.join(nodeModules, pkg.name);
    fs.mkdirSync(path.dirname(link), { recursive: true });
    fs.symlinkSync(pkg.directory, link, 'dir');
  }
  fs.mkdirSync(nodeModules, { recursive: true });
  return nodeModules;
}

function removeLinkDirectories(): void {
  for (const dir of linkDirectories.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/**
 * One line of advice for a handler that could not load a module, or undefined when the module is not
 * the runtime's SDK (then the asset should have bundled it; see `advice.ts`).
 */
export function missingSdkAdvice(moduleName: string, runtime: string): string | undefined {
  const pkg = packageNameOf(moduleName);
  const sdk = runtimeSdk(runtime);
  if (sdk?.provides(pkg)) {
    return `${runtime} on AWS provides ${pkg} (${sdk.title}); locally install it into your app: npm install --save-dev ${pkg}`;
  }
  if (pkg === 'aws-sdk' || pkg.startsWith('@aws-sdk/')) {
    const other = pkg === 'aws-sdk' ? V2 : V3;
    const wanted = other === V2 ? 'nodejs16.x' : 'nodejs18.x or later';
    return `${runtime} on AWS does not provide ${pkg} (${other.title} comes with ${wanted}); bundle it into the asset (npm install ${pkg}, and leave it out of NodejsFunction's externalModules)`;
  }
  return undefined;
}
