/**
 * Jest snapshot serializer that keeps CloudFormation template snapshots stable across machines and
 * aws-cdk-lib upgrades: asset hashes (64 hex characters, in S3 keys and asset paths) change whenever
 * bundled code or the bundler changes, and the bootstrap-version parameter/rule belong to the CDK
 * synthesizer, not to the gateway under test.
 */
import type { Config, NewPlugin, Refs } from 'pretty-format';

const ASSET_HASH = /[0-9a-f]{64}/;
const ASSET_HASH_ALL = /[0-9a-f]{64}/g;
const MASK = '[ASSET-HASH]';

type Printer = (val: unknown, config: Config, indentation: string, depth: number, refs: Refs) => string;

function isRecord(val: unknown): val is Record<string, unknown> {
  return typeof val === 'object' && val !== null && !Array.isArray(val);
}

function hasBootstrapNoise(val: Record<string, unknown>): boolean {
  const parameters = val.Parameters;
  const rules = val.Rules;
  return (
    (isRecord(parameters) && 'BootstrapVersion' in parameters) || (isRecord(rules) && 'CheckBootstrapVersion' in rules)
  );
}

/** A copy of a template without the synthesizer's bootstrap-version parameter and rule. */
function withoutBootstrapNoise(template: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...template };
  for (const [section, key] of [
    ['Parameters', 'BootstrapVersion'],
    ['Rules', 'CheckBootstrapVersion'],
  ] as const) {
    const entries = copy[section];
    if (!isRecord(entries) || !(key in entries)) continue;
    const { [key]: _dropped, ...rest } = entries;
    if (Object.keys(rest).length === 0) delete copy[section];
    else copy[section] = rest;
  }
  return copy;
}

const serializer: NewPlugin = {
  test(val: unknown): boolean {
    if (typeof val === 'string') return ASSET_HASH.test(val);
    return isRecord(val) && hasBootstrapNoise(val);
  },
  serialize(val: unknown, config: Config, indentation: string, depth: number, refs: Refs, printer: Printer): string {
    if (typeof val === 'string') return printer(val.replace(ASSET_HASH_ALL, MASK), config, indentation, depth, refs);
    return printer(withoutBootstrapNoise(val as Record<string, unknown>), config, indentation, depth, refs);
  },
};

export = serializer;
