/**
 * A custom domain in front of the versions (AWS docs: "API mappings for custom domain names"): one Regional domain
 * name (TLS 1.2 unless told otherwise) and a mapping per version (`https://api.example.com/v1/...` → the v1 API's
 * `v1` stage; `(none)` maps the domain root). Single-level base paths are `AWS::ApiGateway::BasePathMapping`s;
 * multi-level ones (`orders/v1`) are `AWS::ApiGatewayV2::ApiMapping`s, the only kind AWS accepts for them.
 * Domains shared with other APIs of the app, several names, DNS records and new certificates: `ApiDomain`.
 */
import { Stack, Token } from 'aws-cdk-lib';
import { CfnBasePathMapping, CfnDomainName } from 'aws-cdk-lib/aws-apigateway';
import { CfnApiMapping } from 'aws-cdk-lib/aws-apigatewayv2';
import { Asset } from 'aws-cdk-lib/aws-s3-assets';
import { Construct } from 'constructs';
import { checkDomain } from '../core/checks';
import { certificateRegionOf, isMultiLevel, NONE_BASE_PATH } from '../core/domain-spec';
import type { ApiDomainMutualTls } from './api-domain';
import type { GatewayVersion } from './versions';

export interface CustomDomainOptions {
  /** The domain name, e.g. `api.example.com`. */
  readonly domainName: string;
  /** ARN of an ACM certificate for the domain, in the stack's region (Regional endpoint). */
  readonly certificateArn: string;
  /**
   * Base path of each version on the domain, by version name: `(none)` (or '') for the domain root, `v1`, or a
   * multi-level path such as `orders/v1`.
   * @default - the version name (`v1` → `https://<domain>/v1/...`); the HTTP flavor maps `$default` to `(none)`
   */
  readonly basePaths?: Record<string, string>;
  /** `TLS_1_2`, `TLS_1_0` or an enhanced `SecurityPolicy_…` policy (REST only). @default 'TLS_1_2' */
  readonly securityPolicy?: string;
  /** Mutual TLS with a truststore in S3 or a local PEM file (published as an asset). @default - none */
  readonly mutualTls?: ApiDomainMutualTls;
}

/** The truststore URI of `mutualTls`: the S3 URI given, or a file asset's. */
export function truststoreUriOf(scope: Construct, options: CustomDomainOptions): string | undefined {
  const mtls = options.mutualTls;
  if (!mtls) return undefined;
  if ((mtls.truststoreUri === undefined) === (mtls.truststoreFile === undefined)) {
    throw new Error(
      `Custom domain "${options.domainName}": mutualTls needs exactly one of truststoreUri and truststoreFile.`,
    );
  }
  return mtls.truststoreFile !== undefined
    ? new Asset(scope, 'Truststore', { path: mtls.truststoreFile }).s3ObjectUrl
    : mtls.truststoreUri;
}

/** Runs the domain checks (lib/core/checks, domain-*) over a gateway's own domain. */
export function domainErrors(
  scope: Construct,
  options: CustomDomainOptions,
  flavor: 'rest' | 'http',
  mappings: readonly { readonly basePath: string; readonly target: string }[],
): string[] {
  const region = Stack.of(scope).region;
  return checkDomain({
    domainName: options.domainName,
    endpointType: 'REGIONAL',
    securityPolicy: options.securityPolicy ?? 'TLS_1_2',
    certificateRegion: certificateRegionOf(options.certificateArn),
    stackRegion: Token.isUnresolved(region) ? undefined : region,
    mutualTls: options.mutualTls !== undefined,
    mappings: mappings.map((mapping) => ({ ...mapping, flavor })),
  })
    .filter((finding) => finding.level === 'error')
    .map((finding) => finding.message);
}

/** '' and `(none)` name the root mapping. */
export function normalizeBasePath(basePath: string): string {
  return basePath.trim() === '' || basePath.toLowerCase() === NONE_BASE_PATH ? NONE_BASE_PATH : basePath;
}

export class GatewayDomain extends Construct {
  readonly domain: CfnDomainName;
  /** The `d-xxxx.execute-api.<region>.amazonaws.com` name to point a DNS alias (or CNAME) at. */
  readonly regionalDomainName: string;
  readonly regionalHostedZoneId: string;

  constructor(scope: Construct, id: string, options: CustomDomainOptions, versions: readonly GatewayVersion[]) {
    super(scope, id);
    const names = versions.map((version) => version.versionName);
    for (const version of Object.keys(options.basePaths ?? {})) {
      if (!names.includes(version)) {
        throw new Error(
          `Custom domain "${options.domainName}": basePaths names version "${version}", which is not declared ` +
            `(declared: ${names.map((name) => `"${name}"`).join(', ')}).`,
        );
      }
    }
    this.domain = new CfnDomainName(this, 'Resource', {
      domainName: options.domainName,
      regionalCertificateArn: options.certificateArn,
      endpointConfiguration: { types: ['REGIONAL'] },
      securityPolicy: options.securityPolicy ?? 'TLS_1_2',
    });
    const truststoreUri = truststoreUriOf(this, options);
    if (truststoreUri) {
      this.domain.mutualTlsAuthentication = {
        truststoreUri,
        truststoreVersion: options.mutualTls?.truststoreVersion,
      };
    }
    this.regionalDomainName = this.domain.attrRegionalDomainName;
    this.regionalHostedZoneId = this.domain.attrRegionalHostedZoneId;
    const mappings = versions.map((version) => ({
      basePath: normalizeBasePath(options.basePaths?.[version.versionName] ?? version.versionName),
      target: `version "${version.versionName}"`,
    }));
    // Synth-time, at once: AWS would refuse a bad path, a duplicate or a multi-level path on this domain at deploy.
    const errors = domainErrors(this, options, 'rest', mappings);
    if (errors.length > 0) throw new Error(errors.join('\n'));
    versions.forEach((version, index) => {
      const { basePath } = mappings[index];
      const id = `Mapping${version.node.id}`;
      if (isMultiLevel(basePath)) {
        new CfnApiMapping(this, id, {
          domainName: this.domain.ref,
          apiId: version.restApi.ref,
          stage: version.stage.ref,
          apiMappingKey: basePath,
        });
        return;
      }
      new CfnBasePathMapping(this, id, {
        domainName: this.domain.ref,
        restApiId: version.restApi.ref,
        stage: version.stage.ref,
        ...(basePath === NONE_BASE_PATH ? {} : { basePath }),
      });
    });
  }
}
