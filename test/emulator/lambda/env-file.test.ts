import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EnvFileError, loadEnvOverrides, overridesFor } from '../../../lib/emulator/lambda/env-file';
import { lambdaFunction } from './functions';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portico-env-file-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function envFile(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

describe('loadEnvOverrides', () => {
  test('reads the SAM --env-vars format', () => {
    const file = envFile(
      'env.json',
      JSON.stringify({ Parameters: { STAGE: 'local' }, UsersFunction: { TABLE_NAME: 'users-local' } }),
    );
    expect(loadEnvOverrides(file)).toEqual({
      Parameters: { STAGE: 'local' },
      UsersFunction: { TABLE_NAME: 'users-local' },
    });
  });

  test('a file that is not JSON is an error naming the file', () => {
    const file = envFile('broken.json', '{ "Parameters": { "STAGE": "local", } }');
    expect(() => loadEnvOverrides(file)).toThrow(EnvFileError);
    expect(() => loadEnvOverrides(file)).toThrow(`Environment variables file ${file}: is not valid JSON`);
  });

  test('a missing file is an error naming the file', () => {
    const file = path.join(dir, 'absent.json');
    expect(() => loadEnvOverrides(file)).toThrow(`Environment variables file ${file}: cannot be read`);
  });

  test('a value that is not a string is an error naming the file and the variable', () => {
    const file = envFile('number.json', JSON.stringify({ UsersFunction: { PORT: 3000 } }));
    expect(() => loadEnvOverrides(file)).toThrow(
      `Environment variables file ${file}: "UsersFunction.PORT" must be a string, got 3000`,
    );
  });

  test('a function entry that is not an object is an error', () => {
    const file = envFile('flat.json', JSON.stringify({ STAGE: 'local' }));
    expect(() => loadEnvOverrides(file)).toThrow('"STAGE" must be an object of variable names to string values');
  });

  test('a top level that is not an object is an error', () => {
    const file = envFile('array.json', '[]');
    expect(() => loadEnvOverrides(file)).toThrow(`Environment variables file ${file}: must be a JSON object`);
  });
});

describe('overridesFor', () => {
  const fn = lambdaFunction('users-fn', 'index.handler', {
    logicalId: 'UsersFunction',
    path: 'Stack/Users/Resource',
    environment: { A: 'template', B: 'template', C: 'template', D: 'template' },
  });

  test('precedence: Parameters, then construct path, then function name, then logical id', () => {
    const overrides = {
      Parameters: { A: 'parameters', B: 'parameters', C: 'parameters', D: 'parameters' },
      'Stack/Users/Resource': { B: 'path', C: 'path', D: 'path' },
      'users-fn': { C: 'name', D: 'name' },
      UsersFunction: { D: 'logical id' },
    };
    expect(overridesFor(overrides, fn)).toEqual({ A: 'parameters', B: 'path', C: 'name', D: 'logical id' });
  });

  test('only variables the template declares are overridden, as in SAM', () => {
    expect(overridesFor({ Parameters: { A: 'x', EXTRA: 'y' }, OtherFunction: { B: 'z' } }, fn)).toEqual({ A: 'x' });
  });
});
