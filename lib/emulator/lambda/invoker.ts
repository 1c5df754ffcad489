/** The one door the pipeline uses to run Lambda code (integrations and authorizers alike). */

export type InvokeResult =
  /** The handler returned (or called back) this value. */
  | { readonly kind: 'ok'; readonly payload: unknown; readonly durationMs: number; readonly requestId: string }
  /** The handler threw or rejected; `errorMessage` is what Lambda would report (`Unauthorized` for authorizers). */
  | {
      readonly kind: 'error';
      readonly errorType: string;
      readonly errorMessage: string;
      readonly durationMs: number;
      readonly requestId: string;
    }
  /** The function ran past its own timeout or the caller's deadline; the worker was replaced. */
  | { readonly kind: 'timeout'; readonly durationMs: number; readonly requestId: string }
  /** The function cannot run here (unsupported runtime, missing asset, unknown ARN). */
  | { readonly kind: 'unavailable'; readonly reason: string; readonly requestId: string };

export interface InvokeOptions {
  /** The caller's deadline (API Gateway's integration timeout); the function's own timeout also applies. */
  readonly deadlineMs?: number;
}

export interface LambdaInvoker {
  /** `functionArn` may be qualified (`:alias`, `:3`); qualifiers run the function's current code. */
  invoke(functionArn: string, event: unknown, options?: InvokeOptions): Promise<InvokeResult>;
  close(): Promise<void>;
}
