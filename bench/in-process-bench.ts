/** Benchmark 4: in-process `LocalGateway.fetch` cost per request, and routing cost as tables grow. */
import { runStep } from './child';

export interface InProcessResult {
  readonly requests: number;
  readonly perScenario: readonly { scenario: string; msPerRequest: number }[];
  readonly routing: readonly { routes: number; sameRequestsMicros: number; allRoutesMicros: number }[];
  readonly largeGateways: readonly { routes: number; msPerRequest: number }[];
}

export function benchInProcess(requests: number, quick = false): Promise<InProcessResult> {
  return runStep<InProcessResult>('in-process-target.ts', [String(requests), ...(quick ? ['quick'] : [])]);
}

export function inProcessTables(result: InProcessResult): string {
  return [
    `\`LocalGateway.fetch\`, ${result.requests} sequential requests per scenario:`,
    '',
    '| scenario | ms per request |',
    '|---|---:|',
    ...result.perScenario.map((row) => `| ${row.scenario} | ${row.msPerRequest.toFixed(3)} |`),
    '',
    'Routing (`compileRestRouter(...).match`): the same 100 requests against tables of growing',
    'size, and requests for every route of each table (larger tables have deeper paths):',
    '',
    '| routes in the API | µs per match, same 100 requests | µs per match, every route |',
    '|---:|---:|---:|',
    ...result.routing.map(
      (row) => `| ${row.routes} | ${row.sameRequestsMicros.toFixed(2)} | ${row.allRoutesMicros.toFixed(2)} |`,
    ),
    '',
    '`LocalGateway.fetch` on the route-tree gateway (`GET /v1/orders`, TOKEN authorizer, cached):',
    '',
    '| routes in the API | ms per request |',
    '|---:|---:|',
    ...result.largeGateways.map((row) => `| ${row.routes} | ${row.msPerRequest.toFixed(3)} |`),
  ].join('\n');
}
