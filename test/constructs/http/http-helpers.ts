/** Template lookups for HTTP-flavor construct tests. */
import type { Template } from 'aws-cdk-lib/assertions';
import { type OpenApiJson, resourcesOfType } from '../helpers';

/** The OpenAPI document in the (only) HTTP API's Body. */
export function httpDefinitionOf(template: Template): OpenApiJson {
  const apis = Object.values(resourcesOfType(template, 'AWS::ApiGatewayV2::Api'));
  if (apis.length !== 1) throw new Error(`expected one HTTP API, found ${apis.length}`);
  return apis[0].Properties.Body as OpenApiJson;
}

/** Stage properties by stage name. */
export function stagesOf(template: Template): Record<string, Record<string, unknown>> {
  return Object.fromEntries(
    Object.values(resourcesOfType(template, 'AWS::ApiGatewayV2::Stage')).map((stage) => [
      String(stage.Properties.StageName),
      stage.Properties,
    ]),
  );
}
