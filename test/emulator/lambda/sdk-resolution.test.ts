import { mkdirSync, mkdtempSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  findSdkPackages,
  missingSdkAdvice,
  packageNameOf,
  runtimeSdk,
  sdkModulesFor,
} from '../../../lib/emulator/lambda/sdk-resolution';

const root = mkdtempSync(join(tmpdir(), 'portico-sdk-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function install(dir: string, name: string, version: string): void {
  const pkg = join(dir, 'node_modules', name);
  mkdirSync(pkg, { recursive: true });
  writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name, version }));
}

const app = join(root, 'app');
const portico = join(root, 'portico', 'lib');
install(app, '@aws-sdk/client-dynamodb', '3.500.0');
install(app, 'aws-sdk', '2.1600.0');
install(app, 'lodash', '4.17.21');
install(join(root, 'portico'), '@aws-sdk/client-dynamodb', '3.900.0');
install(join(root, 'portico'), '@aws-sdk/lib-dynamodb', '3.900.0');
install(join(root, 'portico'), '@aws-sdk/ancient', '1.0.0');
install(join(root, 'portico'), '@smithy/types', '4.0.0');

describe('the SDK a Lambda Node.js runtime provides', () => {
  test('nodejs18.x and later ship v3, older ship v2, other runtimes none', () => {
    expect(runtimeSdk('nodejs22.x')?.version).toBe('v3');
    expect(runtimeSdk('nodejs18.x')?.version).toBe('v3');
    expect(runtimeSdk('nodejs16.x')?.version).toBe('v2');
    expect(runtimeSdk('python3.12')).toBeUndefined();
    expect(packageNameOf('@aws-sdk/lib-dynamodb/dist-cjs/x')).toBe('@aws-sdk/lib-dynamodb');
  });

  test("the app's packages win over Portico's; another major version is set aside, never offered", () => {
    const { packages, skipped } = findSdkPackages(runtimeSdk('nodejs22.x')!, [app, portico]);
    expect(packages.map((p) => `${p.name}@${p.version}`)).toEqual([
      '@aws-sdk/client-dynamodb@3.500.0',
      '@aws-sdk/lib-dynamodb@3.900.0',
      '@smithy/types@4.0.0',
    ]);
    expect(skipped.map((p) => `${p.name}@${p.version}`)).toEqual(['@aws-sdk/ancient@1.0.0']);
  });

  test('only the SDK is offered: on NODE_PATH there are links to SDK packages and nothing else', () => {
    const modules = sdkModulesFor('nodejs20.x', { appDirectory: app, porticoDirectory: portico })!;
    expect(readlinkSync(join(modules.nodePath, '@aws-sdk', 'client-dynamodb'))).toBe(
      join(app, 'node_modules', '@aws-sdk', 'client-dynamodb'),
    );
    expect(() => readlinkSync(join(modules.nodePath, 'lodash'))).toThrow();
    expect(() => readlinkSync(join(modules.nodePath, 'aws-sdk'))).toThrow();
    const v2 = sdkModulesFor('nodejs16.x', { appDirectory: app, porticoDirectory: portico })!;
    expect(v2.packages.map((p) => p.name)).toEqual(['aws-sdk']);
  });

  test('a missing module is explained with the runtime and the command', () => {
    expect(missingSdkAdvice('@aws-sdk/client-sfn', 'nodejs22.x')).toBe(
      'nodejs22.x on AWS provides @aws-sdk/client-sfn (the AWS SDK for JavaScript v3 (@aws-sdk/*)); locally install it into your app: npm install --save-dev @aws-sdk/client-sfn',
    );
    expect(missingSdkAdvice('aws-sdk', 'nodejs22.x')).toContain('does not provide aws-sdk');
    expect(missingSdkAdvice('lodash', 'nodejs22.x')).toBeUndefined();
  });
});
