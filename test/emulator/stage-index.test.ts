import { StageIndex } from '../../lib/emulator/stage-index';
import { api, gatewayModel, route, stage } from '../support/model-builder';

const v1 = api('ApiV1', [route('GET /users')], [stage('v1')]);
const v2 = api('ApiV2', [route('GET /users')], [stage('v2'), stage('shared')]);
const other = api('Other', [route('GET /x')], [stage('shared')]);

describe('StageIndex', () => {
  const index = new StageIndex(
    gatewayModel([v1, v2, other], {
      domains: [
        {
          domainName: 'api.example.com',
          mappings: [
            { basePath: 'v1', apiLogicalId: 'ApiV1', stage: 'v1' },
            { basePath: 'v2', apiLogicalId: 'ApiV2', stage: 'v2' },
            { basePath: '(none)', apiLogicalId: 'Other', stage: 'shared' },
          ],
        },
      ],
    }),
  );

  it('serves a stage name that only one API has at the root of the port', () => {
    const target = index.resolve('127.0.0.1:3000', '/v2/users');
    expect(target?.api.logicalId).toBe('ApiV2');
    expect(target?.stage.name).toBe('v2');
    expect(target?.path).toBe('/users');
  });

  it('needs the API host name for a stage name several APIs share', () => {
    expect(index.ambiguousStageNames).toEqual(['shared']);
    expect(index.resolve('localhost', '/shared/x')).toBeUndefined();
    expect(index.resolve('other.localhost:3000', '/shared/x')?.api.logicalId).toBe('Other');
  });

  it('answers nothing for an unknown stage', () => {
    expect(index.resolve('localhost', '/v3/users')).toBeUndefined();
    expect(index.resolve('apiv1.localhost', '/v2/users')).toBeUndefined();
  });

  it('routes a custom domain by the longest base path and falls back to the (none) mapping', () => {
    const viaV1 = index.resolve('api.example.com', '/v1/users/7');
    expect(viaV1).toMatchObject({ path: '/users/7', basePathMatched: 'v1', domainName: 'api.example.com' });
    expect(viaV1?.api.logicalId).toBe('ApiV1');
    const fallback = index.resolve('API.example.com', '/x');
    expect(fallback?.api.logicalId).toBe('Other');
    expect(fallback?.path).toBe('/x');
    expect(fallback?.basePathMatched).toBe('(none)');
  });

  it('keeps a doubled slash after the stage and accepts one before it', () => {
    expect(index.resolve('localhost', '//v1/users')?.path).toBe('/users');
    expect(index.resolve('localhost', '/v1//users')?.path).toBe('//users');
  });
});
