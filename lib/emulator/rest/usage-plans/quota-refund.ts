/**
 * A throttled request does not use up quota (docs/decisions/0004). The usage-plan step counts quota
 * before the stage throttle step runs, so it leaves a refund here that the stage throttle step spends
 * when it refuses the request. Keyed weakly by the request, so nothing outlives it.
 */
import type { RequestContext } from '../../request-context';

const refunds = new WeakMap<RequestContext, () => void>();

export function leaveQuotaRefund(ctx: RequestContext, refund: () => void): void {
  refunds.set(ctx, refund);
}

export function refundQuota(ctx: RequestContext): void {
  const refund = refunds.get(ctx);
  refunds.delete(ctx);
  refund?.();
}
