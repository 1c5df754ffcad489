/**
 * A custom domain name in front of any APIs of the app (AWS docs: "Custom domain name for public REST APIs in API
 * Gateway", "API mappings for custom domain names"): one or more names sharing a certificate (an existing ACM ARN,
 * or a new DNS-validated one for a hosted zone), a security policy, optional mutual TLS, API mappings to stages of
 * REST and HTTP APIs (Portico gateways or plain aws-cdk-lib ones) at `(none)`, `v1` or `orders/v1`, and optional
 * Route 53 alias records (A and AAAA).
 *
 * Rendered as AWS expects it: an `AWS::ApiGateway::DomainName` per name; single-level and `(none)` REST mappings
 * as `AWS::ApiGateway::BasePathMapping`s; multi-level REST mappings and every HTTP API mapping as
 * `AWS::ApiGatewayV2::ApiMapping`s (the v1 BasePathMapping API refuses a `/` in the base path and HTTP APIs;
 * AWS docs: "API mappings for custom domain names").
 */
import { Annotations, Stack, Token } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as apigatewayv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { Asset } from 'aws-cdk-lib/aws-s3-assets';
import { Construct } from 'constructs';
import { checkDomain } from '../core/checks';
import { certificateRegionOf, type DomainMappingSpec, isMultiLevel, NONE_BASE_PATH } from '../core/domain-spec';

/** Where an API mapping points: one stage of one API. */
export interface ApiMappingTarget {
  /** The REST API id (`restApi.restApiId`) or HTTP API id (`httpApi.apiId`). */
  readonly apiId: string;
  /** The stage name (a token such as `stage.stageName` keeps the dependency on the stage). */
  readonly stage: string;
  /** `rest` for API Gateway v1 REST APIs, `http` for v2 HTTP APIs. */
  readonly flavor: 'rest' | 'http';
  /** How messages name the target. @default - the API id and stage */
  readonly label?: string;
}

/** The parts of a Portico `Gateway` a mapping reads (structural, so this file does not import the gateway). */
export interface MappableGateway {
  readonly node: { readonly id: string };
  readonly versions: readonly {
    readonly versionName: string;
    readonly restApi: { readonly ref: string };
    readonly stage: { readonly ref: string };
  }[];
  readonly http?: {
    readonly api: { readonly ref: string };
    readonly stages: readonly { readonly stageName: string; readonly stage: { readonly ref: string } }[];
  };
}

/** Mutual TLS: the truststore (a PEM bundle of client CAs) as an S3 object, or a local file uploaded as an asset. */
export interface ApiDomainMutualTls {
  /** `s3://bucket/key` of the truststore. Give this or `truststoreFile`. @default - none */
  readonly truststoreUri?: string;
  /** The S3 object version of `truststoreUri`. @default - the latest version */
  readonly truststoreVersion?: string;
  /**
   * A local PEM file, published as a file asset; `portico serve --https` reads it from the cloud assembly.
   * @default - none
   */
  readonly truststoreFile?: string;
}

export interface ApiDomainProps {
  /** The domain name, e.g. `api.example.com`. */
  readonly domainName: string;
  /** More names with the same certificate, policy and mappings (one domain resource each). @default - none */
  readonly alternativeNames?: readonly string[];
  /**
   * ARN of an ACM certificate covering every name: in the stack's region for a Regional domain, in us-east-1 for
   * an edge-optimized one.
   * @default - a new DNS-validated certificate in `hostedZone` (one of the two is required)
   */
  readonly certificateArn?: string;
  /** The hosted zone of the names: validates a new certificate and holds the alias records. @default - none */
  readonly hostedZone?: route53.IHostedZone;
  /** Create A and AAAA alias records for every name in `hostedZone`. @default true when `hostedZone` is given */
  readonly aliasRecords?: boolean;
  /** @default 'REGIONAL' */
  readonly endpointType?: 'REGIONAL' | 'EDGE';
  /**
   * `TLS_1_2`, `TLS_1_0`, or an enhanced policy such as `SecurityPolicy_TLS13_1_3_2025_09` (REST-only domains).
   * @default 'TLS_1_2'
   */
  readonly securityPolicy?: string;
  /** @default - no mutual TLS */
  readonly mutualTls?: ApiDomainMutualTls;
  /** API mappings by base path (`(none)` or '' for the root, `v1`, `orders/v1`). @default - add them with addMapping */
  readonly mappings?: Readonly<Record<string, ApiMappingTarget>>;
}

