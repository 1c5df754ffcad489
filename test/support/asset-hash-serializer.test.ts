import serializer from './asset-hash-serializer';

const HASH = 'a'.repeat(64);

describe('asset hash snapshot serializer', () => {
  test('masks 64-hex asset hashes inside strings', () => {
    expect({ S3Key: `${HASH}.zip`, Short: 'abc123' }).toMatchInlineSnapshot(`
      {
        "S3Key": "[ASSET-HASH].zip",
        "Short": "abc123",
      }
    `);
  });

  test('drops the bootstrap-version parameter and rule of a template', () => {
    const template = {
      Parameters: { BootstrapVersion: { Type: 'AWS::SSM::Parameter::Value<String>' }, Stage: { Type: 'String' } },
      Rules: { CheckBootstrapVersion: { Assertions: [] } },
      Resources: {},
    };
    expect(template).toMatchInlineSnapshot(`
      {
        "Parameters": {
          "Stage": {
            "Type": "String",
          },
        },
        "Resources": {},
      }
    `);
  });

  test('leaves other values to the default printer', () => {
    expect(serializer.test('no hash here')).toBe(false);
    expect(serializer.test({ Resources: {} })).toBe(false);
  });
});
