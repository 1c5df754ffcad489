import { checkAuthorizerTtlRange } from '../../../lib/core/checks/authorizer-ttl-range';
import { authorizer, table } from './support';

describe('authorizer-ttl-range', () => {
  it('accepts 0 (no caching) through 3600 seconds', () => {
    const authorizers = [authorizer('off', { resultTtlSeconds: 0 }), authorizer('max', { resultTtlSeconds: 3600 })];
    expect(checkAuthorizerTtlRange(table([], { authorizers }))).toEqual([]);
  });

  it('reports a TTL above 3600, below 0 or fractional', () => {
    const authorizers = [
      authorizer('long', { resultTtlSeconds: 7200 }),
      authorizer('negative', { resultTtlSeconds: -1 }),
      authorizer('fraction', { resultTtlSeconds: 1.5 }),
    ];
    const findings = checkAuthorizerTtlRange(table([], { authorizers }));
    expect(findings).toHaveLength(3);
    expect(findings[0]).toMatchObject({ ruleId: 'authorizer-ttl-range', level: 'error' });
    expect(findings[0].message).toBe(
      'Authorizer "long": resultTtlSeconds 7200 is outside API Gateway\'s range of whole seconds 0..3600. ' +
        'Use 0 to turn caching off, or a TTL of at most 3600 seconds.',
    );
    expect(findings[1].message).toContain('Authorizer "negative": resultTtlSeconds -1');
    expect(findings[2].message).toContain('Authorizer "fraction": resultTtlSeconds 1.5');
  });
});
