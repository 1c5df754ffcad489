/** FunctionModel objects built by hand, pointing at the handlers beside this file. */
import * as path from 'node:path';
import type { FunctionModel } from '../../../lib/emulator/model';

export const HANDLERS_DIR = path.join(__dirname, 'handlers');

export function arnOf(functionName: string): string {
  return `arn:aws:lambda:eu-west-1:123456789012:function:${functionName}`;
}

export function lambdaFunction(
  functionName: string,
  handler: string,
  props: Partial<FunctionModel> = {},
): FunctionModel {
  return {
    logicalId: `${functionName.replace(/[^A-Za-z0-9]/g, '')}Function`,
    arn: arnOf(functionName),
    functionName,
    path: `TestStack/${functionName}/Resource`,
    runtime: 'nodejs20.x',
    handler,
    codeDirectory: HANDLERS_DIR,
    environment: {},
    timeoutSeconds: 10,
    memorySize: 128,
    ...props,
  };
}

export function functionMap(...functions: FunctionModel[]): ReadonlyMap<string, FunctionModel> {
  return new Map(functions.map((fn) => [fn.arn, fn]));
}

/** The ways a Node.js function runs in this process; suites of Lambda semantics run once per mode. */
export const NODE_LAMBDA_MODES = ['worker', 'in-thread'] as const;
