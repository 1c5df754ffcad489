/**
 * Whether a deployed resource is the one the template means, by name. A name the template sets is compared
 * as it is. A name left to CloudFormation is generated from the stack name and the logical id —
 * `{stack}-{logicalId}-{SUFFIX}`, parts shortened to fit the service's limit — while the emulator calls the
 * same resource by its logical id (`{stack}-{logicalId}` when two stacks share it). Both count as the same
 * resource, so one assembly verifies against AWS and against `portico serve` alike.
 */

/** A CDK logical id: letters and digits only. */
const LOGICAL_ID = /^[A-Za-z][A-Za-z0-9]*$/;

export function samePhysicalName(expected: string, actual: string): boolean {
  if (expected === actual) return true;
  const logicalId = expected.slice(expected.lastIndexOf('-') + 1);
  if (!LOGICAL_ID.test(logicalId)) return false;
  const parts = actual.split('-');
  if (parts.length < 3) return false;
  const suffix = parts[parts.length - 1];
  const shortened = parts[parts.length - 2];
  return /^[A-Za-z0-9]+$/.test(suffix) && shortened.length > 0 && logicalId.startsWith(shortened);
}

/** Function names, each maybe qualified (`name:alias`): the qualifiers must match exactly. */
export function sameFunctionName(expected: string, actual: string): boolean {
  if (expected === actual) return true;
  if (expected.includes('${') || actual.includes('${')) return false;
  const [expectedName, ...expectedQualifier] = expected.split(':');
  const [actualName, ...actualQualifier] = actual.split(':');
  return expectedQualifier.join(':') === actualQualifier.join(':') && samePhysicalName(expectedName, actualName);
}

/** A value that is a Lambda function ARN (stage variables often carry one): the function's name, else undefined. */
export function lambdaFunctionName(value: string): string | undefined {
  const parts = value.split(':');
  return parts[0] === 'arn' && parts[2] === 'lambda' && parts[5] === 'function' && parts.length >= 7
    ? parts.slice(6).join(':')
    : undefined;
}

/** The log group an access-log destination ARN names (`arn:aws:logs:r:a:log-group:NAME:*`), else the ARN. */
export function logGroupNameOf(destinationArn: string): string {
  return /:log-group:([^:]+)/.exec(destinationArn)?.[1] ?? destinationArn;
}
