/** Which HTTP API and stage a request is for (StageIndex.resolveHttp), beside REST APIs (AWS docs: "Stages for HTTP APIs"). */
import { StageIndex } from '../../../lib/emulator/stage-index';
import { api, gatewayModel, route, stage } from '../../support/model-builder';
import { httpApi, httpRoute, httpStage } from './support';

const rest = api('RestApi', [route('GET /users')], [stage('v1'), stage('shared')]);
const root = httpApi(
  'HttpRoot',
  [httpRoute('$default')],
  [httpStage('$default'), httpStage('dev'), httpStage('shared')],
);
const other = httpApi('HttpOther', [httpRoute('GET /x')], [httpStage('$default'), httpStage('qa')]);

describe('StageIndex for HTTP APIs', () => {
  const index = new StageIndex(
    gatewayModel([rest], {
      httpApis: [root],
      domains: [
        {
          domainName: 'api.example.com',
          mappings: [
            { basePath: '(none)', apiLogicalId: 'RestApi', stage: 'v1' },
            { basePath: 'orders', apiLogicalId: 'HttpRoot', stage: 'dev' },
          ],
        },
      ],
    }),
  );

  it('leaves REST stages to REST and serves the only $default stage at the root of any Host', () => {
    expect(index.resolveHttp('localhost:3000', '/v1/users')).toBeUndefined();
    expect(index.resolve('localhost:3000', '/v1/users')?.api.logicalId).toBe('RestApi');
    const target = index.resolveHttp('127.0.0.1:3000', '/anything/here');
    expect(target).toMatchObject({
      api: { logicalId: 'HttpRoot' },
      stage: { name: '$default' },
      path: '/anything/here',
    });
    expect(index.servesAtRoot(root)).toBe(true);
  });

  it('serves a named stage at /{stage}/; a stage name REST shares goes to the root API, as on its own host', () => {
    expect(index.resolveHttp('localhost', '/dev/a')).toMatchObject({ stage: { name: 'dev' }, path: '/a' });
    expect(index.ambiguousStageNames).toContain('shared');
    expect(index.resolve('localhost', '/shared/users')).toBeUndefined();
    expect(index.resolve('restapi.localhost', '/shared/users')?.stage.name).toBe('shared');
    expect(index.resolveHttp('localhost', '/shared/a')).toMatchObject({ stage: { name: 'shared' }, path: '/a' });
  });

  it('on the API host, falls back to $default for a first segment that names no stage', () => {
    expect(index.resolveHttp('httproot.localhost:3000', '/qa/x')).toMatchObject({
      stage: { name: '$default' },
      path: '/qa/x',
    });
    expect(index.resolveHttp('restapi.localhost', '/dev/x')).toBeUndefined();
  });

  it('picks the longest base path mapping of a custom domain, REST or HTTP API alike', () => {
    expect(index.resolveHttp('api.example.com', '/orders/42')).toMatchObject({
      api: { logicalId: 'HttpRoot' },
      stage: { name: 'dev' },
      path: '/42',
      basePathMatched: 'orders',
      domainName: 'api.example.com',
    });
    expect(index.resolveHttp('api.example.com', '/users')).toBeUndefined();
    expect(index.resolve('api.example.com', '/users')?.api.logicalId).toBe('RestApi');
  });

  it('serves no $default at the root when two HTTP APIs have one: each answers on its own Host', () => {
    const two = new StageIndex(gatewayModel([], { httpApis: [root, other] }));
    expect(two.resolveHttp('localhost', '/x')).toBeUndefined();
    expect(two.resolveHttp('httpother.localhost', '/x')).toMatchObject({ api: { logicalId: 'HttpOther' } });
    expect(two.resolveHttp('localhost', '/qa/x')).toMatchObject({
      api: { logicalId: 'HttpOther' },
      stage: { name: 'qa' },
    });
  });

  it('answers for the only API of an assembly without a $default stage: no stage (404)', () => {
    const lone = httpApi('Lone', [httpRoute('GET /x')], [httpStage('dev')]);
    const target = new StageIndex(gatewayModel([], { httpApis: [lone] })).resolveHttp('localhost', '/x');
    expect(target).toMatchObject({ api: { logicalId: 'Lone' } });
    expect(target?.stage).toBeUndefined();
  });
});
