/**
 * The OpenAPI bodies count toward CloudFormation's template size limit (1 MB for a template in S3), as
 * the CDK writes them: JSON indented by one space. docs/decisions/0001 measures bytes per route; this
 * check warns well before the limit and fails when the bodies alone cannot fit.
 */
import { Stack } from 'aws-cdk-lib';
import type { Finding } from '../core/checks';
import type { GatewayVersion } from './versions';

/** Warn above this many bytes of one version's definition: the rest of the stack needs room too. */
export const DEFINITION_WARNING_BYTES = 700 * 1024;
/** CloudFormation rejects larger templates (S3-hosted), so larger bodies can never deploy. */
export const MAX_TEMPLATE_BYTES = 1_000_000;

/** Where the body sits in the template: `Resources` → logical id → `Properties` → `Body`. */
const BODY_DEPTH = 4;

/** Bytes the version's definition adds to the template file (resolved, indented as the CDK writes it). */
export function definitionBytes(version: GatewayVersion): number {
  const text = JSON.stringify(Stack.of(version).resolve(version.definition()), undefined, 1);
  const lineBreaks = text.split('\n').length - 1;
  return Buffer.byteLength(text) + BODY_DEPTH * lineBreaks;
}

export function definitionSizeFindings(versions: readonly GatewayVersion[]): Finding[] {
  const sizes = versions.map((version) => ({ name: version.versionName, bytes: definitionBytes(version) }));
  const total = sizes.reduce((sum, size) => sum + size.bytes, 0);
  const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;
  if (total > MAX_TEMPLATE_BYTES) {
    return [
      {
        ruleId: 'definition-size',
        level: 'error',
        message:
          `The API definitions (RestApi Body: ${sizes.map((s) => `${s.name} ${kb(s.bytes)}`).join(', ')}) add up to ` +
          `${kb(total)}, above CloudFormation's 1 MB template limit. Split the routes across gateways in separate stacks.`,
      },
    ];
  }
  return sizes
    .filter((size) => size.bytes > DEFINITION_WARNING_BYTES)
    .map((size) => ({
      ruleId: 'definition-size',
      level: 'warning' as const,
      message:
        `Version "${size.name}": the API definition (RestApi Body) is ${kb(size.bytes)}, approaching ` +
        "CloudFormation's 1 MB template limit. Plan to split the routes across gateways in separate stacks.",
    }));
}
