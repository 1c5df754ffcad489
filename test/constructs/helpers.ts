/** Shared set-up for construct tests: stacks that never bundle, inline functions, template lookups. */
import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Gateway, type GatewayProps, RouteAuthorization, RouteIntegration } from '../../lib/constructs';

export function newStack(id = 'TestStack'): Stack {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  return new Stack(app, id, { env: { account: '123456789012', region: 'eu-west-1' } });
}

export function inlineFunction(scope: Stack, id: string): lambda.Function {
  return new lambda.Function(scope, id, {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => ({ statusCode: 200, body: "ok" });'),
  });
}

/** A gateway with one public Lambda route, plus whatever the test adds. */
export function simpleGateway(stack: Stack, props: Partial<GatewayProps> = {}): Gateway {
  const fn = inlineFunction(stack, 'Users');
  return new Gateway(stack, 'Gateway', {
    defaultAuthorization: RouteAuthorization.none(),
    routes: { 'GET /users': { integration: RouteIntegration.lambda(fn) } },
    ...props,
  });
}

type Resources = Record<string, { Type: string; Properties: Record<string, unknown> }>;

export function resourcesOfType(template: Template, type: string): Resources {
  return template.findResources(type) as Resources;
}

/** The OpenAPI document of the REST API whose name ends with `-<version>`. */
export function definitionOf(template: Template, version = 'v1'): OpenApiJson {
  const apis = Object.values(resourcesOfType(template, 'AWS::ApiGateway::RestApi'));
  const api = apis.find((resource) => String(resource.Properties.Name).endsWith(`-${version}`));
  if (!api) throw new Error(`no RestApi for version ${version}`);
  return api.Properties.Body as OpenApiJson;
}

// biome-ignore lint/suspicious/noExplicitAny: synthesized JSON is navigated freely in assertions
export type OpenApiJson = Record<string, any>;

export function warningsOf(stack: Stack): string[] {
  return Annotations.fromStack(stack)
    .findWarning('*', Match.anyValue())
    .map((message) => String(message.entry.data));
}

/** Synthesizes the stack's app and returns the validation error text (or '' when the synth succeeds). */
export function synthError(stack: Stack): string {
  try {
    Template.fromStack(stack);
    return '';
  } catch (error) {
    return (error as Error).message;
  }
}
