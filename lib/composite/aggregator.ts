/**
 * Entry point of every composite route's Lambda function, bundled by esbuild (`CompositeRoute`): the
 * plan comes from the environment, the merge function from the module the bundler aliases to
 * `portico-composite-merge` (the route's merge entry, or `fields-merge.ts`). Both are read once, at cold
 * start, so a misconfigured function fails on its first invocation with a message that says why.
 */
import * as mergeModule from 'portico-composite-merge';
import { createCompositeHandler } from './handler';
import { mergeFunctionOf } from './merge';
import { COMPOSITE_PLAN_VARIABLE, parseCompositePlan } from './plan';

// Node loads its fetch implementation on first use, synchronously: do it during init (a data: URL needs no
// network), not while the first request's member timers run, where it would delay every member but the first.
fetch('data:,').catch(() => {});

export const handler = createCompositeHandler(
  parseCompositePlan(process.env[COMPOSITE_PLAN_VARIABLE]),
  mergeFunctionOf(mergeModule),
);
