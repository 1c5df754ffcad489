/**
 * Finds the function an invocation names, in the forms Lambda's Invoke accepts: the canonical ARN,
 * a qualified ARN (`…:function:name:alias` or `:version`), a function name (optionally `name:alias`),
 * or, locally, the function's logical id. Qualifiers run the current code: the emulator has one
 * version of each function, the one in the assembly.
 */
import type { FunctionModel } from '../model';

export type FunctionLookup =
  | { readonly found: true; readonly fn: FunctionModel; readonly invokedFunctionArn: string }
  | { readonly found: false; readonly reason: string };

const FUNCTION_ARN = /^(arn:[^:]+:lambda:[^:]*:[^:]*:function:[^:]+)(?::([^:]+))?$/;

/** The account the emulator stands in for; each part defaults to the one in the function's own ARN. */
export interface EmulatedAccount {
  readonly region?: string;
  readonly accountId?: string;
}

export class FunctionDirectory {
  private readonly byArn: ReadonlyMap<string, FunctionModel>;
  private readonly byName = new Map<string, FunctionModel[]>();

  constructor(
    functions: ReadonlyMap<string, FunctionModel>,
    private readonly account: EmulatedAccount = {},
  ) {
    this.byArn = functions;
    for (const fn of functions.values()) {
      this.index(fn.functionName, fn);
      if (fn.logicalId !== fn.functionName) this.index(fn.logicalId, fn);
    }
  }

  lookup(reference: string): FunctionLookup {
    const arn = FUNCTION_ARN.exec(reference);
    if (arn) {
      const fn = this.byArn.get(arn[1]);
      if (fn) return { found: true, fn, invokedFunctionArn: reference };
      return { found: false, reason: `Function not found: ${reference}` };
    }
    const [name, qualifier, extra] = reference.split(':');
    const candidates = extra === undefined ? (this.byName.get(name) ?? []) : [];
    // A function name is unique in an account and region; a logical id may repeat across stacks.
    const byFunctionName = candidates.filter((fn) => fn.functionName === name);
    const matches = byFunctionName.length > 0 ? byFunctionName : candidates;
    if (matches.length === 1) {
      const [fn] = matches;
      const arn = this.arnInAccount(fn);
      return { found: true, fn, invokedFunctionArn: qualifier === undefined ? arn : `${arn}:${qualifier}` };
    }
    if (matches.length > 1) {
      const paths = matches.map((fn) => fn.path).join(', ');
      return { found: false, reason: `"${name}" names more than one function (${paths}); invoke it by ARN` };
    }
    return { found: false, reason: `Function not found: ${reference}` };
  }

  /** Invoked by name, a function's `invokedFunctionArn` is the ARN in the caller's region and account. */
  private arnInAccount(fn: FunctionModel): string {
    const parts = fn.arn.split(':');
    if (parts.length < 7) return fn.arn;
    const [prefix, partition, service, region, accountId, ...rest] = parts;
    return [
      prefix,
      partition,
      service,
      this.account.region ?? region,
      this.account.accountId ?? accountId,
      ...rest,
    ].join(':');
  }

  private index(key: string, fn: FunctionModel): void {
    const list = this.byName.get(key);
    if (list) list.push(fn);
    else this.byName.set(key, [fn]);
  }
}
