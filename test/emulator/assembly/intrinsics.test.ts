// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation Fn::Sub and API Gateway ${stageVariables.x} are written as plain strings on purpose
import {
  type IntrinsicEnvironment,
  IntrinsicResolver,
  templateParameters,
} from '../../../lib/emulator/assembly/intrinsics';

const resources: Record<string, { ref: string; attributes: Record<string, string> }> = {
  UsersFn: { ref: 'users-fn', attributes: { Arn: 'arn:aws:lambda:eu-west-1:111122223333:function:users-fn' } },
  Api: { ref: 'abc123defg', attributes: { RootResourceId: 'abc123defg-root' } },
};

function resolver(overrides: Partial<IntrinsicEnvironment> = {}): IntrinsicResolver {
  return new IntrinsicResolver({
    region: 'eu-west-1',
    accountId: '111122223333',
    stackName: 'Shop',
    parameter: templateParameters({
      Stage: { Type: 'String', Default: 'prod' },
      Zones: { Type: 'CommaDelimitedList', Default: 'a, b' },
      Secret: { Type: 'String' },
    }),
    resources: {
      ref: (id) => resources[id]?.ref,
      getAtt: (id, attribute) =>
        resources[id] ? (resources[id].attributes[attribute] ?? `${id}.${attribute}`) : undefined,
    },
    conditions: {
      IsProd: { 'Fn::Equals': [{ Ref: 'Stage' }, 'prod'] },
      IsDev: { 'Fn::Not': [{ Condition: 'IsProd' }] },
      ProdAndEu: { 'Fn::And': [{ Condition: 'IsProd' }, { 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'eu-west-1'] }] },
      DevOrEu: { 'Fn::Or': [{ Condition: 'IsDev' }, { 'Fn::Equals': ['eu-west-1', { Ref: 'AWS::Region' }] }] },
    },
    ...overrides,
  });
}

function resolveWithReports(
  value: unknown,
  env?: Partial<IntrinsicEnvironment>,
): { value: unknown; reports: string[] } {
  const reports: string[] = [];
  return { value: resolver(env).resolve(value, (detail) => reports.push(detail)), reports };
}

describe('Ref', () => {
  test('pseudo parameters resolve to the local environment', () => {
    const r = resolver();
    expect(r.resolve({ Ref: 'AWS::Region' })).toBe('eu-west-1');
    expect(r.resolve({ Ref: 'AWS::AccountId' })).toBe('111122223333');
    expect(r.resolve({ Ref: 'AWS::Partition' })).toBe('aws');
    expect(r.resolve({ Ref: 'AWS::URLSuffix' })).toBe('amazonaws.com');
    expect(r.resolve({ Ref: 'AWS::StackName' })).toBe('Shop');
  });

  test('a parameter resolves to its default, and list parameters split on commas', () => {
    expect(resolver().resolve({ Ref: 'Stage' })).toBe('prod');
    expect(resolver().resolve({ Ref: 'Zones' })).toEqual(['a', 'b']);
  });

  test('a supplied parameter value wins over the default', () => {
    const r = resolver({ parameter: templateParameters({ Stage: { Default: 'prod' } }, () => 'dev') });
    expect(r.resolve({ Ref: 'Stage' })).toBe('dev');
  });

  test('a resource resolves to its physical id stand-in', () => {
    expect(resolver().resolve({ Ref: 'UsersFn' })).toBe('users-fn');
  });

  test('a parameter without a value and an unknown name become placeholders and are reported', () => {
    const { value, reports } = resolveWithReports([{ Ref: 'Secret' }, { Ref: 'Nowhere' }]);
    expect(value).toEqual(['<Ref Secret>', '<Ref Nowhere>']);
    expect(reports).toEqual([
      'parameter "Secret" has no default value',
      'Ref "Nowhere" names no parameter or resource of stack Shop',
    ]);
  });

  test('AWS::NoValue removes the property or list item that holds it', () => {
    const value = resolver().resolve({
      Kept: 'yes',
      Dropped: { Ref: 'AWS::NoValue' },
      List: ['a', { Ref: 'AWS::NoValue' }, 'b'],
      Chosen: { 'Fn::If': ['IsDev', 'dev-only', { Ref: 'AWS::NoValue' }] },
    });
    expect(value).toEqual({ Kept: 'yes', List: ['a', 'b'] });
  });
});

describe('Fn::GetAtt', () => {
  test('list and dotted-string forms give the attribute', () => {
    expect(resolver().resolve({ 'Fn::GetAtt': ['UsersFn', 'Arn'] })).toBe(
      'arn:aws:lambda:eu-west-1:111122223333:function:users-fn',
    );
    expect(resolver().resolve({ 'Fn::GetAtt': 'Api.RootResourceId' })).toBe('abc123defg-root');
  });

  test('an attribute of a missing resource is reported', () => {
    const { value, reports } = resolveWithReports({ 'Fn::GetAtt': ['Ghost', 'Arn'] });
    expect(value).toBe('<Fn::GetAtt Ghost.Arn>');
    expect(reports).toHaveLength(1);
  });
});

