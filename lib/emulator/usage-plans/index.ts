/**
 * The "API key and throttle" steps of the REST pipeline, run in this order (aws-reference §5):
 * `createUsagePlanStep` (key, plan throttle, quota) then `createStageThrottleStep` (stage method limits).
 */
export { createStageThrottleStep, methodThrottle, type StageThrottleStep } from './stage-throttle';
export { createUsagePlanStep, type UsagePlanStep } from './usage-plan-step';
