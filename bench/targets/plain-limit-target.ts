/**
 * The largest route table (route-tree.ts) plain aws-cdk-lib synthesizes with its default checks on, found by
 * bisection; prints one JSON line with that N, its resource count and the error the next N gets.
 */
import { plainCdkLargeStack } from '../large-stacks';

function attempt(count: number): { ok: true; resources: number } | { ok: false; error: string } {
  const { stack } = plainCdkLargeStack(count);
  try {
    const root = stack.node.root as unknown as { synth(): { getStackArtifact(id: string): { template: unknown } } };
    const template = root.synth().getStackArtifact(stack.artifactId).template as { Resources: object };
    return { ok: true, resources: Object.keys(template.Resources).length };
  } catch (error) {
    // The first clause; the per-type counts that follow are in the resource column of the report.
    return { ok: false, error: (error as Error).message.split('\n')[0].split(': AWS::')[0] };
  }
}

let low = 1;
let high = 400;
const first = attempt(high);
if (first.ok) throw new Error(`plain CDK synthesized ${high} routes; raise the search bound`);
while (high - low > 1) {
  const middle = Math.floor((low + high) / 2);
  if (attempt(middle).ok) low = middle;
  else high = middle;
}
const lastOk = attempt(low);
const firstFail = attempt(high);
console.log(
  JSON.stringify({
    maxRoutes: low,
    resources: lastOk.ok ? lastOk.resources : undefined,
    error: firstFail.ok ? undefined : firstFail.error,
  }),
);
