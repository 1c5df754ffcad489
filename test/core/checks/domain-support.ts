import type { DomainMappingSpec, DomainSpec } from '../../../lib/core/domain-spec';

export function domain(
  overrides: Partial<DomainSpec> = {},
  mappings: readonly Partial<DomainMappingSpec>[] = [],
): DomainSpec {
  return {
    domainName: 'api.example.com',
    endpointType: 'REGIONAL',
    securityPolicy: 'TLS_1_2',
    stackRegion: 'eu-west-1',
    certificateRegion: 'eu-west-1',
    mutualTls: false,
    mappings: mappings.map((mapping, index) => ({
      basePath: '(none)',
      flavor: 'rest',
      target: `api${index}`,
      ...mapping,
    })),
    ...overrides,
  };
}
