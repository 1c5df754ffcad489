import { MAX_AUTHORIZER_TTL_SECONDS, type RouteTable } from '../route-table';
import type { Finding } from './finding';
import { type CheckRule, finding } from './rule';

export const authorizerTtlRange: CheckRule = {
  ruleId: 'authorizer-ttl-range',
  level: 'error',
  description: `An authorizer result TTL that is not a whole number of seconds in 0..${MAX_AUTHORIZER_TTL_SECONDS}.`,
};

/** `authorizerResultTtlInSeconds`: 0 disables caching, at most 3600 (AWS docs: "Configure an API Gateway Lambda authorizer"). */
export function checkAuthorizerTtlRange(table: RouteTable): Finding[] {
  return table.authorizers
    .filter(
      (a) =>
        !Number.isInteger(a.resultTtlSeconds) ||
        a.resultTtlSeconds < 0 ||
        a.resultTtlSeconds > MAX_AUTHORIZER_TTL_SECONDS,
    )
    .map((a) =>
      finding(
        authorizerTtlRange,
        `Authorizer "${a.name}": resultTtlSeconds ${a.resultTtlSeconds} is outside API Gateway's range of whole seconds ` +
          `0..${MAX_AUTHORIZER_TTL_SECONDS}. Use 0 to turn caching off, or a TTL of at most ${MAX_AUTHORIZER_TTL_SECONDS} seconds.`,
      ),
    );
}
