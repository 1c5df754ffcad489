/**
 * Benchmark 4 in a fresh process: `in-process-target.ts <requests> [quick]`. Prints one JSON line with
 * - `LocalGateway.fetch` cost per request (sequential) on the benchmark stack, per scenario;
 * - routing cost per request (`compileRestRouter().match`) for route tables of growing size;
 * - `LocalGateway.fetch` cost on a 100-route and a 2000-route Portico gateway (route-tree.ts).
 */
import { compileRestRouter } from '../../lib/core/rest-router';
import { parseRouteKey } from '../../lib/core/route-key';
import type { RouteSpec } from '../../lib/core/route-table';
import { LocalGateway } from '../../lib/emulator/local-gateway';
import { BENCH_STAGE, buildBenchStack, SCENARIOS } from '../bench-stack';
import { benchLambdaMode } from '../lambda-mode';
import { porticoLargeStack } from '../large-stacks';
import { benchRoutes } from '../route-tree';

const requests = Number(process.argv[2] ?? 20_000);
const quick = process.argv[3] === 'quick';

async function fetchCost(gateway: LocalGateway, path: string, headers: Record<string, string>, count: number) {
  const warmup = Math.min(500, count);
  for (let i = 0; i < warmup; i++) await (await gateway.fetch(path, { headers })).arrayBuffer();
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const response = await gateway.fetch(path, { headers });
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
    await response.arrayBuffer();
  }
  return (performance.now() - started) / count;
}

/** A request path that matches `template`: variables get values, a greedy variable several segments. */
function samplePath(template: string, i: number): string {
  return template.replace(/\{[^}]+\+\}/g, `a${i}/b/c.css`).replace(/\{[^}]+\}/g, `v${i}`);
}

function routerFor(count: number) {
  const table = benchRoutes(count);
  const specs: RouteSpec[] = table.map((route) => ({
    key: parseRouteKey(`${route.method} ${route.path}`),
    authorization: { kind: 'none' },
    apiKeyRequired: false,
    integration: { kind: 'mock', statusCode: 200, responseHeaders: {} },
    requestParameters: {},
  }));
  return compileRestRouter(specs);
}

/** Requests for every route of a table of `count` routes (the first routes of any larger table). */
function samplesFor(count: number) {
  return benchRoutes(count).map((route, i) => ({
    method: route.method === 'ANY' ? 'GET' : route.method,
    path: samplePath(route.path, i),
  }));
}

function timeMatches(
  router: ReturnType<typeof compileRestRouter>,
  samples: ReturnType<typeof samplesFor>,
  matches: number,
) {
  for (let i = 0; i < 20_000; i++) router.match(samples[i % samples.length].method, samples[i % samples.length].path);
  const started = performance.now();
  for (let i = 0; i < matches; i++) {
    const sample = samples[i % samples.length];
    if (!router.match(sample.method, sample.path)) throw new Error(`no route for ${sample.method} ${sample.path}`);
  }
  return ((performance.now() - started) / matches) * 1000;
}

/** The same 100 requests against tables of growing size, and every route of each table. */
function routingCost(count: number, matches: number) {
  const router = routerFor(count);
  return {
    routes: count,
    sameRequestsMicros: timeMatches(router, samplesFor(100), matches),
    allRoutesMicros: timeMatches(router, samplesFor(count), matches),
  };
}

async function main(): Promise<void> {
  const perScenario: { scenario: string; msPerRequest: number }[] = [];
  for (const accessLog of [false, true]) {
    const gateway = await LocalGateway.fromStack(buildBenchStack({ accessLog }), {
      onFunctionLog: () => {},
      lambdaMode: benchLambdaMode(),
    });
    try {
      for (const scenario of SCENARIOS.filter((s) => s.accessLog === accessLog)) {
        const ms = await fetchCost(gateway, `/${BENCH_STAGE}${scenario.path}`, { ...scenario.headers }, requests);
        perScenario.push({ scenario: scenario.name, msPerRequest: ms });
      }
    } finally {
      await gateway.close();
    }
  }
  const routing = [100, 500, 1000, 2000].map((count) => routingCost(count, quick ? 10_000 : 200_000));
  const largeGateways: { routes: number; msPerRequest: number }[] = [];
  for (const count of quick ? [20, 100] : [100, 2000]) {
    const gateway = await LocalGateway.fromStack(porticoLargeStack(count).stack, {
      onFunctionLog: () => {},
      lambdaMode: benchLambdaMode(),
    });
    try {
      const ms = await fetchCost(gateway, '/v1/orders', { Authorization: 'Bearer x' }, Math.min(requests, 5000));
      largeGateways.push({ routes: count, msPerRequest: ms });
    } finally {
      await gateway.close();
    }
  }
  console.log(JSON.stringify({ requests, perScenario, routing, largeGateways }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
