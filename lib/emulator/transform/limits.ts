/**
 * API Gateway's limits on mapping templates (AWS docs: "Amazon API Gateway important notes" and
 * "Amazon API Gateway quotas"): a template is at most 300 KB and a `#foreach` runs at most 1,000 times.
 */
export const MAX_TEMPLATE_BYTES = 300 * 1024;
export const MAX_FOREACH_ITERATIONS = 1000;
