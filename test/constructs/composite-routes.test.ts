import * as path from 'node:path';
import { type CfnElement, Duration } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { parseCompositePlan } from '../../lib/composite/plan';
import { Gateway, RouteAuthorization, RouteIntegration } from '../../lib/constructs';
import { CompositeRoute } from '../../lib/constructs/composite-routes';
import { definitionOf, inlineFunction, newStack, resourcesOfType, synthError } from './helpers';

function gatewayWithMembers(versions: Record<string, object> = { v1: {} }) {
  const stack = newStack();
  const users = RouteIntegration.lambda(inlineFunction(stack, 'Users'));
  const orders = RouteIntegration.lambda(inlineFunction(stack, 'Orders'));
  const gateway = new Gateway(stack, 'Gateway', {
    defaultAuthorization: RouteAuthorization.none(),
    versions,
    routes: {
      'GET /users/{id}': { integration: users },
      'GET /orders': { integration: orders },
    },
  });
  return { stack, gateway };
}

const overview = {
  members: { user: { route: 'GET /users/{id}' }, orders: { route: 'GET /orders', query: { userId: '{id}' } } },
};

describe('composite routes', () => {
  test('synthesize a generated aggregator whose environment holds the plan, and a route that calls it', () => {
    const { stack, gateway } = gatewayWithMembers();
    const composite = gateway.addCompositeRoute('GET /users/{id}/overview', {
      ...overview,
      memberTimeout: Duration.seconds(3),
      onMemberFailure: 'partial',
    });
    const template = Template.fromStack(stack);
    const fn = resourcesOfType(template, 'AWS::Lambda::Function')[
      stack.getLogicalId(composite.handler.node.defaultChild as CfnElement)
    ];
    const variables = (fn.Properties.Environment as { Variables: Record<string, string> }).Variables;
    expect(parseCompositePlan(variables.PORTICO_COMPOSITE_PLAN)).toEqual(composite.plan);
    expect(composite.plan).toMatchObject({
      route: 'GET /users/{id}/overview',
      onMemberFailure: 'partial',
      memberTimeoutMs: 3000,
    });
    // Member timeout plus the aggregator's own margin, in whole seconds.
    expect(fn.Properties.Timeout).toBe(5);
    const operation = definitionOf(template).paths['/users/{id}/overview'].get;
    expect(JSON.stringify(operation['x-amazon-apigateway-integration'].uri)).toContain(
      'functions/$' + '{stageVariables.compositeUsersIdOverviewFunction}/invocations',
    );
  });

  test('the aggregator may write its own log group and nothing else', () => {
    const { stack, gateway } = gatewayWithMembers();
    const composite = gateway.addCompositeRoute('GET /users/{id}/overview', overview);
    const template = Template.fromStack(stack);
    const roleId = stack.getLogicalId(composite.handler.role!.node.defaultChild as CfnElement);
    expect(resourcesOfType(template, 'AWS::IAM::Role')[roleId].Properties.ManagedPolicyArns).toBeUndefined();
    const policies = Object.values(resourcesOfType(template, 'AWS::IAM::Policy')).filter((policy) =>
      JSON.stringify(policy.Properties.Roles).includes(roleId),
    );
    const statements = policies.flatMap(
      (policy) =>
        (policy.Properties.PolicyDocument as { Statement: { Action: string[]; Resource: unknown }[] }).Statement,
    );
    expect(statements).toEqual([
      {
        Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        Effect: 'Allow',
        Resource: { 'Fn::GetAtt': [stack.getLogicalId(composite.logGroup.node.defaultChild as CfnElement), 'Arn'] },
      },
    ]);
  });

  test('the aggregator does not reference the REST API, so function and API do not depend on each other', () => {
    const { stack, gateway } = gatewayWithMembers();
    const composite = gateway.addCompositeRoute('GET /users/{id}/overview', overview);
    const template = Template.fromStack(stack);
    const fnId = stack.getLogicalId(composite.handler.node.defaultChild as CfnElement);
    const fn = resourcesOfType(template, 'AWS::Lambda::Function')[fnId];
    const restApiIds = Object.keys(resourcesOfType(template, 'AWS::ApiGateway::RestApi'));
    expect(restApiIds.length).toBe(1);
    expect(JSON.stringify(fn)).not.toContain(restApiIds[0]);
  });

  test("take the gateway's default authorization and API key setting unless they name their own", () => {
    const { stack, gateway } = gatewayWithMembers();
    gateway.addCompositeRoute('GET /users/{id}/overview', { ...overview, apiKeyRequired: true });
    const operation = definitionOf(Template.fromStack(stack)).paths['/users/{id}/overview'].get;
    expect(operation.security).toEqual([{ api_key: [] }]);
  });

  test('serve only the versions they name, and may call routes only those versions have', () => {
    const { stack, gateway } = gatewayWithMembers({ v1: {}, v2: {} });
    gateway.addRoute('GET /search', {
      integration: RouteIntegration.lambda(inlineFunction(stack, 'Search')),
      versions: ['v2'],
    });
    gateway.addCompositeRoute('GET /users/{id}/overview', {
      members: { ...overview.members, related: { route: 'GET /search', query: { q: '{id}' } } },
      versions: ['v2'],
    });
    const template = Template.fromStack(stack);
    expect(definitionOf(template, 'v1').paths['/users/{id}/overview']).toBeUndefined();
    expect(definitionOf(template, 'v2').paths['/users/{id}/overview']).toBeDefined();
  });

  test('fail the synth naming the composite, the member and the version when a member route is missing', () => {
    const { stack, gateway } = gatewayWithMembers({ v1: {}, v2: {} });
    gateway.addRoute('GET /search', {
      integration: RouteIntegration.lambda(inlineFunction(stack, 'Search')),
      versions: ['v2'],
    });
    gateway.addCompositeRoute('GET /users/{id}/overview', {
      members: { related: { route: 'GET /search' }, gone: { route: 'GET /nowhere' } },
    });
    const error = synthError(stack);
    expect(error).toContain(
      'Composite route "GET /users/{id}/overview", member "related": version "v1" has no route "GET /search"',
    );
    expect(error).toContain('member "gone": version "v2" has no route "GET /nowhere"');
  });

  test('may not call another composite route', () => {
    const { stack, gateway } = gatewayWithMembers();
    gateway.addCompositeRoute('GET /users/{id}/overview', overview);
    gateway.addCompositeRoute('GET /users/{id}/everything', {
      members: { overview: { route: 'GET /users/{id}/overview' } },
    });
    expect(synthError(stack)).toContain(
      'member "overview": "GET /users/{id}/overview" is itself a composite route; composites of composites are not supported',
    );
  });

  test('may not call an IAM-authorized route, which the aggregator cannot sign as the caller', () => {
    const { stack, gateway } = gatewayWithMembers();
    gateway.addRoute('GET /private', {
      integration: RouteIntegration.lambda(inlineFunction(stack, 'Private')),
      authorization: RouteAuthorization.iam(),
    });
    gateway.addCompositeRoute('GET /dash', { members: { secret: { route: 'GET /private' } } });
    expect(synthError(stack)).toContain('member "secret": "GET /private" uses IAM authorization');
  });

  test('reject a merge entry that is not a file, and a composite declared twice', () => {
    const { gateway } = gatewayWithMembers();
    expect(() =>
      gateway.addCompositeRoute('GET /users/{id}/overview', { ...overview, merge: { entry: 'no/such/merge.ts' } }),
    ).toThrow(/merge entry "no\/such\/merge.ts" is not an existing .ts or .js file/);
    const { gateway: other } = gatewayWithMembers();
    other.addCompositeRoute('GET /users/{id}/overview', overview);
    expect(() => other.addCompositeRoute('get /users/{id}/overview', overview)).toThrow(/declared twice/);
  });

  test('accept a merge entry that exists, and list the composites of a gateway', () => {
    const { gateway } = gatewayWithMembers();
    const entry = path.join(__dirname, '..', 'composite', 'fixtures', 'summary-merge.ts');
    gateway.addCompositeRoute('GET /users/{id}/overview', { ...overview, merge: { entry } });
    expect(CompositeRoute.of(gateway).map((composite) => composite.routeKey)).toEqual(['GET /users/{id}/overview']);
  });
});
