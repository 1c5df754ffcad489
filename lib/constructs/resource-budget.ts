/**
 * CloudFormation accepts at most 500 resources per stack (AWS docs: "AWS CloudFormation quotas"). Counted once per stack
 * at synth time, whatever else the stack holds, so the error names the real total.
 */
import { Annotations, CfnResource, Stack } from 'aws-cdk-lib';

export const MAX_STACK_RESOURCES = 500;
/** Warn this early: a few more routes' worth of services, or one more version, would cross the limit. */
export const STACK_RESOURCES_WARNING = 450;

const watched = new WeakSet<Stack>();

export function countStackResources(stack: Stack): number {
  return stack.node
    .findAll()
    .filter((construct) => CfnResource.isCfnResource(construct) && Stack.of(construct) === stack).length;
}

/** Adds (once per stack) a validation that fails above 500 resources and warns above 450. */
export function watchStackResourceBudget(stack: Stack): void {
  if (watched.has(stack)) return;
  watched.add(stack);
  let warned = false;
  stack.node.addValidation({
    validate: () => {
      const count = countStackResources(stack);
      if (count > MAX_STACK_RESOURCES) {
        return [
          `Stack "${stack.stackName}" has ${count} CloudFormation resources: Template format error: Number of ` +
            `resources, ${count}, is greater than maximum allowed, ${MAX_STACK_RESOURCES}. Move some constructs ` +
            '(for example the Lambda functions) into another stack.',
        ];
      }
      if (count > STACK_RESOURCES_WARNING && !warned) {
        warned = true;
        Annotations.of(stack).addWarningV2(
          'portico:stack-resource-budget',
          `Stack "${stack.stackName}" has ${count} CloudFormation resources, close to CloudFormation's limit of ` +
            `${MAX_STACK_RESOURCES} per stack. Plan to move constructs (e.g. the Lambda functions) to another stack.`,
        );
      }
      return [];
    },
  });
}
