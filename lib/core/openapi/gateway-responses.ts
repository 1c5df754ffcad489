/**
 * Headers on the answers API Gateway generates itself (401, 403, 429, 5xx, ...), rendered as the
 * `DEFAULT_4XX` and `DEFAULT_5XX` gateway responses of `x-amazon-apigateway-gateway-responses`: every
 * type without its own override falls back to them (AWS docs: "Gateway response types for API Gateway"). Inside the definition they are
 * part of each deployment (docs/decisions/0003); a separate `AWS::ApiGateway::GatewayResponse` would be
 * dropped whenever API Gateway re-imports the Body (GH:aws/aws-cdk#28652). docs/decisions/0008.
 */
import { headerNameProblems, staticValue } from './mapping-values';
import type { GatewayResponseExtension } from './openapi-document';

export function renderGatewayResponseHeaders(
  headers: Readonly<Record<string, string>>,
): Record<string, GatewayResponseExtension> {
  const names = Object.keys(headers).sort();
  const problems = headerNameProblems(names);
  for (const name of names) {
    if (headers[name] === '') problems.push(`"${name}" has an empty value`);
  }
  if (problems.length > 0) {
    throw new Error(`Gateway response headers: ${problems.join('; ')}.`);
  }
  const responseParameters = Object.fromEntries(
    names.map((name) => [`gatewayresponse.header.${name}`, staticValue(headers[name])]),
  );
  return names.length === 0 ? {} : { DEFAULT_4XX: { responseParameters }, DEFAULT_5XX: { responseParameters } };
}
