import {
  credentialVariables,
  endpointVariables,
  resolveAwsEnvironment,
} from '../../../lib/emulator/lambda/aws-credentials';
import { functionEnvironment } from '../../../lib/emulator/lambda/function-environment';
import { lambdaFunction } from './functions';

describe("the developer's credentials and endpoints, passed as Lambda passes the role's", () => {
  test('AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> pass through, nothing else', () => {
    expect(
      endpointVariables({
        AWS_ENDPOINT_URL: 'http://localhost:4566',
        AWS_ENDPOINT_URL_DYNAMODB: 'http://localhost:8000',
        AWS_ENDPOINT_URL_: 'x',
        AWS_SECRET_ACCESS_KEY: 'no',
        AWS_ENDPOINT_URL_S3: '',
      }),
    ).toEqual({ AWS_ENDPOINT_URL: 'http://localhost:4566', AWS_ENDPOINT_URL_DYNAMODB: 'http://localhost:8000' });
  });

  test('--no-credentials gives none; the default chain reads the environment once', async () => {
    const none = await resolveAwsEnvironment({ credentials: false, env: {} });
    expect(none.credentials).toBeUndefined();
    expect(none.summary).toContain('--no-credentials');

    const saved = { ...process.env };
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: 'AKIDFROMENV00001',
      AWS_SECRET_ACCESS_KEY: 's3cret',
      AWS_SESSION_TOKEN: 'tok',
    });
    try {
      const resolved = await resolveAwsEnvironment({ env: { AWS_ENDPOINT_URL_SQS: 'http://127.0.0.1:9324' } });
      expect(resolved.credentials).toEqual({
        accessKeyId: 'AKIDFROMENV00001',
        secretAccessKey: 's3cret',
        sessionToken: 'tok',
      });
      expect(resolved.endpoints).toEqual({ AWS_ENDPOINT_URL_SQS: 'http://127.0.0.1:9324' });
      expect(resolved.summary).toContain('AKID…0001');
      expect(resolved.summary).not.toContain('s3cret');
    } finally {
      process.env = saved;
    }
  });

  test('credentials are reserved as on Lambda; the template may set its own endpoint', () => {
    const fn = lambdaFunction('f', 'introspect.env', {
      environment: { AWS_ACCESS_KEY_ID: 'from-template', AWS_ENDPOINT_URL_DYNAMODB: 'http://template:8000' },
    });
    const env = functionEnvironment(fn, {
      region: 'eu-west-1',
      taskRoot: '/tmp',
      logStreamName: 's',
      aws: {
        credentials: { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'secret' },
        endpoints: { AWS_ENDPOINT_URL_DYNAMODB: 'http://host:8000', AWS_ENDPOINT_URL: 'http://host:4566' },
      },
      runtimeNodePath: '/sdk/node_modules',
    });
    expect(env).toMatchObject({
      AWS_ACCESS_KEY_ID: 'AKIDLOCAL',
      AWS_SECRET_ACCESS_KEY: 'secret',
      AWS_ENDPOINT_URL_DYNAMODB: 'http://template:8000',
      AWS_ENDPOINT_URL: 'http://host:4566',
      NODE_PATH: '/sdk/node_modules',
    });
    expect(env.AWS_SESSION_TOKEN).toBeUndefined();
    expect(credentialVariables(undefined)).toEqual({});
  });
});
