/** Synth assertions for custom domains: ApiDomain across APIs and flavors, and a gateway's own domain. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { ApiDomain, Gateway, RouteAuthorization, RouteIntegration } from '../../lib/constructs';
import { inlineFunction, newStack, resourcesOfType, simpleGateway } from './helpers';

const CERTIFICATE = 'arn:aws:acm:eu-west-1:123456789012:certificate/abc';

const REST_TARGET = { apiId: 'a1b2c3d4e5', stage: 'prod', flavor: 'rest' as const, label: 'Api prod' };

/** A stack with only the domain: mapping targets are plain ids (a plain aws-cdk-lib API would pass its own). */
function bareStack() {
  return { stack: newStack() };
}

function twoGateways() {
  const stack = newStack();
  const rest = simpleGateway(stack, { versions: { v1: {}, v2: {} } });
  const http = new Gateway(stack, 'Orders', {
    flavor: 'http',
    defaultAuthorization: RouteAuthorization.none(),
    routes: { 'GET /orders': { integration: RouteIntegration.lambda(inlineFunction(stack, 'OrdersFn')) } },
  });
  return { stack, rest, http };
}

describe('ApiDomain', () => {
  test('maps (none), single- and multi-level paths to a REST gateway and an HTTP API with the resource AWS accepts', () => {
    const { stack, rest, http } = twoGateways();
    new ApiDomain(stack, 'Domain', { domainName: 'api.example.com', certificateArn: CERTIFICATE })
      .mapGateway('(none)', rest, 'v2')
      .mapGateway('v1', rest, 'v1')
      .mapGateway('orders/v1', rest, 'v1')
      .mapGateway('orders/http', http, '$default');
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::ApiGateway::DomainName', {
      DomainName: 'api.example.com',
      RegionalCertificateArn: CERTIFICATE,
      EndpointConfiguration: { Types: ['REGIONAL'] },
      SecurityPolicy: 'TLS_1_2',
    });
    const basePaths = Object.values(resourcesOfType(template, 'AWS::ApiGateway::BasePathMapping')).map(
      (m) => m.Properties.BasePath,
    );
    expect(basePaths).toEqual([undefined, 'v1']);
    const apiMappings = Object.values(resourcesOfType(template, 'AWS::ApiGatewayV2::ApiMapping')).map(
      (m) => m.Properties,
    );
    expect(apiMappings.map((m) => m.ApiMappingKey)).toEqual(['orders/v1', 'orders/http']);
    // The HTTP mapping names the HTTP API; every mapping names the v1 DomainName resource.
    expect(apiMappings[1].ApiId).toEqual({ Ref: expect.stringMatching(/^OrdersHttpApi/) });
    expect(apiMappings[0].DomainName).toEqual({ Ref: expect.stringMatching(/^Domain[0-9A-F]{8}$/) });
  });

  test('a hosted zone brings a DNS-validated certificate for every name and A + AAAA aliases per name', () => {
    const { stack } = bareStack();
    const hostedZone = route53.HostedZone.fromHostedZoneAttributes(stack, 'Zone', {
      hostedZoneId: 'Z123',
      zoneName: 'example.com',
    });
    new ApiDomain(stack, 'Domain', {
      domainName: 'api.example.com',
      alternativeNames: ['www.api.example.com'],
      hostedZone,
    }).addMapping('v1', REST_TARGET);
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::CertificateManager::Certificate', {
      DomainName: 'api.example.com',
      SubjectAlternativeNames: ['www.api.example.com'],
      ValidationMethod: 'DNS',
      DomainValidationOptions: Match.arrayWith([{ DomainName: 'api.example.com', HostedZoneId: 'Z123' }]),
    });
    template.resourceCountIs('AWS::ApiGateway::DomainName', 2);
    template.resourceCountIs('AWS::ApiGateway::BasePathMapping', 2);
    const records = Object.values(resourcesOfType(template, 'AWS::Route53::RecordSet')).map((r) => r.Properties);
    expect(records.map((r) => [r.Name, r.Type])).toEqual([
      ['api.example.com.', 'A'],
      ['api.example.com.', 'AAAA'],
      ['www.api.example.com.', 'A'],
      ['www.api.example.com.', 'AAAA'],
    ]);
    const domainId = expect.stringMatching(/^Domain[0-9A-F]{8}$/);
    expect(records[0].AliasTarget).toEqual({
      DNSName: { 'Fn::GetAtt': [domainId, 'RegionalDomainName'] },
      HostedZoneId: { 'Fn::GetAtt': [domainId, 'RegionalHostedZoneId'] },
    });
  });

  test('mutual TLS from a local truststore file publishes it as an asset and names its S3 URI', () => {
    const { stack } = bareStack();
    const file = join(mkdtempSync(join(tmpdir(), 'portico-truststore-')), 'truststore.pem');
    writeFileSync(file, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
    new ApiDomain(stack, 'Domain', {
      domainName: 'api.example.com',
      certificateArn: CERTIFICATE,
      mutualTls: { truststoreFile: file },
    }).addMapping('v1', REST_TARGET);
    const domain = Object.values(resourcesOfType(Template.fromStack(stack), 'AWS::ApiGateway::DomainName'))[0];
    const uri = JSON.stringify(domain.Properties.MutualTlsAuthentication);
    expect(uri).toContain('s3://');
    expect(uri).toMatch(/[0-9a-f]{64}\.pem/);
  });

  test('mutual TLS from an S3 URI keeps the version', () => {
    const { stack } = bareStack();
    new ApiDomain(stack, 'Domain', {
      domainName: 'api.example.com',
      certificateArn: CERTIFICATE,
      mutualTls: { truststoreUri: 's3://trust/store.pem', truststoreVersion: '3' },
    }).addMapping('v1', REST_TARGET);
    Template.fromStack(stack).hasResourceProperties('AWS::ApiGateway::DomainName', {
      MutualTlsAuthentication: { TruststoreUri: 's3://trust/store.pem', TruststoreVersion: '3' },
    });
  });

  test('synth fails with every domain finding: duplicate paths, multi-level on edge, certificate region', () => {
    const { stack, rest } = twoGateways();
    new ApiDomain(stack, 'Domain', {
      domainName: 'api.example.com',
      certificateArn: CERTIFICATE,
      endpointType: 'EDGE',
    })
      .mapGateway('', rest, 'v1')
      .mapGateway('(none)', rest, 'v2')
      .mapGateway('orders/v1', rest, 'v1');
    expect(() => Template.fromStack(stack)).toThrow('base path "(none)" is mapped twice (Gateway v1 and Gateway v2)');
    expect(() => Template.fromStack(stack)).toThrow('multi-level base path "orders/v1" needs a Regional domain');
    expect(() => Template.fromStack(stack)).toThrow('an edge-optimized domain needs its certificate in us-east-1');
  });

  test('needs a certificate or a hosted zone, and names the version a gateway lacks', () => {
    const { stack, rest } = twoGateways();
    expect(() => new ApiDomain(stack, 'NoCert', { domainName: 'a.example.com' })).toThrow('give certificateArn');
    const domain = new ApiDomain(stack, 'Domain', { domainName: 'api.example.com', certificateArn: CERTIFICATE });
    expect(() => domain.mapGateway('v3', rest, 'v3')).toThrow(
      'Gateway "Gateway" has no version "v3" to map (declared: "v1", "v2")',
    );
  });
});

