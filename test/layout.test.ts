/**
 * The layout rules of docs/decisions/0012-layout.md, read from the import statements of lib/: the layers,
 * the two emulator wings as siblings, the construct flavors over a shared base, and no import cycles.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const LIB = resolve(__dirname, '..', 'lib');
const SPECIFIER =
  /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+|^\s*export\s+\*\s+from\s*)(['"])([^'"]+)\1/gm;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'vendor' ? [] : sourceFiles(path);
    return /\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

function resolveRelative(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile() && candidate.endsWith('.ts')) return candidate;
  }
  return undefined;
}

interface Imports {
  /** lib-relative paths of the files imported with relative specifiers. */
  readonly local: string[];
  /** Package specifiers (`aws-cdk-lib/aws-lambda`, `node:fs`). */
  readonly packages: string[];
}

const graph = new Map<string, Imports>();
for (const file of sourceFiles(LIB)) {
  const source = readFileSync(file, 'utf8');
  const local: string[] = [];
  const packages: string[] = [];
  for (const [, , specifier] of source.matchAll(SPECIFIER)) {
    if (specifier.startsWith('.')) {
      const target = resolveRelative(file, specifier);
      if (target) local.push(relative(LIB, target));
    } else packages.push(specifier);
  }
  graph.set(relative(LIB, file), { local, packages });
}

function violations(from: (file: string) => boolean, to: (target: string) => boolean): string[] {
  return [...graph].flatMap(([file, { local }]) =>
    from(file) ? local.filter(to).map((target) => `${file} -> ${target}`) : [],
  );
}

const under = (folder: string) => (file: string) => file.startsWith(`${folder}/`);

test('the graph covers the library', () => {
  expect(graph.has('emulator/pipeline.ts')).toBe(true);
  expect(graph.has('emulator/rest/rest-pipeline.ts')).toBe(true);
  expect(graph.get('emulator/pipeline.ts')?.local).toContain('emulator/rest/rest-pipeline.ts');
});

test('lib/core imports neither aws-cdk-lib nor constructs nor any other layer', () => {
  const cdk = [...graph].flatMap(([file, { packages }]) =>
    under('core')(file)
      ? packages.filter((p) => /^(aws-cdk-lib|constructs)(\/|$)/.test(p)).map((p) => `${file} -> ${p}`)
      : [],
  );
  expect(cdk).toEqual([]);
  expect(violations(under('core'), (target) => !under('core')(target))).toEqual([]);
});

test('the emulator never imports the constructs', () => {
  expect(violations(under('emulator'), under('constructs'))).toEqual([]);
});

test('the emulator wings are siblings: rest/ and http/ do not import each other', () => {
  expect(violations(under('emulator/rest'), under('emulator/http'))).toEqual([]);
  expect(violations(under('emulator/http'), under('emulator/rest'))).toEqual([]);
});

test('the emulator base knows neither wing; only the front door (pipeline.ts) picks one', () => {
  const wing = (target: string) => under('emulator/rest')(target) || under('emulator/http')(target);
  const base = (file: string) => under('emulator')(file) && !wing(file) && file !== 'emulator/pipeline.ts';
  expect(violations(base, wing)).toEqual([]);
  // Nothing in a wing reaches back up to the front door.
  expect(violations(wing, (target) => target === 'emulator/pipeline.ts')).toEqual([]);
});

test('the HTTP construct flavor depends on the shared base, not on the REST gateway', () => {
  // gateway.ts is the REST gateway and picks the flavor; the HTTP flavor reads the shared gateway-props.ts,
  // authorizer-definition.ts and the RouteAuthorization facade (authorization.ts), never the gateway itself.
  expect(violations(under('constructs/http'), (target) => target === 'constructs/gateway.ts')).toEqual([]);
  expect(violations(under('constructs'), (target) => under('emulator')(target))).toEqual([]);
});

test('lib/ has no import cycles', () => {
  const cycles: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'visiting');
    stack.push(file);
    for (const target of graph.get(file)?.local ?? []) {
      if (state.get(target) === 'visiting') cycles.push([...stack.slice(stack.indexOf(target)), target].join(' -> '));
      else if (!state.has(target)) visit(target);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  expect(cycles).toEqual([]);
});
