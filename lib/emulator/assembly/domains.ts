/**
 * Custom domains (AWS docs: "API mappings for custom domain names"): `DomainName` resources and the base path mappings that put API
 * stages under them (`BasePathMapping`, or the v2 `ApiMapping` CDK uses for multi-level paths).
 */
import type { DomainModel } from '../model';
import type { LoadContext, ResourceEntry } from './load-context';
import { asString } from './template-values';

type Mapping = DomainModel['mappings'][number];

/** A mapping with an empty or absent base path is API Gateway's `(none)` mapping. */
export const NONE_BASE_PATH = '(none)';

export function loadDomains(context: LoadContext): DomainModel[] {
  const domains = new Map<string, Mapping[]>();
  const mappingsOf = (domainName: string) => {
    const mappings = domains.get(domainName) ?? [];
    domains.set(domainName, mappings);
    return mappings;
  };
  for (const type of ['AWS::ApiGateway::DomainName', 'AWS::ApiGatewayV2::DomainName']) {
    for (const entry of context.entries(type)) {
      const domainName = asString(entry.prop('DomainName'));
      if (domainName) mappingsOf(domainName);
    }
  }
  const add = (entry: ResourceEntry, apiId: unknown, domainName: unknown, stage: unknown, basePath: unknown) => {
    const api = context.api(apiId);
    const domain = asString(domainName);
    const stageName = asString(stage);
    if (!api) {
      // A v2 ApiMapping may map an HTTP API, which is reported where the API is declared.
      if (entry.type !== 'AWS::ApiGatewayV2::ApiMapping') {
        context.unsupported(entry.path, 'the mapping names a REST API that is not in this assembly');
      }
      return;
    }
    if (!domain || !stageName) {
      context.unsupported(
        entry.path,
        'the mapping has no domain name or no stage; callers would have to name the stage, which is not served',
      );
      return;
    }
    const path = (asString(basePath) ?? '').replace(/^\/+|\/+$/g, '');
    mappingsOf(domain).push({
      basePath: path === '' ? NONE_BASE_PATH : path,
      apiLogicalId: api.modelId,
      stage: stageName,
    });
  };
  for (const entry of context.entries('AWS::ApiGateway::BasePathMapping')) {
    add(entry, entry.prop('RestApiId'), entry.prop('DomainName'), entry.prop('Stage'), entry.prop('BasePath'));
  }
  for (const entry of context.entries('AWS::ApiGatewayV2::ApiMapping')) {
    add(entry, entry.prop('ApiId'), entry.prop('DomainName'), entry.prop('Stage'), entry.prop('ApiMappingKey'));
  }
  return [...domains].map(([domainName, mappings]) => ({ domainName, mappings }));
}
