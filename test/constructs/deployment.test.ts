import { Duration, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as sns from 'aws-cdk-lib/aws-sns';
import {
  Gateway,
  type GatewayProps,
  RouteAuthorization,
  RouteIntegration,
  type RouteOptions,
} from '../../lib/constructs';
import { inlineFunction, newStack, resourcesOfType } from './helpers';

interface Variant {
  readonly reverseRoutes?: boolean;
  readonly extraRoute?: boolean;
  readonly timeout?: Duration;
  readonly authorizerTtl?: Duration;
  readonly freeRate?: number;
  readonly stageRate?: number;
  /** Constructs created first shift every token number (`${Token[TOKEN.n]}`). */
  readonly unrelatedFirst?: boolean;
}

function deploymentIds(variant: Variant = {}): string[] {
  const stack = newStack();
  if (variant.unrelatedFirst) for (let i = 0; i < 3; i++) new sns.Topic(stack, `Topic${i}`);
  const users = inlineFunction(stack, 'Users');
  const authorizer = inlineFunction(stack, 'Authorizer');
  const routes: [string, RouteOptions][] = [
    ['GET /users', { integration: RouteIntegration.lambda(users, { timeout: variant.timeout }) }],
    ['GET /users/{id}', { integration: RouteIntegration.lambda(users, { timeout: variant.timeout }) }],
    ['GET /status', { integration: RouteIntegration.http('https://status.example.com/') }],
  ];
  if (variant.extraRoute) routes.push(['POST /users', { integration: RouteIntegration.lambda(users) }]);
  if (variant.reverseRoutes) routes.reverse();
  const props: GatewayProps = {
    defaultAuthorization: RouteAuthorization.request(authorizer, { resultsCacheTtl: variant.authorizerTtl }),
    routes: Object.fromEntries(routes),
    versions: { v1: { throttle: { rateLimit: variant.stageRate ?? 10, burstLimit: 100 } } },
    usagePlans: { free: { throttle: { rateLimit: variant.freeRate ?? 5, burstLimit: 10 } } },
  };
  new Gateway(stack, 'Gateway', props);
  return idsOf(stack);
}

function idsOf(stack: Stack): string[] {
  return Object.keys(resourcesOfType(Template.fromStack(stack), 'AWS::ApiGateway::Deployment'));
}

describe('Gateway deployments', () => {
  test('the deployment logical id is the same on every synth, whatever was created before', () => {
    const [first] = deploymentIds();
    expect(first).toMatch(/^Gatewayv1Deployment[0-9A-F]{8}[0-9a-f]{16}$/);
    expect(deploymentIds()).toEqual([first]);
    expect(deploymentIds({ unrelatedFirst: true })).toEqual([first]);
  });

  test('declaring the same routes in another order keeps the deployment', () => {
    expect(deploymentIds({ reverseRoutes: true })).toEqual(deploymentIds());
  });

  test('a new route, an integration change, an authorizer change or a plan change makes a new deployment', () => {
    const base = deploymentIds()[0];
    const changed = [
      deploymentIds({ extraRoute: true })[0],
      deploymentIds({ timeout: Duration.seconds(10) })[0],
      deploymentIds({ authorizerTtl: Duration.seconds(60) })[0],
      deploymentIds({ freeRate: 6 })[0],
    ];
    for (const id of changed) expect(id).not.toBe(base);
    expect(new Set(changed).size).toBe(changed.length);
  });

  test('stage settings are not part of the deployment snapshot, so changing them keeps it', () => {
    expect(deploymentIds({ stageRate: 50 })).toEqual(deploymentIds());
  });

  test('the stage serves the hashed deployment, whose description carries the hash and no timestamp', () => {
    const stack = newStack();
    const fn = inlineFunction(stack, 'Users');
    new Gateway(stack, 'Gateway', {
      defaultAuthorization: RouteAuthorization.none(),
      routes: { 'GET /users': { integration: RouteIntegration.lambda(fn) } },
    });
    const template = Template.fromStack(stack);
    const [id, deployment] = Object.entries(resourcesOfType(template, 'AWS::ApiGateway::Deployment'))[0];
    expect(deployment.Properties.Description).toBe(`Portico deployment ${id.slice(-16)}`);
    template.hasResourceProperties('AWS::ApiGateway::Stage', { DeploymentId: { Ref: id } });
  });

  test('a route added after construction is part of the hash', () => {
    const build = (late: boolean) => {
      const stack = newStack();
      const fn = inlineFunction(stack, 'Users');
      const gateway = new Gateway(stack, 'Gateway', {
        defaultAuthorization: RouteAuthorization.none(),
        routes: { 'GET /users': { integration: RouteIntegration.lambda(fn) } },
      });
      if (late) gateway.addRoute('GET /late', { integration: RouteIntegration.mock() });
      return idsOf(stack);
    };
    expect(build(true)).not.toEqual(build(false));
  });
});
