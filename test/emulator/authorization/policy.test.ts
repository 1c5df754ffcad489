import { evaluatePolicy, PolicyDocumentError } from '../../../lib/emulator/authorization/policy';
import sampleResponse from './fixtures/authorizer-iam-policy-response.aws-lambda-go.json';

const ARN = 'arn:aws:execute-api:eu-west-1:123456789012:abcde12345/prod/GET/users/42';
const statement = (Effect: string, Resource: unknown, Action: unknown = 'execute-api:Invoke') => ({
  Effect,
  Action,
  Resource,
});
const policy = (...Statement: object[]) => ({ Version: '2012-10-17', Statement });

describe('evaluatePolicy', () => {
  test('an Allow naming the method ARN allows it', () => {
    expect(evaluatePolicy(policy(statement('Allow', ARN)), ARN)).toBe('allow');
  });

  test('Statement may be a single object, Action and Resource arrays', () => {
    const doc = { Statement: statement('Allow', ['arn:other', ARN], ['s3:GetObject', 'execute-api:Invoke']) };
    expect(evaluatePolicy(doc, ARN)).toBe('allow');
  });

  test('an Allow for another method is an implicit deny', () => {
    const other = ARN.replace('/GET/', '/POST/');
    expect(evaluatePolicy(policy(statement('Allow', other)), ARN)).toBe('implicit-deny');
  });

  test('an explicit Deny wins over an Allow', () => {
    const doc = policy(statement('Allow', '*'), statement('Deny', ARN));
    expect(evaluatePolicy(doc, ARN)).toBe('deny');
  });

  test('* matches across "/" and ":" and ? matches one character', () => {
    expect(evaluatePolicy(policy(statement('Allow', 'arn:aws:execute-api:*:*:abcde12345/*')), ARN)).toBe('allow');
    expect(
      evaluatePolicy(policy(statement('Allow', 'arn:aws:execute-api:eu-west-1:*:abcde12345/prod/*/users/4?')), ARN),
    ).toBe('allow');
    expect(
      evaluatePolicy(policy(statement('Allow', 'arn:aws:execute-api:eu-west-1:*:abcde12345/prod/*/users/?')), ARN),
    ).toBe('implicit-deny');
  });

  test('regular-expression characters in a resource are literal', () => {
    expect(evaluatePolicy(policy(statement('Allow', ARN.replace('users', 'u.ers'))), ARN)).toBe('implicit-deny');
  });

  test('resources compare case-sensitively, actions case-insensitively', () => {
    expect(evaluatePolicy(policy(statement('Allow', ARN.toUpperCase())), ARN)).toBe('implicit-deny');
    expect(evaluatePolicy(policy(statement('Allow', ARN, 'EXECUTE-API:invoke')), ARN)).toBe('allow');
  });

  test.each(['*', 'execute-api:*', 'execute-api:Inv*'])('action %s covers execute-api:Invoke', (action) => {
    expect(evaluatePolicy(policy(statement('Allow', ARN, action)), ARN)).toBe('allow');
  });

  test('an action for another service does not allow', () => {
    expect(evaluatePolicy(policy(statement('Allow', '*', 'lambda:InvokeFunction')), ARN)).toBe('implicit-deny');
  });

  test('no statement that applies is an implicit deny', () => {
    expect(evaluatePolicy(policy(), ARN)).toBe('implicit-deny');
  });

  test('the sample response with its literal "Allow|Deny" effect is malformed', () => {
    expect(() => evaluatePolicy(sampleResponse.policyDocument, ARN)).toThrow(PolicyDocumentError);
  });

  test.each([
    ['no Statement', { Version: '2012-10-17' }],
    ['a Statement without Resource', { Statement: [{ Effect: 'Allow', Action: 'execute-api:Invoke' }] }],
    ['an Action that is a number', { Statement: [{ Effect: 'Allow', Action: 1, Resource: '*' }] }],
    ['a string document', 'Allow'],
  ])('%s is malformed', (_label, doc) => {
    expect(() => evaluatePolicy(doc, ARN)).toThrow(PolicyDocumentError);
  });
});
