/** Portico's construct library (what a CDK app imports at synth time): the constructs, the access log presets and the core vocabulary they use. The emulator is `portico/testing`. */
export type { CompositeMergeFunction, CompositeMergeInput, MemberFailure } from './composite/merge';
export * from './constructs';
export { ACCESS_LOG_FORMATS, type AccessLogFormatName } from './core/access-log-formats';
export type { PayloadFormatVersion } from './core/http-route-table';
export { exportOpenApi, type OpenApiExportOptions } from './core/openapi/export';
export type { ApiKeySource } from './core/route-table';
export type { QuotaPeriod, QuotaSettings, ThrottleSettings } from './core/throttle-settings';
