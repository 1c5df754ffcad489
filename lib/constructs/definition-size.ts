/**
 * The OpenAPI definitions and CloudFormation's template size limit (docs/decisions/0006). Definitions that
 * would crowd the template leave it as assets (`definition-asset.ts`), so the template file stays small.
 * What still counts is the *processed* template, the one CloudFormation builds after running
 * `AWS::Include`: 1 MB at most ("Troubleshoot the processed template", CloudFormation user guide). Inline
 * and included definitions count there; definitions API Gateway imports from S3 do not.
 */
import { CfnElement, Stack } from 'aws-cdk-lib';
import type { Finding } from '../core/checks';
import {
  compactDefinitionBytes,
  type DefinitionSource,
  definitionBytes,
  definitionPlacement,
  INLINE_DEFINITIONS_BUDGET,
  registeredDefinitions,
} from './definition-asset';

export { definitionBytes, INLINE_DEFINITIONS_BUDGET };

/** Warn above this estimate of the processed template (90 %): a few more routes would not deploy. */
export const DEFINITION_WARNING_BYTES = 900_000;
/** CloudFormation rejects larger processed templates (template in S3, after transforms). */
export const MAX_TEMPLATE_BYTES = 1_000_000;

/**
 * The processed template's size, estimated at synth: the stack's other elements as compact JSON, plus each
 * definition as CloudFormation holds it after including it (compact); definitions imported from S3 add nothing.
 */
export function processedTemplateBytes(stack: Stack): number {
  const definitions = registeredDefinitions(stack);
  const carriers = new Set<CfnElement>(definitions.map((version) => version.restApi));
  let bytes = 0;
  for (const construct of stack.node.findAll()) {
    if (!CfnElement.isCfnElement(construct) || Stack.of(construct) !== stack || carriers.has(construct)) continue;
    // The element's own fragment, as Stack._toCloudFormation merges it into the template.
    bytes += Buffer.byteLength(JSON.stringify(stack.resolve(construct._toCloudFormation())));
  }
  for (const version of definitions) bytes += processedDefinitionBytes(version);
  return bytes;
}

function processedDefinitionBytes(version: DefinitionSource): number {
  const placement = definitionPlacement(version);
  if (placement.kind === 'inline') return compactDefinitionBytes(version);
  return placement.kind === 'include' ? placement.bytes : 0;
}

export function definitionSizeFindings(versions: readonly DefinitionSource[]): Finding[] {
  if (versions.length === 0) return [];
  const total = processedTemplateBytes(Stack.of(versions[0]));
  if (total <= DEFINITION_WARNING_BYTES) return [];
  const size = (bytes: number) => `${bytes.toLocaleString('en-US')} bytes`;
  const counted = versions.flatMap((version) => {
    const placement = definitionPlacement(version);
    if (placement.kind === 's3') return [];
    const form = placement.kind === 'inline' ? 'inline' : 'via AWS::Include';
    return [{ name: version.versionName, bytes: processedDefinitionBytes(version), placement, form }];
  });
  const parts = counted.map((entry) => `${entry.name} ${size(entry.bytes)} ${entry.form}`).join(', ');
  const deployTimeValues = [
    ...new Set(counted.flatMap(({ placement }) => (placement.kind === 'include' ? placement.deployTimeValues : []))),
  ];
  const why =
    deployTimeValues.length === 0
      ? ''
      : ` They are included rather than imported from S3 because they hold deploy-time values (` +
        `${deployTimeValues.slice(0, 6).join(', ')}${deployTimeValues.length > 6 ? ', …' : ''}).`;
  const fix =
    'Split the routes across gateways in separate stacks. A definition without deploy-time values (stack with a ' +
    'concrete region, no Lambda or Cognito authorizers) is imported from S3 and does not count.';
  const level = total > MAX_TEMPLATE_BYTES ? 'error' : 'warning';
  const verdict = level === 'error' ? 'above' : 'approaching';
  return [
    {
      ruleId: 'definition-size',
      level,
      message:
        `The processed template of stack "${Stack.of(versions[0]).stackName}" would be about ${size(total)}, ${verdict} ` +
        `CloudFormation's 1 MB limit; the API definitions take ${parts || 'none of it'}.${why} ${fix}`,
    },
  ];
}
