/**
 * A custom domain in front of an HTTP-flavor gateway (AWS docs: "API mappings for custom domain names"): one Regional domain name with
 * TLS 1.2 and an API mapping per version (stage). `$default` maps to the domain root unless told otherwise,
 * other versions to their name (`https://api.example.com/v2/...` → stage `v2`).
 */
import { CfnApiMapping, CfnDomainName } from 'aws-cdk-lib/aws-apigatewayv2';
import { Construct } from 'constructs';
import type { CustomDomainOptions } from '../custom-domain';
import type { HttpGatewayStage } from './http-stage';

/** API mapping key characters API Gateway accepts (AWS docs: "API mappings for custom domain names"), at most 300; '' is the root mapping. */
const MAPPING_KEY = /^[A-Za-z0-9$\-_.+!*'()/]{0,300}$/;

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
        { certificateArn: options.certificateArn, endpointType: 'REGIONAL', securityPolicy: 'TLS_1_2' },
      ],
    });
    this.regionalDomainName = this.domain.attrRegionalDomainName;
    this.regionalHostedZoneId = this.domain.attrRegionalHostedZoneId;
    const mapped = new Map<string, string>();
    for (const stage of stages) {
      const key = options.basePaths?.[stage.stageName] ?? (stage.stageName === '$default' ? '' : stage.stageName);
      if (!MAPPING_KEY.test(key)) {
        throw new Error(
          `Custom domain "${options.domainName}": base path "${key}" of version "${stage.stageName}" may use only ` +
            "A-Z a-z 0-9 $ - _ . + ! * ' ( ) / and at most 300 characters ('' maps the domain root).",
        );
      }
      const other = mapped.get(key);
      if (other !== undefined) {
        throw new Error(
          `Custom domain "${options.domainName}": versions "${other}" and "${stage.stageName}" both map to base path ` +
            `"${key || '(none)'}"; give one of them another base path in basePaths.`,
        );
      }
      mapped.set(key, stage.stageName);
      new CfnApiMapping(this, `Mapping${stage.node.id}`, {
        apiId,
        domainName: this.domain.ref,
        stage: stage.stage.ref,
        ...(key === '' ? {} : { apiMappingKey: key }),
      });
    }
  }
}
