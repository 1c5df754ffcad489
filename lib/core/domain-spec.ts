/**
 * A custom domain name as the synth-time checks see it (AWS docs: "Custom domain name for public REST APIs in
 * API Gateway", "API mappings for custom domain names"): its endpoint type, security policy, certificate region
 * and API mappings. Pure data, shared by the constructs (which build it) and the checks.
 */

/** A mapping with no base path: the domain's root (`https://api.example.com/...`). */
export const NONE_BASE_PATH = '(none)';

export interface DomainMappingSpec {
  /** `(none)` for the root mapping, else `v1`, `orders/v1`, ... (no leading or trailing `/`). */
  readonly basePath: string;
  readonly flavor: 'rest' | 'http';
  /** What the mapping points at, for messages (`Gateway v1`, `OrdersApi stage prod`). */
  readonly target: string;
}

export interface DomainSpec {
  readonly domainName: string;
  readonly endpointType: 'REGIONAL' | 'EDGE';
  readonly securityPolicy: string;
  /** Region of the ACM certificate, when known at synth (a literal ARN); undefined for a token. */
  readonly certificateRegion?: string;
  /** Region of the stack, when known at synth; undefined for an environment-agnostic stack. */
  readonly stackRegion?: string;
  readonly mutualTls: boolean;
  readonly mappings: readonly DomainMappingSpec[];
}

/** `orders/v1` has two levels; `(none)` and `v1` one or none. */
export function isMultiLevel(basePath: string): boolean {
  return basePath !== NONE_BASE_PATH && basePath.includes('/');
}

/** `arn:aws:acm:eu-west-1:123456789012:certificate/...` → `eu-west-1`; undefined for tokens and other strings. */
export function certificateRegionOf(arn: string): string | undefined {
  const match = /^arn:aws[a-z-]*:acm:([a-z0-9-]+):/.exec(arn);
  return match?.[1];
}
