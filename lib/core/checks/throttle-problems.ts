import type { ThrottleSettings } from '../throttle-settings';

/**
 * What is wrong with one throttle setting, as sentences to prefix with the owner (plan, method, stage).
 * Token bucket (AWS docs: "Throttle requests to your REST APIs"): `rateLimit` is a refill rate (a double), `burstLimit` the bucket size (an integer).
 */
export function throttleProblems(throttle: ThrottleSettings): string[] {
  const { rateLimit, burstLimit } = throttle;
  const problems: string[] = [];
  const rateValid = Number.isFinite(rateLimit) && rateLimit >= 0;
  const burstValid = Number.isInteger(burstLimit) && burstLimit >= 0;
  if (!rateValid) {
    problems.push(`rateLimit ${rateLimit} must be a non-negative number of requests per second.`);
  }
  if (!burstValid) {
    problems.push(
      `burstLimit ${burstLimit} must be a non-negative whole number of requests (it is the token bucket's capacity).`,
    );
  }
  if (rateValid && burstValid && burstLimit < rateLimit) {
    problems.push(
      `burstLimit ${burstLimit} is below rateLimit ${rateLimit}: the bucket could not hold one second of refill, so ` +
        `the effective rate would be capped by the burst. Set burstLimit to at least ${Math.ceil(rateLimit)}.`,
    );
  }
  return problems;
}
