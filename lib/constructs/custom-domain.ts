/**
 * A custom domain in front of the versions (AWS docs: "API mappings for custom domain names"): one Regional domain name with TLS 1.2 and a
 * base path mapping per version (`https://api.example.com/v1/...` → the v1 API's `v1` stage).
 */
import { CfnBasePathMapping, CfnDomainName } from 'aws-cdk-lib/aws-apigateway';
import { Construct } from 'constructs';
import type { GatewayVersion } from './versions';

export interface CustomDomainOptions {
  /** The domain name, e.g. `api.example.com`. */
  readonly domainName: string;
  /** ARN of an ACM certificate for the domain, in the stack's region (Regional endpoint). */
  readonly certificateArn: string;
  /**
   * Base path of each version on the domain, by version name.
   * @default - the version name (`v1` → `https://<domain>/v1/...`)
   */
  readonly basePaths?: Record<string, string>;
}

/** Base path characters API Gateway accepts (AWS docs: "API mappings for custom domain names"), at most 300 of them. */
const BASE_PATH = /^[A-Za-z0-9$\-_.+!*'()/]{1,300}$/;

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
      securityPolicy: 'TLS_1_2',
    });
    this.regionalDomainName = this.domain.attrRegionalDomainName;
    this.regionalHostedZoneId = this.domain.attrRegionalHostedZoneId;
    for (const version of versions) {
      const basePath = options.basePaths?.[version.versionName] ?? version.versionName;
      if (!BASE_PATH.test(basePath)) {
        throw new Error(
          `Custom domain "${options.domainName}": base path "${basePath}" of version "${version.versionName}" may use ` +
            "only A-Z a-z 0-9 $ - _ . + ! * ' ( ) / and at most 300 characters.",
        );
      }
      new CfnBasePathMapping(this, `Mapping${version.node.id}`, {
        domainName: this.domain.ref,
        restApiId: version.restApi.ref,
        stage: version.stage.ref,
        basePath,
      });
    }
  }
}
