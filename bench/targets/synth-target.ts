/**
 * One synth measurement in a fresh process: `synth-target.ts <portico|plain> <routes> [outdir]`. A small
 * synth of the same kind runs first, so module loading and JIT warm-up are not counted. Prints one JSON line.
 */
import type { Stack } from 'aws-cdk-lib';
import { definitionPlacement } from '../../lib/constructs/definition-asset';
import { processedTemplateBytes } from '../../lib/constructs/definition-size';
import { plainCdkLargeStack, porticoLargeStack } from '../large-stacks';

const [tool, countArg, outdir] = process.argv.slice(2);
const count = Number(countArg);
if ((tool !== 'portico' && tool !== 'plain') || !Number.isInteger(count)) {
  throw new Error('usage: synth-target.ts <portico|plain> <routes> [outdir]');
}

function build(routes: number, dir?: string): Stack {
  // Plain CDK only synthesizes large tables with its 500-resource check off; it is measured that way.
  return tool === 'portico'
    ? porticoLargeStack(routes, { outdir: dir }).stack
    : plainCdkLargeStack(routes, { outdir: dir, resourceLimitCheck: false }).stack;
}

function synth(stack: Stack) {
  return (stack.node.root as unknown as { synth(): { getStackArtifact(id: string): { template: unknown } } }).synth();
}

synth(build(10));
const started = performance.now();
const stack = build(count, outdir);
const assembly = synth(stack);
const ms = performance.now() - started;
const template = assembly.getStackArtifact(stack.artifactId).template as { Resources: Record<string, unknown> };
const result: Record<string, unknown> = {
  tool,
  routes: count,
  ms,
  resources: Object.keys(template.Resources).length,
  templateBytes: JSON.stringify(template, undefined, 1).length,
};
if (tool === 'portico') {
  const version = stack.node.findAll().find((c) => c.node.id === 'v1') as Parameters<typeof definitionPlacement>[0];
  result.placement = definitionPlacement(version).kind;
  result.processedBytes = processedTemplateBytes(stack);
}
console.log(JSON.stringify(result));
