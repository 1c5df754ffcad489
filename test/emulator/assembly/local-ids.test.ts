import {
  apiLocalId,
  canonicalFunctionArn,
  generatedApiKeyValue,
  unqualifiedFunctionArn,
} from '../../../lib/emulator/assembly/local-ids';
import { normalizeResourcePath } from '../../../lib/emulator/assembly/stages';

test('an API id is 10 lowercase characters, stable, and differs between stacks', () => {
  expect(apiLocalId('ApiF70053CD', 'Dev')).toMatch(/^[a-z0-9]{10}$/);
  expect(apiLocalId('ApiF70053CD', 'Dev')).toBe(apiLocalId('ApiF70053CD', 'Dev'));
  expect(apiLocalId('ApiF70053CD', 'Dev')).not.toBe(apiLocalId('ApiF70053CD', 'Prod'));
});

test('a generated API key value is 40 alphanumeric characters, stable per key', () => {
  expect(generatedApiKeyValue('Key', 'Dev')).toMatch(/^[A-Za-z0-9]{40}$/);
  expect(generatedApiKeyValue('Key', 'Dev')).toBe(generatedApiKeyValue('Key', 'Dev'));
  expect(generatedApiKeyValue('Key', 'Dev')).not.toBe(generatedApiKeyValue('Other', 'Dev'));
});

test('qualified function ARNs lose their alias or version, even a stage-variable one', () => {
  const arn = 'arn:aws:lambda:us-east-1:123456789012:function:users';
  expect(unqualifiedFunctionArn(`${arn}:live`)).toBe(arn);
  expect(unqualifiedFunctionArn(`${arn}:\${stageVariables.alias}`)).toBe(arn);
  expect(unqualifiedFunctionArn(arn)).toBe(arn);
});

test('a FunctionName may be a name, a partial ARN or an ARN', () => {
  const arn = 'arn:aws:lambda:eu-west-1:111122223333:function:users';
  expect(canonicalFunctionArn('users', 'eu-west-1', '111122223333')).toBe(arn);
  expect(canonicalFunctionArn('111122223333:function:users', 'eu-west-1', '000000000000')).toBe(arn);
  expect(canonicalFunctionArn(`${arn}:3`, 'us-east-1', '000000000000')).toBe(arn);
});

test('method setting paths are decoded from CloudFormation’s ~1 form', () => {
  expect(normalizeResourcePath('/~1users~1{id}')).toBe('/users/{id}');
  expect(normalizeResourcePath('/*')).toBe('*');
  expect(normalizeResourcePath('/')).toBe('/');
  expect(normalizeResourcePath('/users')).toBe('/users');
});