interface PendingMapping {
  readonly basePath: string;
  readonly target: ApiMappingTarget;
}

export class ApiDomain extends Construct {
  /** A Portico gateway's version (REST) or stage (HTTP flavor) as a mapping target. */
  static gatewayTarget(gateway: MappableGateway, version: string): ApiMappingTarget {
    const label = `${gateway.node.id} ${version}`;
    const rest = gateway.versions.find((candidate) => candidate.versionName === version);
    if (rest) return { apiId: rest.restApi.ref, stage: rest.stage.ref, flavor: 'rest', label };
    const http = gateway.http?.stages.find((candidate) => candidate.stageName === version);
    if (gateway.http && http) return { apiId: gateway.http.api.ref, stage: http.stage.ref, flavor: 'http', label };
    const known = [
      ...gateway.versions.map((v) => v.versionName),
      ...(gateway.http?.stages ?? []).map((s) => s.stageName),
    ];
    throw new Error(
      `Gateway "${gateway.node.id}" has no version "${version}" to map (declared: ${known.map((n) => `"${n}"`).join(', ')}).`,
    );
  }

  /** The certificate's ARN (given, or of the certificate this domain created). */
  readonly certificateArn: string;
  /** The domain resources, one per name, in the order of the names. */
  readonly domains: readonly apigateway.CfnDomainName[];
  /** The truststore URI when mutual TLS is on. */
  readonly truststoreUri?: string;

  private readonly props: ApiDomainProps;
  private readonly mappings: PendingMapping[] = [];

  constructor(scope: Construct, id: string, props: ApiDomainProps) {
    super(scope, id);
    this.props = props;
    if (props.certificateArn === undefined && props.hostedZone === undefined) {
      throw new Error(
        `ApiDomain "${props.domainName}": give certificateArn (an ACM certificate for the names) or hostedZone ` +
          '(a new certificate is requested and validated through DNS there).',
      );
    }
    const mtls = props.mutualTls;
    if (mtls && (mtls.truststoreUri === undefined) === (mtls.truststoreFile === undefined)) {
      throw new Error(
        `ApiDomain "${props.domainName}": mutualTls needs exactly one of truststoreUri and truststoreFile.`,
      );
    }
    this.certificateArn = props.certificateArn ?? this.newCertificate(props).certificateArn;
    this.truststoreUri =
      mtls?.truststoreFile !== undefined
        ? new Asset(this, 'Truststore', { path: mtls.truststoreFile }).s3ObjectUrl
        : mtls?.truststoreUri;
    this.domains = this.names.map((domainName, index) => this.renderDomain(domainName, suffixOf(index)));
    for (const [basePath, target] of Object.entries(props.mappings ?? {})) this.addMapping(basePath, target);
    this.node.addValidation({ validate: () => this.validate() });
  }

  /** Every name of the domain, the main one first. */
  get names(): readonly string[] {
    return [this.props.domainName, ...(this.props.alternativeNames ?? [])];
  }

  /**
   * Maps a base path (`(none)` or '' for the root, `v1`, multi-level `orders/v1`) to a stage, on every name.
   * Single-level REST mappings are `AWS::ApiGateway::BasePathMapping`s; multi-level and HTTP API mappings are
   * `AWS::ApiGatewayV2::ApiMapping`s, the only kind AWS accepts for them.
   */
  addMapping(basePath: string, target: ApiMappingTarget): this {
    const path = normalize(basePath);
    const index = this.mappings.length + 1;
    this.mappings.push({ basePath: path, target });
    this.domains.forEach((domain, nameIndex) => {
      const id = `Mapping${suffixOf(nameIndex)}${index}`;
      if (target.flavor === 'rest' && !isMultiLevel(path)) {
        new apigateway.CfnBasePathMapping(this, id, {
          domainName: domain.ref,
          restApiId: target.apiId,
          stage: target.stage,
          ...(path === NONE_BASE_PATH ? {} : { basePath: path }),
        });
      } else {
        new apigatewayv2.CfnApiMapping(this, id, {
          domainName: domain.ref,
          apiId: target.apiId,
          stage: target.stage,
          ...(path === NONE_BASE_PATH ? {} : { apiMappingKey: path }),
        });
      }
    });
    return this;
  }

