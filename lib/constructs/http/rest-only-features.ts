/**
 * Gateway settings that exist only on REST APIs (DESIGN: "API Gateway facts"; AWS docs: "Usage plans and API keys for REST APIs"; "Set up stages for REST APIs"; "Gateway response types for API Gateway"):
 * on the HTTP flavor each one fails the synth, naming the feature and what to use instead.
 */
import type { GatewayProps } from '../gateway-props';
import type { StageOptions, VersionOptions } from '../versions';

/** Problems, one sentence each; empty when the props suit an HTTP API. */
export function restOnlyFeatures(props: GatewayProps): string[] {
  const problems: string[] = [];
  const rest = (feature: string, instead: string) =>
    problems.push(`${feature} exist only on REST APIs: ${instead}, or use flavor: 'rest'.`);
  if (props.apiKeyRequired) {
    rest(
      'API keys (apiKeyRequired)',
      'authenticate callers with an authorizer and limit them with stage or route throttles',
    );
  }
  if (props.apiKeySource !== undefined) rest('API key sources (apiKeySource)', 'leave apiKeySource out');
  if (Object.keys(props.usagePlans ?? {}).length > 0) {
    rest(
      'Usage plans (usagePlans)',
      'limit traffic with a stage throttle (versions.<name>.throttle) or per-route throttles (http.routeThrottles)',
    );
  }
  if (Object.keys(props.consumers ?? {}).length > 0) {
    rest('Consumers with API keys (consumers)', 'identify callers with a JWT or Lambda authorizer');
  }
  if ((props.binaryMediaTypes ?? []).length > 0) {
    rest(
      'Binary media types (binaryMediaTypes)',
      'HTTP APIs need none (they base64-encode non-text request bodies for Lambda and pass binary responses ' +
        'through when the function sets isBase64Encoded), so leave binaryMediaTypes out',
    );
  }
  const stages: [string, StageOptions & VersionOptions][] = [
    ['stageOptions', props.stageOptions ?? {}],
    ...Object.entries(props.versions ?? {}).map(([name, options]): [string, VersionOptions] => [
      `versions.${name}`,
      options,
    ]),
  ];
  for (const [where, options] of stages) {
    if (options.canary !== undefined) {
      rest(`Canary releases (${where}.canary)`, 'shift traffic with a second stage or a custom-domain API mapping');
    }
    if (options.executionLogLevel !== undefined && options.executionLogLevel !== 'OFF') {
      rest(`Execution logs (${where}.executionLogLevel)`, 'HTTP APIs write access logs only; keep accessLog');
    }
    // Read loosely: the option is newer than this check and may be absent from StageOptions.
    if ((options as { gatewayResponseHeaders?: unknown }).gatewayResponseHeaders !== undefined) {
      rest(
        `Custom gateway responses (${where}.gatewayResponseHeaders)`,
        'HTTP APIs answer their own errors with fixed bodies; set response headers in the backend, or CORS in http.cors',
      );
    }
  }
  return problems;
}
