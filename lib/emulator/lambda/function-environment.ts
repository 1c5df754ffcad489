/**
 * The process environment a function sees: the template's `Environment.Variables`, the local
 * overrides, then the variables Lambda itself sets (which a template cannot override). Nothing else
 * comes from the host, so a function that works here does not secretly depend on the laptop.
 */
import { randomBytes } from 'node:crypto';
import type { FunctionModel } from '../model';
import { credentialVariables, type FunctionAwsEnvironment } from './aws-credentials';
import { type EnvOverrides, overridesFor } from './env-file';

export const FUNCTION_VERSION = '$LATEST';

export interface FunctionEnvironmentOptions {
  readonly region: string;
  /** The directory the handler is loaded from (`LAMBDA_TASK_ROOT`). */
  readonly taskRoot: string;
  readonly logStreamName: string;
  readonly overrides?: EnvOverrides;
  /** Credentials and endpoints for the function's AWS calls (`aws-credentials.ts`). @default - none */
  readonly aws?: FunctionAwsEnvironment;
  /** `NODE_PATH` standing for the runtime's own modules (the SDK, `sdk-resolution.ts`). @default - none */
  readonly runtimeNodePath?: string;
}

export function logGroupName(fn: FunctionModel): string {
  return `/aws/lambda/${fn.functionName}`;
}

/** One stream per execution environment, named as Lambda names them: `2024/05/01/[$LATEST]<32 hex>`. */
export function newLogStreamName(now = new Date()): string {
  const day = now.toISOString().slice(0, 10).replace(/-/g, '/');
  return `${day}/[${FUNCTION_VERSION}]${randomBytes(16).toString('hex')}`;
}

export function functionEnvironment(fn: FunctionModel, options: FunctionEnvironmentOptions): Record<string, string> {
  return {
    ...hostEssentials(options.runtimeNodePath),
    ...options.aws?.endpoints,
    ...fn.environment,
    ...overridesFor(options.overrides, fn),
    // Reserved variables, as the Node.js runtimes set them.
    _HANDLER: fn.handler,
    AWS_EXECUTION_ENV: `AWS_Lambda_${fn.runtime}`,
    AWS_LAMBDA_FUNCTION_NAME: fn.functionName,
    AWS_LAMBDA_FUNCTION_VERSION: FUNCTION_VERSION,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memorySize),
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    AWS_LAMBDA_LOG_GROUP_NAME: logGroupName(fn),
    AWS_LAMBDA_LOG_STREAM_NAME: options.logStreamName,
    ...credentialVariables(options.aws?.credentials),
    AWS_REGION: options.region,
    AWS_DEFAULT_REGION: options.region,
    LAMBDA_TASK_ROOT: options.taskRoot,
    LANG: 'en_US.UTF-8',
    TZ: ':UTC',
  };
}

/**
 * What the function's Node needs from the host: `PATH` for child processes, and `NODE_PATH` standing
 * for the runtime's own `node_modules` (only the SDK the runtime's image ships, see `sdk-resolution.ts`).
 * Host credentials, `NODE_OPTIONS` and everything else stay out.
 */
function hostEssentials(runtimeNodePath: string | undefined): Record<string, string> {
  const essentials: Record<string, string> = {};
  if (process.env.PATH !== undefined) essentials.PATH = process.env.PATH;
  if (runtimeNodePath !== undefined) essentials.NODE_PATH = runtimeNodePath;
  return essentials;
}