  /** Maps a base path to a version (REST) or stage (HTTP flavor) of a Portico gateway. */
  mapGateway(basePath: string, gateway: MappableGateway, version: string): this {
    return this.addMapping(basePath, ApiDomain.gatewayTarget(gateway, version));
  }

  private newCertificate(props: ApiDomainProps): acm.Certificate {
    return new acm.Certificate(this, 'Certificate', {
      domainName: props.domainName,
      subjectAlternativeNames: props.alternativeNames ? [...props.alternativeNames] : undefined,
      validation: acm.CertificateValidation.fromDns(props.hostedZone),
    });
  }

  /**
   * One `AWS::ApiGateway::DomainName` per name: it serves REST and HTTP API mappings alike (v2 ApiMappings may
   * name it), and unlike the v2 resource it supports edge-optimized endpoints and the enhanced policies.
   */
  private renderDomain(domainName: string, suffix: string): apigateway.CfnDomainName {
    const props = this.props;
    const endpointType = props.endpointType ?? 'REGIONAL';
    const edge = endpointType === 'EDGE';
    const domain = new apigateway.CfnDomainName(this, `Resource${suffix}`, {
      domainName,
      ...(edge ? { certificateArn: this.certificateArn } : { regionalCertificateArn: this.certificateArn }),
      endpointConfiguration: { types: [endpointType] },
      securityPolicy: props.securityPolicy ?? 'TLS_1_2',
      mutualTlsAuthentication: this.truststoreUri
        ? { truststoreUri: this.truststoreUri, truststoreVersion: props.mutualTls?.truststoreVersion }
        : undefined,
    });
    if (props.hostedZone && props.aliasRecords !== false) {
      const dnsName = edge ? domain.attrDistributionDomainName : domain.attrRegionalDomainName;
      const hostedZoneId = edge ? domain.attrDistributionHostedZoneId : domain.attrRegionalHostedZoneId;
      const target = route53.RecordTarget.fromAlias({ bind: () => ({ dnsName, hostedZoneId }) });
      new route53.ARecord(this, `AliasA${suffix}`, { zone: props.hostedZone, recordName: domainName, target });
      new route53.AaaaRecord(this, `AliasAaaa${suffix}`, { zone: props.hostedZone, recordName: domainName, target });
    }
    return domain;
  }

  /** The domain checks (lib/core/checks, domain-*), per name. */
  private validate(): string[] {
    const stack = Stack.of(this);
    const errors: string[] = [];
    for (const domainName of this.names) {
      const findings = checkDomain({
        domainName,
        endpointType: this.props.endpointType ?? 'REGIONAL',
        securityPolicy: this.props.securityPolicy ?? 'TLS_1_2',
        certificateRegion: this.props.certificateArn ? certificateRegionOf(this.props.certificateArn) : undefined,
        stackRegion: Token.isUnresolved(stack.region) ? undefined : stack.region,
        mutualTls: this.props.mutualTls !== undefined,
        mappings: this.mappings.map(
          ({ basePath, target }): DomainMappingSpec => ({
            basePath,
            flavor: target.flavor,
            target: target.label ?? `the ${target.flavor === 'rest' ? 'REST' : 'HTTP'} API stage`,
          }),
        ),
      });
      for (const finding of findings) {
        if (finding.level === 'error') errors.push(finding.message);
        else Annotations.of(this).addWarningV2(`portico:${finding.ruleId}`, finding.message);
      }
    }
    return [...new Set(errors)];
  }
}

function suffixOf(nameIndex: number): string {
  return nameIndex === 0 ? '' : String(nameIndex + 1);
}

/** '' and `(none)` (any case) are the root mapping; surrounding slashes are dropped (`/v1/` → `v1`). */
function normalize(basePath: string): string {
  if (basePath.trim() === '' || basePath.toLowerCase() === NONE_BASE_PATH) return NONE_BASE_PATH;
  return basePath;
}
