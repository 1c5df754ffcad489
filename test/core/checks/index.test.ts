import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHECKS, checkApiKeys, checkRouteTable, checkStages, checkUsagePlans } from '../../../lib/core/checks';
import { authorizer, route, table } from './support';

describe('checks index', () => {
  it('lists every rule once, and docs/checks.md documents each one', () => {
    const ids = CHECKS.map((c) => c.ruleId);
    expect(new Set(ids).size).toBe(ids.length);
    const docs = readFileSync(join(__dirname, '../../../docs/checks.md'), 'utf8');
    const documented = [...docs.matchAll(/^\| `([a-z-]+)` +\| (error|warning) +\|/gm)].map(([, ruleId, level]) => ({
      ruleId,
      level,
    }));
    expect(documented).toEqual(CHECKS.map(({ ruleId, level }) => ({ ruleId, level })));
  });

  it('runs every route-table rule and finds nothing in a sound table', () => {
    const sound = table(
      [
        route('GET /users/{id}', { authorization: { kind: 'authorizer', authorizer: 'jwt' }, apiKeyRequired: true }),
        route('ANY /{proxy+}'),
      ],
      { authorizers: [authorizer('jwt')] },
    );
    expect(checkRouteTable(sound)).toEqual([]);
    expect(
      checkUsagePlans(
        [{ name: 'gold', methodThrottles: { 'GET /users/{id}': { rateLimit: 1, burstLimit: 2 } } }],
        sound,
      ),
    ).toEqual([]);
    expect(checkApiKeys([{ name: 'k', plan: 'gold' }], ['gold'])).toEqual([]);
    expect(checkStages([{ name: 'v1', variables: { alias: 'live' } }])).toEqual([]);
  });

  it('reports findings from several rules in one pass', () => {
    const broken = table(['GET /users/{id}', 'GET /users/{userId}', 'GET /users/{id}'], {
      authorizers: [authorizer('jwt', { resultTtlSeconds: 9999 })],
    });
    expect(
      checkRouteTable(broken)
        .map((f) => f.ruleId)
        .sort(),
    ).toEqual(['authorizer-ttl-range', 'duplicate-route', 'sibling-path-variables']);
    expect(checkApiKeys([{ name: 'k', value: 'short', plan: 'none' }], []).map((f) => f.ruleId)).toEqual([
      'api-key-value',
      'api-key-plan',
    ]);
  });
});
