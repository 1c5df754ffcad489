// biome-ignore-all lint/suspicious/noTemplateCurlyInString: API Gateway's ${stageVariables.x} and CDK's ${Token[...]} are plain strings here
import { canonicalJson, deploymentHash } from '../../lib/core/deployment-hash';
import { parseRouteKey } from '../../lib/core/route-key';
import type { RouteSpec, RouteTable } from '../../lib/core/route-table';

function route(key: string, timeoutMs = 29000): RouteSpec {
  return {
    key: parseRouteKey(key),
    authorization: { kind: 'authorizer', authorizer: 'jwt' },
    apiKeyRequired: true,
    integration: { kind: 'lambda', functionArn: '${stageVariables.usersFunction}', timeoutMs },
    requestParameters: {},
  };
}

function table(routes: RouteSpec[], authorizerArn = '${Token[TOKEN.101]}'): RouteTable {
  return {
    routes,
    authorizers: [
      { name: 'jwt', type: 'REQUEST', functionArn: authorizerArn, identitySources: [], resultTtlSeconds: 300 },
    ],
    apiKeySource: 'HEADER',
    binaryMediaTypes: [],
  };
}

describe('deploymentHash', () => {
  test('is a sha256 hex digest, the same for the same input', () => {
    const hash = deploymentHash({ table: table([route('GET /users')]) });
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(deploymentHash({ table: table([route('GET /users')]) })).toBe(hash);
  });

  test('ignores the order of routes and plans', () => {
    const plans = [
      { name: 'free', methodThrottles: {} },
      { name: 'pro', methodThrottles: {} },
    ];
    const a = deploymentHash({ table: table([route('GET /a'), route('GET /b')]), usagePlans: plans });
    const b = deploymentHash({ table: table([route('GET /b'), route('GET /a')]), usagePlans: [...plans].reverse() });
    expect(b).toBe(a);
  });

  test('changes when an integration setting changes', () => {
    expect(deploymentHash({ table: table([route('GET /a', 1000)]) })).not.toBe(
      deploymentHash({ table: table([route('GET /a', 2000)]) }),
    );
  });

  test('hashes token strings through the stabilizer, so token numbering does not matter', () => {
    const stabilize = () => 'AuthorizerFunction.Arn';
    const first = deploymentHash({ table: table([route('GET /a')], '${Token[TOKEN.101]}') }, { stabilize });
    const second = deploymentHash({ table: table([route('GET /a')], '${Token[TOKEN.977]}') }, { stabilize });
    expect(second).toBe(first);
    expect(deploymentHash({ table: table([route('GET /a')], '${Token[TOKEN.977]}') })).not.toBe(first);
  });
});

describe('canonicalJson', () => {
  test('sorts keys at every level and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[1,{"y":2,"z":1}]},"b":1}',
    );
  });
});