describe('string functions', () => {
  test('Fn::Join builds the Lambda integration URI CDK emits', () => {
    const uri = {
      'Fn::Join': [
        '',
        [
          'arn:',
          { Ref: 'AWS::Partition' },
          ':apigateway:',
          { Ref: 'AWS::Region' },
          ':lambda:path/2015-03-31/functions/',
          { 'Fn::GetAtt': ['UsersFn', 'Arn'] },
          ':${stageVariables.alias}/invocations',
        ],
      ],
    };
    expect(resolver().resolve(uri)).toBe(
      'arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:111122223333:function:users-fn:${stageVariables.alias}/invocations',
    );
  });

  test('Fn::Sub substitutes pseudo parameters, parameters, Refs and GetAtts', () => {
    expect(
      resolver().resolve({ 'Fn::Sub': 'arn:${AWS::Partition}:x:${AWS::Region}:${Stage}:${UsersFn}:${UsersFn.Arn}' }),
    ).toBe('arn:aws:x:eu-west-1:prod:users-fn:arn:aws:lambda:eu-west-1:111122223333:function:users-fn');
  });

  test('Fn::Sub with a variable map resolves the variables first', () => {
    const value = resolver().resolve({
      'Fn::Sub': ['${Fn}/invocations at ${AWS::Region}', { Fn: { 'Fn::GetAtt': ['UsersFn', 'Arn'] } }],
    });
    expect(value).toBe('arn:aws:lambda:eu-west-1:111122223333:function:users-fn/invocations at eu-west-1');
  });

  test('Fn::Sub leaves ${stageVariables.x} for API Gateway and unescapes ${!Literal}', () => {
    const { value, reports } = resolveWithReports({ 'Fn::Sub': '${UsersFn}:${stageVariables.alias} ${!Literal}' });
    expect(value).toBe('users-fn:${stageVariables.alias} ${Literal}');
    expect(reports).toEqual([]);
  });

  test('Fn::Sub reports a reference to nothing and leaves it as written', () => {
    const { value, reports } = resolveWithReports({ 'Fn::Sub': 'x-${Missing}' });
    expect(value).toBe('x-${Missing}');
    expect(reports).toHaveLength(1);
  });

  test('Fn::Select picks from Fn::Split, as CDK does to take the region out of an ARN', () => {
    const region = { 'Fn::Select': [3, { 'Fn::Split': [':', { 'Fn::GetAtt': ['UsersFn', 'Arn'] }] }] };
    expect(resolver().resolve(region)).toBe('eu-west-1');
    expect(resolver().resolve({ 'Fn::Select': ['1', ['a', 'b']] })).toBe('b');
  });

  test('Fn::Select outside the list is reported', () => {
    const { reports } = resolveWithReports({ 'Fn::Select': [5, ['a']] });
    expect(reports).toEqual(['Fn::Select index 5 is outside a list of 1']);
  });

  test('Fn::Base64, Fn::FindInMap and Fn::GetAZs resolve locally', () => {
    const r = resolver({ mappings: { Sizes: { prod: { Memory: 512 } } } });
    expect(r.resolve({ 'Fn::Base64': 'hi' })).toBe('aGk=');
    expect(r.resolve({ 'Fn::FindInMap': ['Sizes', { Ref: 'Stage' }, 'Memory'] })).toBe(512);
    expect(r.resolve({ 'Fn::GetAZs': '' })).toEqual(['eu-west-1a', 'eu-west-1b', 'eu-west-1c']);
  });
});

describe('conditions', () => {
  test('Fn::If follows Fn::Equals, Fn::Not, Fn::And and Fn::Or conditions', () => {
    const r = resolver();
    expect(r.resolve({ 'Fn::If': ['IsProd', 'p', 'd'] })).toBe('p');
    expect(r.resolve({ 'Fn::If': ['IsDev', 'p', 'd'] })).toBe('d');
    expect(r.condition('ProdAndEu')).toBe(true);
    expect(r.condition('DevOrEu')).toBe(true);
  });

  test('a supplied parameter changes which branch is taken', () => {
    const r = resolver({
      parameter: templateParameters({ Stage: { Default: 'prod' } }, () => 'dev'),
      conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'Stage' }, 'prod'] } },
    });
    expect(r.resolve({ 'Fn::If': ['IsProd', 'p', 'd'] })).toBe('d');
  });

  test('an undefined or self-referencing condition is false and reported', () => {
    const { value, reports } = resolveWithReports(
      { 'Fn::If': ['Loop', 'yes', 'no'] },
      { conditions: { Loop: { Condition: 'Loop' } } },
    );
    expect(value).toBe('no');
    expect(reports).toHaveLength(1);
  });
});

describe('Fn::ImportValue', () => {
  test('resolves through the environment when a stack of the assembly exports the name', () => {
    const r = resolver({ importValue: (name) => (name === 'Shared:TableName' ? 'orders-table' : undefined) });
    expect(r.resolve({ 'Fn::ImportValue': 'Shared:TableName' })).toBe('orders-table');
  });

  test('an export no stack provides becomes a placeholder and is reported as unsupported', () => {
    const { value, reports } = resolveWithReports({ 'Fn::ImportValue': { 'Fn::Sub': '${Stage}-TableName' } });
    expect(value).toBe('<Fn::ImportValue prod-TableName>');
    expect(reports).toEqual(['Fn::ImportValue "prod-TableName": no stack in this assembly exports it']);
  });
});

test('plain values and objects that merely contain intrinsics are walked, not altered', () => {
  const value = resolver().resolve({
    Name: 'x',
    Count: 3,
    Nested: { Region: { Ref: 'AWS::Region' } },
    Flag: true,
    Empty: null,
  });
  expect(value).toEqual({ Name: 'x', Count: 3, Nested: { Region: 'eu-west-1' }, Flag: true, Empty: null });
});

test('an unknown intrinsic function is reported rather than thrown', () => {
  const { value, reports } = resolveWithReports({ 'Fn::Cidr': ['10.0.0.0/16', 4, 8] });
  expect(value).toBe('<Fn::Cidr>');
  expect(reports).toEqual(['Fn::Cidr is not supported locally']);
});
