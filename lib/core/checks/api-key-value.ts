import { type ApiKeySpec, MAX_API_KEY_VALUE_LENGTH, MIN_API_KEY_VALUE_LENGTH } from '../usage-plan-spec';
import type { Finding } from './finding';
import { type CheckRule, finding, isToken } from './rule';

export const apiKeyValue: CheckRule = {
  ruleId: 'api-key-value',
  level: 'error',
  description: `An API key value shorter than ${MIN_API_KEY_VALUE_LENGTH} or longer than ${MAX_API_KEY_VALUE_LENGTH} characters, or used by two keys.`,
};

/** Key value constraints and AWS's messages (AWS docs: "Usage plans and API keys for REST APIs"); values a CDK token stands for are unknown here. */
export function checkApiKeyValue(keys: readonly ApiKeySpec[]): Finding[] {
  const findings: Finding[] = [];
  const owners = new Map<string, string>();
  for (const key of keys) {
    const value = key.value;
    if (value === undefined || isToken(value)) continue;
    // The value is a secret: messages give its length, never the value itself.
    if (value.length < MIN_API_KEY_VALUE_LENGTH) {
      findings.push(
        finding(
          apiKeyValue,
          `API key "${key.name}": its value has ${value.length} characters: API Key value should be at least ` +
            `${MIN_API_KEY_VALUE_LENGTH} characters. Use a longer value, or leave the value out to let API Gateway generate one.`,
        ),
      );
    } else if (value.length > MAX_API_KEY_VALUE_LENGTH) {
      findings.push(
        finding(
          apiKeyValue,
          `API key "${key.name}": its value has ${value.length} characters: API Key value exceeds maximum size of ` +
            `${MAX_API_KEY_VALUE_LENGTH} characters. Use a shorter value, or leave the value out to let API Gateway generate one.`,
        ),
      );
    }
    const owner = owners.get(value);
    if (owner !== undefined) {
      findings.push(
        finding(
          apiKeyValue,
          `API key "${key.name}" has the same value as API key "${owner}"; API key values must be unique. ` +
            'Give each key its own value.',
        ),
      );
    } else {
      owners.set(value, key.name);
    }
  }
  return findings;
}