describe("a gateway's own domain", () => {
  test('a multi-level base path is an ApiMapping (BasePathMapping refuses it), (none) a BasePathMapping without path', () => {
    const stack = newStack();
    simpleGateway(stack, {
      versions: { v1: {}, v2: {} },
      domain: {
        domainName: 'api.example.com',
        certificateArn: CERTIFICATE,
        basePaths: { v1: 'orders/v1', v2: '(none)' },
      },
    });
    const template = Template.fromStack(stack);
    const basePaths = Object.values(resourcesOfType(template, 'AWS::ApiGateway::BasePathMapping')).map(
      (m) => m.Properties,
    );
    expect(basePaths).toEqual([expect.not.objectContaining({ BasePath: expect.anything() })]);
    template.hasResourceProperties('AWS::ApiGatewayV2::ApiMapping', {
      ApiMappingKey: 'orders/v1',
      ApiId: { Ref: Match.stringLikeRegexp('^Gatewayv1') },
    });
  });

  test('the TLS_1_0 policy with a multi-level path fails at once, with the fix', () => {
    const stack = newStack();
    expect(() =>
      simpleGateway(stack, {
        domain: {
          domainName: 'api.example.com',
          certificateArn: CERTIFICATE,
          securityPolicy: 'TLS_1_0',
          basePaths: { v1: 'orders/v1' },
        },
      }),
    ).toThrow('multi-level base path "orders/v1" needs a Regional domain with a TLS 1.2 security policy');
  });
});
