import { checkApiKeyPlan } from '../../../lib/core/checks/api-key-plan';

describe('api-key-plan', () => {
  it('accepts keys assigned to declared plans', () => {
    expect(checkApiKeyPlan([{ name: 'partner', plan: 'gold' }], ['gold', 'silver'])).toEqual([]);
  });

  it('reports a key assigned to an undeclared plan', () => {
    expect(checkApiKeyPlan([{ name: 'partner', plan: 'platinum' }], ['gold', 'silver'])).toEqual([
      {
        ruleId: 'api-key-plan',
        level: 'error',
        message:
          'API key "partner" is assigned to usage plan "platinum", which is not declared (declared: "gold", "silver"). ' +
          'A key outside every plan of the stage gets 403 Forbidden; assign it to a declared plan or declare the plan.',
      },
    ]);
  });
});
