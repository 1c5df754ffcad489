/**
 * A custom domain in front of an HTTP-flavor gateway (AWS docs: "API mappings for custom domain names"): one Regional domain name with
 * TLS 1.2 and an API mapping per version (stage). `$default` maps to the domain root unless told otherwise,
 * other versions to their name (`https://api.example.com/v2/...` → stage `v2`).
 */
import { CfnApiMapping, CfnDomainName } from 'aws-cdk-lib/aws-apigatewayv2';
import { Construct } from 'constructs';
import { NONE_BASE_PATH } from '../../core/domain-spec';
import { type CustomDomainOptions, domainErrors, normalizeBasePath, truststoreUriOf } from '../custom-domain';
import type { HttpGatewayStage } from './http-stage';

export class HttpGatewayDomain extends Construct {
  readonly domain: CfnDomainName;
  /** The `d-xxxx.execute-api.<region>.amazonaws.com` name to point a DNS alias (or CNAME) at. */
  readonly regionalDomainName: string;
  readonly regionalHostedZoneId: string;

  constructor(
    scope: Construct,
    id: string,
    options: CustomDomainOptions,
    apiId: string,
    stages: readonly HttpGatewayStage[],
  ) {
    super(scope, id);
    const names = stages.map((stage) => stage.stageName);
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
      domainNameConfigurations: [
        {
          certificateArn: options.certificateArn,
          endpointType: 'REGIONAL',
          securityPolicy: options.securityPolicy ?? 'TLS_1_2',
        },
      ],
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
    const mappings = stages.map((stage) => ({
      basePath: normalizeBasePath(
        options.basePaths?.[stage.stageName] ?? (stage.stageName === '$default' ? '' : stage.stageName),
      ),
      target: `version "${stage.stageName}"`,
    }));
    // Synth-time, at once: AWS would refuse a bad key, a duplicate or a policy HTTP APIs lack at deploy.
    const errors = domainErrors(this, options, 'http', mappings);
    if (errors.length > 0) throw new Error(errors.join('\n'));
    stages.forEach((stage, index) => {
      const key = mappings[index].basePath;
      new CfnApiMapping(this, `Mapping${stage.node.id}`, {
        apiId,
        domainName: this.domain.ref,
        stage: stage.stage.ref,
        ...(key === NONE_BASE_PATH ? {} : { apiMappingKey: key }),
      });
    });
  }
}
