/**
 * The "API key and throttle" steps of the REST pipeline, run in this order (AWS docs: "Throttle requests to your REST APIs"):
 * `createUsagePlanStep` (key, plan throttle, quota) then `createStageThrottleStep` (stage method limits).
 */
export { createStageThrottleStep, methodThrottle, type StageThrottleStep } from './stage-throttle';
export { createUsagePlanStep, type UsagePlanStep } from './usage-plan-step';
