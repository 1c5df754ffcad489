/**
 * `portico verify`: compare the deployed gateway of a stack with its synthesized template. Prints one block
 * per API with every difference; the exit code says the outcome — 0 in sync, 1 drift, 2 the check could not
 * be made (wrong options, unreadable assembly, service unreachable or refusing).
 */
import { resolve } from 'node:path';
import pc from 'picocolors';
import { formatDiff, VerifyError, verifyDeployed } from '../verify';

export interface VerifyCommandOptions {
  /** Cloud assembly directory (`cdk.out`). */
  readonly assembly: string;
  /** Stack name or artifact id. @default - the assembly's only stack */
  readonly stack?: string;
  /** @default - AWS_REGION, else AWS_DEFAULT_REGION, else us-east-1 with --endpoint */
  readonly region?: string;
  /** Management API endpoint, e.g. `http://127.0.0.1:3000` for `portico serve`. */
  readonly endpoint?: string;
  /** Id of the deployed API. @default - found by the API's name in the template */
  readonly apiId?: string;
}

export const EXIT_IN_SYNC = 0;
export const EXIT_DRIFT = 1;
export const EXIT_CANNOT_VERIFY = 2;

export interface VerifyOutput {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly color: boolean;
}

const consoleOutput: VerifyOutput = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  color: pc.isColorSupported,
};

/** Runs the check and returns the exit code (the CLI sets `process.exitCode` from it). */
export async function verifyCommand(
  options: VerifyCommandOptions,
  output: VerifyOutput = consoleOutput,
): Promise<number> {
  try {
    const region = options.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
    if (!region && !options.endpoint) {
      throw new VerifyError('Name the region of the deployed API with --region (or set AWS_REGION).');
    }
    const results = await verifyDeployed({
      assembly: resolve(options.assembly),
      stack: options.stack,
      region: region ?? 'us-east-1',
      endpoint: options.endpoint,
      apiId: options.apiId,
    });
    output.out(formatDiff(results, { color: output.color }));
    const differences = results.reduce((sum, result) => sum + result.findings.length, 0);
    if (differences === 0) return EXIT_IN_SYNC;
    const drifted = results.filter((result) => result.findings.length > 0).length;
    output.err(
      `portico verify: drift — ${differences} ${differences === 1 ? 'difference' : 'differences'} in ${drifted} ${drifted === 1 ? 'API' : 'APIs'}; deploy the stack again, or update the template to match.`,
    );
    return EXIT_DRIFT;
  } catch (error) {
    // Anything that stops the comparison is reported as "could not verify", never as drift.
    const message =
      error instanceof VerifyError ? error.message : `unexpected error: ${(error as Error).stack ?? error}`;
    output.err(`portico verify: ${message}`);
    return EXIT_CANNOT_VERIFY;
  }
}
