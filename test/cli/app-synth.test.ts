import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findCdkApp } from '../../lib/cli/app-synth';

function appWith(cdkJson?: object): string {
  const dir = mkdtempSync(join(tmpdir(), 'portico-app-'));
  mkdirSync(join(dir, 'lib'));
  if (cdkJson) writeFileSync(join(dir, 'cdk.json'), JSON.stringify(cdkJson));
  return dir;
}

describe('findCdkApp', () => {
  test('a directory without cdk.json is not an app: its assembly is served as it is', () => {
    expect(findCdkApp(appWith())).toBeUndefined();
  });

  test('watch.include globs become the watched directories (their fixed part)', () => {
    const dir = appWith({ app: 'node bin/app.js', watch: { include: ['bin/**', 'lib/**/*.ts', 'lib/x.ts'] } });
    expect(findCdkApp(dir)?.sources).toEqual([join(dir, 'bin'), join(dir, 'lib'), join(dir, 'lib/x.ts')]);
  });

  test('without watch.include the whole app is watched', () => {
    const dir = appWith({ app: 'node bin/app.js' });
    expect(findCdkApp(dir)).toEqual({ directory: dir, sources: [dir] });
  });
});
