import type { ApiKeySpec } from '../usage-plan-spec';
import type { Finding } from './finding';
import { type CheckRule, finding, quoteList } from './rule';

export const apiKeyPlan: CheckRule = {
  ruleId: 'api-key-plan',
  level: 'error',
  description: 'An API key assigned to a usage plan that is not declared.',
};

export function checkApiKeyPlan(keys: readonly ApiKeySpec[], planNames: readonly string[]): Finding[] {
  return keys
    .filter((key) => !planNames.includes(key.plan))
    .map((key) =>
      finding(
        apiKeyPlan,
        `API key "${key.name}" is assigned to usage plan "${key.plan}", which is not declared (declared: ` +
          `${quoteList(planNames)}). A key outside every plan of the stage gets 403 Forbidden; assign it to a declared ` +
          'plan or declare the plan.',
      ),
    );
}
