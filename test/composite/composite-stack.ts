/**
 * A Portico gateway with composite routes over inline member functions that are slow, broken or guarded
 * on purpose, and a TOKEN authorizer that denies the `user` caller one route. Members are inline code;
 * the aggregators are bundled with esbuild, as `cdk deploy` would.
 */
import * as path from 'node:path';
import { App, Duration, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Gateway, RouteAuthorization, RouteIntegration } from '../../lib/constructs';

export const COMPOSITE_API_KEY = 'composite-test-api-key-0123456789';

const MEMBERS = `
const json = (statusCode, body) => ({ statusCode, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
exports.echo = async (event) => json(200, {
  resource: event.resource,
  pathParameters: event.pathParameters,
  query: event.queryStringParameters,
  principalId: event.requestContext.authorizer ? event.requestContext.authorizer.principalId : null,
  apiKey: event.requestContext.identity.apiKey ?? null,
  composite: (event.headers || {})['x-portico-composite'] ?? null,
});
exports.slow = async (event) => {
  const ms = Number(event.queryStringParameters.ms);
  await new Promise((resolve) => setTimeout(resolve, ms));
  return json(200, { slept: ms });
};
exports.broken = async () => json(500, { message: 'inventory is down' });
`;

/** "Bearer admin" may call everything; "Bearer user" everything but GET /admin/*. */
const AUTHORIZER = `
exports.handler = async (event) => {
  const [api, stage] = event.methodArn.split('/');
  const statement = (Effect, Resource) => ({ Action: 'execute-api:Invoke', Effect, Resource });
  const everything = statement('Allow', api + '/' + stage + '/*/*');
  if (event.authorizationToken === 'Bearer admin') {
    return { principalId: 'admin', policyDocument: { Version: '2012-10-17', Statement: [everything] } };
  }
  if (event.authorizationToken === 'Bearer user') {
    const noAdmin = statement('Deny', api + '/' + stage + '/GET/admin/*');
    return { principalId: 'user', policyDocument: { Version: '2012-10-17', Statement: [everything, noAdmin] } };
  }
  throw new Error('Unauthorized');
};
`;

export function buildCompositeStack(): Stack {
  const app = new App();
  const stack = new Stack(app, 'CompositeE2E');
  const member = (id: string, handler: string) =>
    new lambda.Function(stack, id, {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: `index.${handler}`,
      code: lambda.Code.fromInline(MEMBERS),
      timeout: Duration.seconds(10),
    });
  const tokens = RouteAuthorization.token(
    new lambda.Function(stack, 'Tokens', {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline(AUTHORIZER),
    }),
    { authorizerName: 'tokens' },
  );
  const echo = RouteIntegration.lambda(member('Echo', 'echo'));
  const gateway = new Gateway(stack, 'Gateway', {
    defaultAuthorization: tokens,
    apiKeyRequired: true,
    versions: { live: {} },
    routes: {
      'GET /items/{id}': { integration: echo },
      'GET /admin/report': { integration: echo },
      'GET /slow': { integration: RouteIntegration.lambda(member('Slow', 'slow')) },
      'GET /broken': { integration: RouteIntegration.lambda(member('Broken', 'broken')) },
    },
    usagePlans: {
      basic: {
        throttle: { rateLimit: 1000, burstLimit: 1000 },
        methodThrottles: { 'GET /dash/{id}/limited': { rateLimit: 1, burstLimit: 1 } },
      },
    },
    consumers: { tester: { plan: 'basic', value: COMPOSITE_API_KEY } },
  });

  const item = { route: 'GET /items/{id}' };
  const slow = (ms: number) => ({ route: 'GET /slow', query: { ms: String(ms) } });
  const broken = { route: 'GET /broken' };
  // Generous: a member's first call starts its worker, which a busy test machine may take seconds to do.
  const memberTimeout = Duration.seconds(20);
  gateway.addCompositeRoute('GET /dash/{id}', {
    members: { item, first: slow(300), second: slow(300) },
    memberTimeout,
  });
  gateway.addCompositeRoute('GET /dash/{id}/strict', { members: { item, broken }, memberTimeout });
  gateway.addCompositeRoute('GET /dash/{id}/lenient', {
    members: { item, broken },
    onMemberFailure: 'partial',
    memberTimeout,
  });
  gateway.addCompositeRoute('GET /dash/{id}/admin', {
    members: { item, admin: { route: 'GET /admin/report' } },
    memberTimeout,
  });
  gateway.addCompositeRoute('GET /dash/{id}/patient', {
    members: { slow: slow(6000) },
    memberTimeout: Duration.millis(500),
    onMemberFailure: 'partial',
  });
  gateway.addCompositeRoute('GET /dash/{id}/limited', { members: { item }, memberTimeout });
  gateway.addCompositeRoute('GET /dash/{id}/summary', {
    members: { item, second: slow(1) },
    merge: { entry: path.join(__dirname, 'fixtures', 'summary-merge.ts') },
    memberTimeout,
  });
  return stack;
}
