import { Template } from 'aws-cdk-lib/assertions';
import { Gateway, RouteAuthorization, RouteIntegration } from '../../../lib/constructs';
import { inlineFunction, newStack, resourcesOfType } from '../helpers';

const CERTIFICATE = 'arn:aws:acm:eu-west-1:123456789012:certificate/abc';

function gatewayOnDomain(basePaths?: Record<string, string>) {
  const stack = newStack();
  new Gateway(stack, 'Gateway', {
    flavor: 'http',
    defaultAuthorization: RouteAuthorization.none(),
    versions: { $default: {}, v2: {} },
    domain: { domainName: 'api.example.com', certificateArn: CERTIFICATE, basePaths },
    routes: { 'GET /users': { integration: RouteIntegration.lambda(inlineFunction(stack, 'Users')) } },
  });
  return stack;
}

describe('HTTP flavor custom domain', () => {
  test('is a Regional TLS 1.2 domain with $default at the root and v2 under /v2', () => {
    const template = Template.fromStack(gatewayOnDomain());
    template.hasResourceProperties('AWS::ApiGatewayV2::DomainName', {
      DomainName: 'api.example.com',
      DomainNameConfigurations: [{ CertificateArn: CERTIFICATE, EndpointType: 'REGIONAL', SecurityPolicy: 'TLS_1_2' }],
    });
    const mappings = Object.values(resourcesOfType(template, 'AWS::ApiGatewayV2::ApiMapping')).map((m) => m.Properties);
    expect(mappings.map((m) => m.ApiMappingKey)).toEqual([undefined, 'v2']);
    const stages = Object.entries(resourcesOfType(template, 'AWS::ApiGatewayV2::Stage'));
    const stageIdOf = (name: string) => stages.find(([, s]) => s.Properties.StageName === name)![0];
    expect(mappings.map((m) => m.Stage)).toEqual([{ Ref: stageIdOf('$default') }, { Ref: stageIdOf('v2') }]);
  });

  test('two versions on one base path fail, naming both', () => {
    expect(() => gatewayOnDomain({ v2: '' })).toThrow(
      'Custom domain "api.example.com": base path "(none)" is mapped twice (version "$default" and version "v2")',
    );
  });
});
