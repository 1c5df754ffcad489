/**
 * Custom domains (AWS docs: "API mappings for custom domain names"): `DomainName` resources and the base path mappings that put API
 * stages under them (`BasePathMapping`, or the v2 `ApiMapping` CDK uses for multi-level paths).
 */
import type { DomainModel } from '../model';
import type { LoadContext, ResourceEntry } from './load-context';
import { asArray, asRecord, asString } from './template-values';

type Mapping = DomainModel['mappings'][number];

/** A mapping with an empty or absent base path is API Gateway's `(none)` mapping. */
export const NONE_BASE_PATH = '(none)';

export function loadDomains(context: LoadContext): DomainModel[] {
  const domains = new Map<string, Mapping[]>();
  const settings = new Map<string, DomainTls>();
  const mappingsOf = (domainName: string) => {
    const mappings = domains.get(domainName) ?? [];
    domains.set(domainName, mappings);
    return mappings;
  };
  for (const type of ['AWS::ApiGateway::DomainName', 'AWS::ApiGatewayV2::DomainName']) {
    for (const entry of context.entries(type)) {
      const domainName = asString(entry.prop('DomainName'));
      if (!domainName) continue;
      mappingsOf(domainName);
      settings.set(domainName, domainTlsOf(context, entry));
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
  return [...domains].map(([domainName, mappings]) => ({ domainName, mappings, ...settings.get(domainName) }));
}

type DomainTls = Pick<DomainModel, 'securityPolicy' | 'mutualTls'>;

/** Security policy and mutual TLS of a v1 or v2 DomainName (v2 keeps the policy in `DomainNameConfigurations`). */
function domainTlsOf(context: LoadContext, entry: ResourceEntry): DomainTls {
  const configuration = asRecord(asArray(entry.prop('DomainNameConfigurations'))[0]);
  const securityPolicy = asString(entry.prop('SecurityPolicy')) ?? asString(configuration?.SecurityPolicy);
  const mtls = asRecord(entry.prop('MutualTlsAuthentication'));
  const truststoreUri = asString(mtls?.TruststoreUri);
  if (!truststoreUri) return { securityPolicy };
  // A truststore CDK uploaded as a file asset is in the assembly under its object key (the URI's last part).
  const key = truststoreUri.replace(/^s3:\/\/[^/]*\//, '');
  const truststoreFile = context.assets.get(key)?.path;
  return {
    securityPolicy,
    mutualTls: { truststoreUri, truststoreVersion: asString(mtls?.TruststoreVersion), truststoreFile },
  };
}
